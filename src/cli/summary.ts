import type { BatchItemResult, BatchResponse } from './api-client.js';

/** Row of the file that was not imported, with the reason shown to the operator. */
export interface RowProblem {
  row: number;
  reason: string;
}

/** Outcome of an import, for the summary and the exit code. */
export interface ImportTotals {
  created: number;
  existing: number;
  rejected: RowProblem[];
  skipped: RowProblem[];
  /** Rows that were never sent because the import stopped early, with the reason it stopped. */
  notSent: { rows: number[]; reason: string } | undefined;
}

/**
 * Item statuses that mean "already there": 409 for a registered email and
 * 200 for a certificate that was issued before.
 */
const EXISTING_STATUSES: ReadonlySet<number> = new Set([200, 409]);

/** Collects the outcome of each row of an import. */
export class ImportSummary {
  private created = 0;
  private existing = 0;
  private readonly rejected: RowProblem[] = [];
  private readonly skipped: RowProblem[] = [];
  private notSent: { rows: number[]; reason: string } | undefined;

  /** Records rows rejected before sending, such as parse errors. */
  addRejected(problems: readonly RowProblem[]): void {
    this.rejected.push(...problems);
  }

  /** Records rows with nothing to import, such as learners who have not completed. */
  addSkipped(problems: readonly RowProblem[]): void {
    this.skipped.push(...problems);
  }

  /**
   * Records the API's results for one batch; `rows[i]` is the file row of
   * item i. A replayed 201 counts as existing, because the item was created by
   * an earlier run of the same import.
   */
  addBatchResults(rows: readonly number[], response: BatchResponse): void {
    for (const result of response.items) {
      const row = rows[result.index] ?? Number.NaN;
      if (result.status === 201 && !response.replayed) {
        this.created += 1;
      } else if (result.status === 201 || EXISTING_STATUSES.has(result.status)) {
        this.existing += 1;
      } else {
        this.rejected.push({ row, reason: describeItemProblem(result) });
      }
    }
  }

  /** Records every row of a batch that the API rejected as a whole. */
  addBatchRejected(rows: readonly number[], reason: string): void {
    this.rejected.push(...rows.map((row) => ({ row, reason })));
  }

  /** Records rows left unsent because the import stopped. */
  addNotSent(rows: readonly number[], reason: string): void {
    this.notSent = { rows: [...rows].sort((left, right) => left - right), reason };
  }

  totals(): ImportTotals {
    const byRow = (left: RowProblem, right: RowProblem): number => left.row - right.row;

    return {
      created: this.created,
      existing: this.existing,
      rejected: [...this.rejected].sort(byRow),
      skipped: [...this.skipped].sort(byRow),
      notSent: this.notSent,
    };
  }
}

/** Exit status: 0 when every row was imported, already there or skipped, 1 otherwise. */
export function exitCodeFor(totals: ImportTotals): 0 | 1 {
  return totals.rejected.length === 0 && totals.notSent === undefined ? 0 : 1;
}

export interface FormatOptions {
  /** Heading such as `Registrations from users.csv (Moodle users CSV)`. */
  title: string;
  /** List each skipped row instead of only counting them. */
  listSkipped: boolean;
}

/** Renders the summary printed at the end of an import. */
export function formatSummary(totals: ImportTotals, options: FormatOptions): string {
  const counts: [string, number][] = [
    ['created', totals.created],
    ['already existing', totals.existing],
    ['rejected', totals.rejected.length],
    ['skipped', totals.skipped.length],
  ];
  if (totals.notSent !== undefined) {
    counts.push(['not sent', totals.notSent.rows.length]);
  }
  const labelWidth = Math.max(...counts.map(([label]) => label.length));
  const lines = [options.title];
  for (const [label, count] of counts) {
    lines.push(`  ${`${label}:`.padEnd(labelWidth + 1)} ${count}`);
  }

  appendRows(lines, 'Rejected rows', totals.rejected);
  if (options.listSkipped) {
    appendRows(lines, 'Skipped rows', totals.skipped);
  }
  if (totals.notSent !== undefined) {
    const { rows, reason } = totals.notSent;
    lines.push(`Import stopped: ${reason}`);
    lines.push(`  rows not sent: ${describeRowRange(rows)}`);
  }

  return `${lines.join('\n')}\n`;
}

function appendRows(lines: string[], heading: string, problems: readonly RowProblem[]): void {
  if (problems.length === 0) {
    return;
  }

  lines.push(`${heading}:`);
  for (const problem of problems) {
    lines.push(`  row ${problem.row}: ${problem.reason}`);
  }
}

/** Describes a sorted list of rows briefly, such as "180 rows, from row 201 to row 450". */
function describeRowRange(rows: readonly number[]): string {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (first === undefined || last === undefined) {
    return 'none';
  }

  return first === last ? `row ${first}` : `${rows.length} rows, from row ${first} to row ${last}`;
}

/** Reason for a rejected item, from its problem document, such as "… (HTTP 422)". */
export function describeItemProblem(result: BatchItemResult): string {
  const detail = result.problem?.detail ?? result.problem?.title ?? 'rejected by the API';

  return `${detail} (HTTP ${result.status})`;
}
