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

/**
 * Quotes a CSV cell, and prefixes cells that a spreadsheet would run as a
 * formula with an apostrophe, so that a crafted email or reason stays text.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;

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
