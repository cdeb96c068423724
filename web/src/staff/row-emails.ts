import { readCsv } from '../../../src/lms/csv.js';
import { MOODLE_EMAIL_COLUMNS } from '../../../src/lms/moodle-completion.js';
import { cellValue, checkRecordShape, findColumn } from '../../../src/lms/rows.js';

/**
 * Reads the email cell of each well-formed record of a completion file, by
 * file line. The parsers return the email only inside the item of a valid
 * row, so rows they reject or skip take it from here. The column names cover
 * both formats: Moodle writes "Email address" or "Email", Open edX "Email".
 * A record with the wrong number of fields is left out, because its cells
 * may not line up with the header.
 * NOTE: This reads the file a second time with the parsers' own CSV reader.
 * It can go once the parsers' rejected and skipped rows carry the email.
 */
export function emailsByRow(text: string): Map<number, string> {
  const emails = new Map<number, string>();
  const table = readCsv(text);
  const column = findColumn(table.header, MOODLE_EMAIL_COLUMNS);
  if (column === undefined) {
    return emails;
  }
  for (const record of table.records) {
    const email = cellValue(record, column);
    if (checkRecordShape(record, table) === undefined && email !== '') {
      emails.set(record.row, email);
    }
  }

  return emails;
}
