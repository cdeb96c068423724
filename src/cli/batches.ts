import { createHash } from 'node:crypto';

/** Most items the batch routes accept in one request. */
export const MAX_BATCH_ITEMS = 100;

/** Largest request body the API accepts (64 KiB); larger ones get HTTP 413. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Item of the file with the line it came from. */
export interface RowItem<T> {
  row: number;
  item: T;
}

export interface Batch<T> {
  /** Position of the batch in the import, from 1. */
  number: number;
  rows: RowItem<T>[];
}

const encoder = new TextEncoder();

/**
 * Groups items in file order into batches of at most maxItems whose JSON body
 * `{"items":[…]}` fits in maxBytes. The grouping depends only on the items,
 * so running the same import again produces the same batches.
 */
export function splitIntoBatches<T>(
  rows: readonly RowItem<T>[],
  maxItems: number = MAX_BATCH_ITEMS,
  maxBytes: number = MAX_BODY_BYTES,
): Batch<T>[] {
  const envelopeBytes = encoder.encode('{"items":[]}').length;
  const batches: Batch<T>[] = [];
  let current: RowItem<T>[] = [];
  let currentBytes = envelopeBytes;

  for (const row of rows) {
    const itemBytes = encoder.encode(JSON.stringify(row.item)).length;
    const separatorBytes = current.length === 0 ? 0 : 1;
    const isFull =
      current.length === maxItems || currentBytes + separatorBytes + itemBytes > maxBytes;
    if (isFull && current.length > 0) {
      batches.push({ number: batches.length + 1, rows: current });
      current = [];
      currentBytes = envelopeBytes;
    }
    currentBytes += (current.length === 0 ? 0 : 1) + itemBytes;
    current.push(row);
  }
  if (current.length > 0) {
    batches.push({ number: batches.length + 1, rows: current });
  }

  return batches;
}

/**
 * Derives the Idempotency-Key prefix of an import from the file's bytes and
 * the settings that shape the requests (kind of import, course, completion
 * date). A re-run of the same import sends the same keys, so the API replays
 * the responses of batches that were already applied.
 */
export function idempotencyKeyPrefix(
  fileBytes: Uint8Array,
  settings: Readonly<Record<string, unknown>>,
): string {
  const hash = createHash('sha256');
  hash.update(fileBytes);
  hash.update('\0');
  hash.update(JSON.stringify(settings));

  return `acredita-import-${hash.digest('hex').slice(0, 32)}`;
}

/** Idempotency-Key of one batch, such as `acredita-import-<hash>-3`. */
export function batchIdempotencyKey(prefix: string, batchNumber: number): string {
  return `${prefix}-${batchNumber}`;
}
