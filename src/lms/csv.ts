import Papa from 'papaparse';

import { stripBom } from './decode.js';
import { LmsFileError } from './errors.js';

/** Separators that a header line may use; the most frequent one wins. */
export const SEPARATORS = [',', ';', '\t'] as const;

export type Separator = (typeof SEPARATORS)[number];

/** One data record of a CSV file. */
export interface CsvRecord {
  /** 1-based line of the file where the record starts; the header is line 1. */
  readonly row: number;
  readonly fields: readonly string[];
  /** Problem with the CSV syntax of this record, such as a quote that is never closed. */
  readonly syntaxError?: string;
}

export interface CsvTable {
  readonly separator: Separator;
  /** Header cells, trimmed. */
  readonly header: readonly string[];
  readonly records: readonly CsvRecord[];
}

/**
 * Splits CSV text into a header and records with papaparse. The separator is
 * detected from the header line. Blank lines and lines with only separators
 * are left out, but still count for the line numbers of later records.
 */
export function readCsv(input: string): CsvTable {
  const text = stripBom(input);
  if (text.trim() === '') {
    throw new LmsFileError('file is empty; export the report again');
  }

  const separator = detectSeparator(text);
  const parsed: { fields: string[]; start: number; syntaxError?: string }[] = [];
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter: separator,
    // papaparse reports the end of each record in meta.cursor, so the next
    // record starts there. That offset gives the line number below.
    step: (result) => {
      const syntaxError = result.errors[0]?.message;
      parsed.push({ fields: result.data, start, syntaxError });
      start = result.meta.cursor;
    },
  });

  const lines = new LineCounter(text);
  const records: CsvRecord[] = [];
  let header: string[] | undefined;
  for (const record of parsed) {
    if (record.fields.every((field) => field.trim() === '')) {
      continue;
    }
    if (header === undefined) {
      header = record.fields.map((cell) => cell.trim());
      continue;
    }
    const csvRecord: CsvRecord = { row: lines.lineAt(record.start), fields: record.fields };
    records.push(
      record.syntaxError === undefined
        ? csvRecord
        : { ...csvRecord, syntaxError: describeSyntaxError(record.syntaxError) },
    );
  }

  if (header === undefined) {
    throw new LmsFileError('file is empty; export the report again');
  }

  return { separator, header, records };
}

/** Picks the separator that occurs most often outside quotes on the first line. */
function detectSeparator(text: string): Separator {
  const counts = new Map<Separator, number>(SEPARATORS.map((separator) => [separator, 0]));
  let quoted = false;
  for (const character of text) {
    if (character === '"') {
      quoted = !quoted;
      continue;
    }
    if (!quoted && (character === '\n' || character === '\r')) {
      break;
    }
    const count = counts.get(character as Separator);
    if (!quoted && count !== undefined) {
      counts.set(character as Separator, count + 1);
    }
  }

  let best: Separator = ',';
  for (const separator of SEPARATORS) {
    if ((counts.get(separator) ?? 0) > (counts.get(best) ?? 0)) {
      best = separator;
    }
  }

  return best;
}

function describeSyntaxError(message: string): string {
  if (message === 'Quoted field unterminated') {
    return (
      'a quoted field is never closed, so the rest of the file was read as one field; ' +
      'add the missing quote (")'
    );
  }

  return (
    `the CSV quoting is malformed (${message}); ` +
    'put quotes only around whole fields and double any quote inside one'
  );
}

/**
 * Converts character offsets to 1-based line numbers. Offsets must be asked
 * for in increasing order, which keeps the whole count linear in the text.
 * CRLF, LF and a lone CR each end one line.
 */
class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  lineAt(target: number): number {
    while (this.offset < target) {
      const character = this.text[this.offset];
      const isLineEnd =
        character === '\n' || (character === '\r' && this.text[this.offset + 1] !== '\n');
      if (isLineEnd) {
        this.line += 1;
      }
      this.offset += 1;
    }

    return this.line;
  }
}
