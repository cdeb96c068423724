import { LmsFileError } from './errors.js';

/**
 * Decodes the bytes of an export as UTF-8 and removes a leading byte order
 * mark. A UTF-16 or UTF-32 byte order mark, or bytes that are not valid UTF-8
 * such as a file saved as Latin-1 or Windows-1252, raise an LmsFileError
 * instead of turning into U+FFFD.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  // NOTE: UTF-16 without a byte order mark is not detected here. ASCII text in
  // that form is valid UTF-8 with a NUL byte beside each character, so it fails
  // later with an unrecognised header.
  const bom = findForeignBom(bytes);
  if (bom !== undefined) {
    const hex = bom.mark.map((byte) => byte.toString(16).toUpperCase().padStart(2, '0'));
    throw new LmsFileError(
      `file is ${bom.encoding}, not UTF-8 (it starts with the byte order mark ` +
        `${hex.join(' ')}); save it as UTF-8 and try again`,
    );
  }

  // ignoreBOM keeps a leading mark in the output, so stripBom removes it in
  // one place for text that comes from here and for text read elsewhere.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch (error) {
    throw new LmsFileError(
      `file is not valid UTF-8 (${describeInvalidByte(bytes)}, perhaps Latin-1 or ` +
        'Windows-1252); save it as UTF-8 and try again',
      { cause: error },
    );
  }

  return stripBom(text);
}

/** Removes a leading U+FEFF byte order mark, if there is one. */
export function stripBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/**
 * Byte order marks of the encodings other than UTF-8. UTF-32LE comes before
 * UTF-16LE because its mark FF FE 00 00 starts with the UTF-16LE mark FF FE.
 */
const FOREIGN_BOMS: readonly { encoding: string; mark: readonly number[] }[] = [
  { encoding: 'UTF-32LE', mark: [0xff, 0xfe, 0x00, 0x00] },
  { encoding: 'UTF-32BE', mark: [0x00, 0x00, 0xfe, 0xff] },
  { encoding: 'UTF-16LE', mark: [0xff, 0xfe] },
  { encoding: 'UTF-16BE', mark: [0xfe, 0xff] },
];

/** Finds the non-UTF-8 byte order mark that starts the bytes, if there is one. */
function findForeignBom(bytes: Uint8Array): (typeof FOREIGN_BOMS)[number] | undefined {
  return FOREIGN_BOMS.find(({ mark }) => mark.every((byte, index) => bytes[index] === byte));
}

/** Names the first invalid byte and its line, such as "byte 0xE9 on line 3". */
function describeInvalidByte(bytes: Uint8Array): string {
  const offset = findInvalidUtf8Offset(bytes);
  if (offset === undefined) {
    return 'invalid byte sequence';
  }

  let line = 1;
  for (let index = 0; index < offset; index += 1) {
    if (bytes[index] === 0x0a) {
      line += 1;
    }
  }
  const hex = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');

  return `byte 0x${hex} on line ${line}`;
}

/**
 * Returns the offset of the lead byte of the first ill-formed sequence, using
 * the well-formed byte sequences of the Unicode Standard, table 3-7.
 */
function findInvalidUtf8Offset(bytes: Uint8Array): number | undefined {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    const length = sequenceLength(lead);
    if (length === 0) {
      return index;
    }
    const [low, high] = secondByteRange(lead);
    for (let next = 1; next < length; next += 1) {
      const byte = bytes[index + next];
      const min = next === 1 ? low : 0x80;
      const max = next === 1 ? high : 0xbf;
      if (byte === undefined || byte < min || byte > max) {
        return index;
      }
    }
    index += length;
  }

  return undefined;
}

/** Number of bytes in a sequence that starts with this lead byte, or 0. */
function sequenceLength(lead: number): number {
  if (lead <= 0x7f) {
    return 1;
  }
  if (lead >= 0xc2 && lead <= 0xdf) {
    return 2;
  }
  if (lead >= 0xe0 && lead <= 0xef) {
    return 3;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    return 4;
  }

  return 0;
}

/** Allowed range of the byte after a lead byte; it excludes overlong forms and surrogates. */
function secondByteRange(lead: number): [number, number] {
  switch (lead) {
    case 0xe0:
      return [0xa0, 0xbf];
    case 0xed:
      return [0x80, 0x9f];
    case 0xf0:
      return [0x90, 0xbf];
    case 0xf4:
      return [0x80, 0x8f];
    default:
      return [0x80, 0xbf];
  }
}
