/** Outcome of one row of an uploaded completion file. */
export type RowOutcome = 'issued' | 'existing' | 'rejected' | 'skipped' | 'unsent';

export interface RowResult {
  /** Line of the uploaded file; the header is line 1. */
  row: number;
  email: string;
  outcome: RowOutcome;
  certificateId?: string;
  reason?: string;
}

const COLUMNS = ['row', 'email', 'status', 'certificate_id', 'reason'] as const;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;
// An email whose local part has only letters, digits and . _ + - cannot hold
// a function call, a DDE link (`|`) or a sheet reference (`!`).
const PLAIN_EMAIL = /^[\p{L}\p{N}._+-]+@[\p{L}\p{N}.-]+\.[\p{L}\p{N}-]+$/u;

/**
 * Tells whether a spreadsheet could run the cell as a formula. A cell that
 * starts with = + - @, a tab or a carriage return counts, except a plain
 * number and a plain email address such as `+1@example.org`, which the
 * apostrophe would change. A spreadsheet may show such an email as an
 * error, but it cannot run anything from it.
 */
function needsFormulaGuard(value: string): boolean {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) && !PLAIN_EMAIL.test(value);
}

/**
 * Quotes a CSV cell, and prefixes cells that a spreadsheet would run as a
 * formula with an apostrophe, so that a crafted email or reason stays text.
 */
export function csvCell(value: string): string {
  const safe = needsFormulaGuard(value) ? `'${value}` : value;

  return /[",\r\n;]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Writes the results as CSV with English column names and status codes, so
 * that scripts can read the file whatever language the page was shown in.
 * A byte order mark makes spreadsheet programs read it as UTF-8.
 */
export function resultsToCsv(results: readonly RowResult[]): string {
  const lines = [COLUMNS.join(',')];
  for (const result of results) {
    const cells = [
      String(result.row),
      result.email,
      result.outcome,
      result.certificateId ?? '',
      result.reason ?? '',
    ];
    lines.push(cells.map(csvCell).join(','));
  }

  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Offers text as a file download without a server round trip. */
export function downloadText(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the time the click handler returns, but some
  // browsers read the URL a little later, so it is released after a pause.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
