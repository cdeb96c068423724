/**
 * Whole-file problem with an LMS export: the bytes are not UTF-8, the file is
 * empty, or its header matches none of the recognised formats. Problems with
 * single rows are reported per row instead.
 */
export class LmsFileError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LmsFileError';
  }
}
