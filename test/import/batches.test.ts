import { describe, expect, it } from 'vitest';

import {
  MAX_BODY_BYTES,
  batchIdempotencyKey,
  idempotencyKeyPrefix,
  splitIntoBatches,
} from '../../src/cli/batches.js';

const encoder = new TextEncoder();

function rowsOf(count: number, item: (index: number) => object): { row: number; item: object }[] {
  return Array.from({ length: count }, (_, index) => ({ row: index + 2, item: item(index) }));
}

describe('splitIntoBatches', () => {
  it('limits batches to 100 items', () => {
    const rows = rowsOf(250, (index) => ({ email: `u${index}@example.org` }));

    const batches = splitIntoBatches(rows);

    expect(batches.map((batch) => batch.rows.length)).toEqual([100, 100, 50]);
    expect(batches.map((batch) => batch.number)).toEqual([1, 2, 3]);
    expect(batches[2]?.rows[0]?.row).toBe(202);
  });

  it('keeps bodies within 64 KiB', () => {
    // 200 four-byte characters make each item about 850 bytes of UTF-8.
    const rows = rowsOf(100, (index) => ({ email: `u${index}@example.org`, fullName: '𠜎'.repeat(200) }));

    const batches = splitIntoBatches(rows);

    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) {
      const body = JSON.stringify({ items: batch.rows.map((row) => row.item) });
      expect(encoder.encode(body).length).toBeLessThanOrEqual(MAX_BODY_BYTES);
    }
    expect(batches.flatMap((batch) => batch.rows)).toEqual(rows);
  });

  it('fills a body exactly to the limit', () => {
    const rows = rowsOf(3, () => ({ a: 'x' }));
    const itemBytes = JSON.stringify({ a: 'x' }).length;
    const twoItemBody = JSON.stringify({ items: [{ a: 'x' }, { a: 'x' }] }).length;

    const batches = splitIntoBatches(rows, 100, twoItemBody);

    expect(itemBytes).toBe(9);
    expect(batches.map((batch) => batch.rows.length)).toEqual([2, 1]);
  });

  it('returns no batches for no rows', () => {
    expect(splitIntoBatches([])).toEqual([]);
  });
});

describe('idempotencyKeyPrefix', () => {
  const file = encoder.encode('username,firstname,lastname,email\n');

  it('is stable for the same import', () => {
    const first = idempotencyKeyPrefix(file, { kind: 'registrations' });
    const second = idempotencyKeyPrefix(encoder.encode('username,firstname,lastname,email\n'), {
      kind: 'registrations',
    });

    expect(first).toBe(second);
    expect(first).toMatch(/^acredita-import-[0-9a-f]{32}$/);
  });

  it('changes with the file', () => {
    const other = encoder.encode('username,firstname,lastname,email\nu,A,B,a@example.org\n');

    expect(idempotencyKeyPrefix(other, { kind: 'registrations' })).not.toBe(
      idempotencyKeyPrefix(file, { kind: 'registrations' }),
    );
  });

  it('changes with the course', () => {
    const first = idempotencyKeyPrefix(file, { kind: 'completions', courseId: 'A' });
    const second = idempotencyKeyPrefix(file, { kind: 'completions', courseId: 'B' });

    expect(first).not.toBe(second);
  });
});

describe('batchIdempotencyKey', () => {
  it('appends the batch number', () => {
    expect(batchIdempotencyKey('acredita-import-abc', 3)).toBe('acredita-import-abc-3');
  });
});
