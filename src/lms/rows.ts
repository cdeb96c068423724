import type { CsvRecord, CsvTable } from './csv.js';

/** Column of the header, with its name as the file spells it. */
export interface Column {
  readonly index: number;
  readonly name: string;
}

/** Lower-cases a header cell and collapses its spaces, for comparison. */
export function normalizeHeaderCell(cell: string): string {
  return cell.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Finds the first header cell that matches one of the names, ignoring case. */
export function findColumn(
  header: readonly string[],
  names: readonly string[],
): Column | undefined {
  const expectedNames = new Set(names.map(normalizeHeaderCell));
  const index = header.findIndex((cell) => expectedNames.has(normalizeHeaderCell(cell)));
  if (index === -1) {
    return undefined;
  }

  return { index, name: header[index] ?? '' };
}

/** Returns the trimmed value of a column in a record, or '' when the record is short. */
export function cellValue(record: CsvRecord, column: Column): string {
  return (record.fields[column.index] ?? '').trim();
}

/**
 * Checks that a record is well-formed CSV with as many fields as the header.
 * Returns the reason when it is not.
 */
export function checkRecordShape(record: CsvRecord, table: CsvTable): string | undefined {
  if (record.syntaxError !== undefined) {
    return record.syntaxError;
  }

  const expected = table.header.length;
  const actual = record.fields.length;
  if (actual === expected) {
    return undefined;
  }

  const separatorName = table.separator === '\t' ? 'tab' : `"${table.separator}"`;
  const hint =
    actual > expected
      ? `; a value containing the separator ${separatorName} may be missing its quotes`
      : '';

  return `row has ${actual} fields but the header has ${expected}${hint}`;
}

/**
 * Checks an email minimally: one @ with text on both sides and no spaces.
 * The API validates it fully, and its problem detail becomes the row's reason.
 */
export function checkEmail(value: string, column: Column): string | undefined {
  if (value === '') {
    return `column "${column.name}" is empty`;
  }

  const parts = value.split('@');
  const [local, domain] = parts;
  const isPlausible = parts.length === 2 && local !== '' && domain !== '' && !/\s/.test(value);
  if (!isPlausible) {
    return (
      `column "${column.name}" is not a valid email address ` +
      '(expected one "@" with text on both sides)'
    );
  }

  return undefined;
}

/** Remembers the row of each email, so a repeat in the same file is rejected. */
export class DuplicateEmails {
  private readonly firstRows = new Map<string, number>();

  /** Returns the reason when this email is already on an earlier row. */
  check(email: string, row: number, column: Column): string | undefined {
    const key = email.normalize('NFC').toLowerCase();
    const firstRow = this.firstRows.get(key);
    if (firstRow !== undefined) {
      return `column "${column.name}" repeats the address of row ${firstRow}`;
    }
    this.firstRows.set(key, row);

    return undefined;
  }
}
