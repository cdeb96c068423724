import { ApiError, isAuthError, isTransient, request, type BatchAnswer } from '../api.js';
import { randomUuid } from '../random-uuid.js';
import type { RowResult } from './results-csv.js';

/** The batch routes take at most 100 items per request. */
export const MAX_BATCH_ITEMS = 100;
/**
 * The API rejects bodies over 64 KiB with 413, so a batch is closed early when
 * its JSON would pass this size. The margin covers the `{"items":[]}` wrapper.
 */
export const MAX_BATCH_BYTES = 60 * 1024;
const MAX_ATTEMPTS = 3;
const MAX_RETRY_DELAY_SECONDS = 10;

export interface IssuanceEntry {
  row: number;
  item: {
    email: string;
    courseId: string;
    courseName: string;
    completedAt: string;
    grade?: number;
  };
}

/** Splits entries into batches of at most MAX_BATCH_ITEMS items and MAX_BATCH_BYTES bytes. */
export function planBatches<T extends { item: unknown }>(
  entries: readonly T[],
  maxItems = MAX_BATCH_ITEMS,
  maxBytes = MAX_BATCH_BYTES,
): T[][] {
  const encoder = new TextEncoder();
  const batches: T[][] = [];
  let current: T[] = [];
  let currentBytes = 0;
  for (const entry of entries) {
    const size = encoder.encode(JSON.stringify(entry.item)).length + 1;
    const full = current.length >= maxItems || (current.length > 0 && currentBytes + size > maxBytes);
    if (full) {
      batches.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(entry);
    currentBytes += size;
  }
  if (current.length > 0) {
    batches.push(current);
  }

  return batches;
}

export interface SendOptions {
  issuerKey: string;
  signal: AbortSignal;
  /** Called after each batch with the number of entries that have a result. */
  onProgress(done: number, total: number): void;
  /** Explains an error that ended the upload, for the rows left unsent. */
  describe(error: unknown): string;
}

export interface SendResult {
  results: RowResult[];
  /** The error that ended the upload early: an auth error or a failure that persisted. */
  stoppedBy?: unknown;
}

function wait(seconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, seconds * 1000);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/**
 * Sends one batch, trying again after a network failure, a 5xx or a 409 for
 * a key still in progress. Every attempt uses the same Idempotency-Key, so a
 * batch that was stored before its response was lost is not issued twice.
 */
async function sendBatch(items: IssuanceEntry['item'][], options: SendOptions): Promise<BatchAnswer> {
  const idempotencyKey = randomUuid();
  for (let attempt = 1; ; attempt += 1) {
    try {
      const { data } = await request<BatchAnswer>('POST', '/certificados/lote', {
        body: { items },
        issuerKey: options.issuerKey,
        idempotencyKey,
        signal: options.signal,
      });

      return data;
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isTransient(error) || options.signal.aborted) {
        throw error;
      }
      const retryAfter = error instanceof ApiError ? error.retryAfter : undefined;
      await wait(Math.min(retryAfter ?? attempt, MAX_RETRY_DELAY_SECONDS), options.signal);
    }
  }
}

function resultsFromAnswer(batch: readonly IssuanceEntry[], answer: BatchAnswer): RowResult[] {
  const byIndex = new Map(answer.items.map((item) => [item.index, item]));

  return batch.map((entry, index): RowResult => {
    const base = { row: entry.row, email: entry.item.email };
    const item = byIndex.get(index);
    if (!item) {
      return { ...base, outcome: 'rejected', reason: 'missing from the server response' };
    }
    if ((item.status === 201 || item.status === 200) && item.certificate) {
      return {
        ...base,
        outcome: item.status === 201 ? 'issued' : 'existing',
        certificateId: item.certificate.certificateId,
      };
    }
    const reason = item.problem?.detail ?? item.problem?.title ?? `status ${item.status}`;

    return { ...base, outcome: 'rejected', reason };
  });
}

/**
 * Sends the entries in batches, one request at a time, and returns one result
 * per entry. An auth error or a failure that persists after retries stops the
 * upload, and the entries without a result are returned as unsent.
 */
export async function sendIssuances(
  entries: readonly IssuanceEntry[],
  options: SendOptions,
): Promise<SendResult> {
  const results: RowResult[] = [];
  const batches = planBatches(entries);
  let done = 0;
  options.onProgress(0, entries.length);

  for (const [batchIndex, batch] of batches.entries()) {
    try {
      const answer = await sendBatch(
        batch.map((entry) => entry.item),
        options,
      );
      results.push(...resultsFromAnswer(batch, answer));
    } catch (error) {
      const wholeBatchRejected =
        error instanceof ApiError && !isAuthError(error) && !isTransient(error);
      if (!wholeBatchRejected) {
        const reason = options.describe(error);
        for (const rest of batches.slice(batchIndex)) {
          for (const entry of rest) {
            results.push({ row: entry.row, email: entry.item.email, outcome: 'unsent', reason });
          }
        }

        return { results, stoppedBy: error };
      }
      const reason = error.problem.detail ?? error.problem.title ?? `status ${error.status}`;
      for (const entry of batch) {
        results.push({ row: entry.row, email: entry.item.email, outcome: 'rejected', reason });
      }
    }
    done += batch.length;
    options.onProgress(done, entries.length);
  }

  return { results };
}
