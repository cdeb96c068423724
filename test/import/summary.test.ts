import { describe, expect, it } from 'vitest';

import { ImportSummary, exitCodeFor, formatSummary } from '../../src/cli/summary.js';

describe('ImportSummary', () => {
  it('counts item statuses', () => {
    const summary = new ImportSummary();

    summary.addBatchResults([2, 3, 4, 5], {
      replayed: false,
      items: [
        { index: 0, status: 201 },
        { index: 1, status: 409, problem: { detail: 'email already registered' } },
        { index: 2, status: 200 },
        { index: 3, status: 422, problem: { title: 'Unprocessable', detail: 'no user with this email' } },
      ],
    });

    const totals = summary.totals();
    expect(totals.created).toBe(1);
    expect(totals.existing).toBe(2);
    expect(totals.rejected).toEqual([{ row: 5, reason: 'no user with this email (HTTP 422)' }]);
  });

  it('counts replayed creations as existing', () => {
    const summary = new ImportSummary();

    summary.addBatchResults([2], { replayed: true, items: [{ index: 0, status: 201 }] });

    expect(summary.totals().created).toBe(0);
    expect(summary.totals().existing).toBe(1);
  });

  it('maps results by index', () => {
    const summary = new ImportSummary();

    summary.addBatchResults([10, 20], {
      replayed: false,
      items: [
        { index: 1, status: 400, problem: { title: 'Invalid request' } },
        { index: 0, status: 201 },
      ],
    });

    expect(summary.totals().rejected).toEqual([{ row: 20, reason: 'Invalid request (HTTP 400)' }]);
  });

  it('sorts rejected rows', () => {
    const summary = new ImportSummary();

    summary.addBatchRejected([9, 7], 'too large');
    summary.addRejected([{ row: 3, reason: 'column "email" is empty' }]);

    expect(summary.totals().rejected.map((problem) => problem.row)).toEqual([3, 7, 9]);
  });
});

describe('exitCodeFor', () => {
  it('returns 0 without rejections', () => {
    const summary = new ImportSummary();
    summary.addSkipped([{ row: 2, reason: 'not completed' }]);

    expect(exitCodeFor(summary.totals())).toBe(0);
  });

  it('returns 1 with a rejection', () => {
    const summary = new ImportSummary();
    summary.addRejected([{ row: 2, reason: 'column "email" is empty' }]);

    expect(exitCodeFor(summary.totals())).toBe(1);
  });

  it('returns 1 with rows not sent', () => {
    const summary = new ImportSummary();
    summary.addNotSent([4, 5], 'API unavailable');

    expect(exitCodeFor(summary.totals())).toBe(1);
  });
});

describe('formatSummary', () => {
  it('lists counts and rejected rows', () => {
    const summary = new ImportSummary();
    summary.addBatchResults([2, 3], {
      replayed: false,
      items: [
        { index: 0, status: 201 },
        { index: 1, status: 422, problem: { detail: 'not registered' } },
      ],
    });
    summary.addSkipped([{ row: 4, reason: 'not completed' }]);

    const text = formatSummary(summary.totals(), { title: 'Certificates from a.csv', listSkipped: false });

    expect(text).toBe(
      [
        'Certificates from a.csv',
        '  created:          1',
        '  already existing: 0',
        '  rejected:         1',
        '  skipped:          1',
        'Rejected rows:',
        '  row 3: not registered (HTTP 422)',
        '',
      ].join('\n'),
    );
  });

  it('lists skipped rows on request', () => {
    const summary = new ImportSummary();
    summary.addSkipped([{ row: 4, reason: 'not completed' }]);

    const text = formatSummary(summary.totals(), { title: 'T', listSkipped: true });

    expect(text).toContain('Skipped rows:\n  row 4: not completed\n');
  });

  it('reports rows not sent', () => {
    const summary = new ImportSummary();
    summary.addNotSent([250, 102, 101], 'the API at http://127.0.0.1:1 failed 5 times');

    const text = formatSummary(summary.totals(), { title: 'T', listSkipped: false });

    expect(text).toContain('  not sent:         3\n');
    expect(text).toContain('Import stopped: the API at http://127.0.0.1:1 failed 5 times\n');
    expect(text).toContain('  rows not sent: 3 rows, from row 101 to row 250\n');
  });
});
