import { randomUUID } from 'node:crypto';

import {
  type ApiClient,
  ApiAuthError,
  ApiError,
  ApiRequestError,
  ApiUnavailableError,
  type BatchResponse,
} from './api-client.js';
import { type RowItem, batchIdempotencyKey, splitIntoBatches } from './batches.js';
import type { Progress } from './progress.js';
import type { ImportSummary } from './summary.js';

/** Batch routes of the API, under the base URL. */
export const BATCH_PATHS = {
  registrations: '/api/registros/lote',
  completions: '/api/certificados/lote',
} as const;

export interface SendOptions<T> {
  path: string;
  rows: readonly RowItem<T>[];
  /** Prefix of each batch's Idempotency-Key, from idempotencyKeyPrefix. */
  keyPrefix: string;
  client: ApiClient;
  summary: ImportSummary;
  progress: Progress;
}

/**
 * Sends the items in batches, one at a time, and records each row's outcome
 * in the summary. A batch that the API rejects as a whole marks its rows
 * rejected and the import goes on. When the API cannot be reached, or refuses
 * the issuer key, the import stops: the remaining rows are recorded as not
 * sent and the error is returned.
 */
export async function sendBatches<T>(options: SendOptions<T>): Promise<ApiError | undefined> {
  const { client, summary, progress } = options;
  const batches = splitIntoBatches(options.rows);

  for (const [position, batch] of batches.entries()) {
    const rowNumbers = batch.rows.map((row) => row.row);
    const items = batch.rows.map((row) => row.item);
    const key = batchIdempotencyKey(options.keyPrefix, batch.number);
    try {
      const onResend = (): void =>
        progress.log(
          `batch ${batch.number}: the API replayed an earlier response with rejections; ` +
            'sending it again',
        );
      const response = await postWithFreshReplay(client, options.path, items, key, onResend);
      summary.addBatchResults(rowNumbers, response);
    } catch (error) {
      if (error instanceof ApiRequestError) {
        summary.addBatchRejected(rowNumbers, error.message);
      } else if (error instanceof ApiUnavailableError || error instanceof ApiAuthError) {
        const unsent = batches.slice(position).flatMap((rest) => rest.rows.map((row) => row.row));
        summary.addNotSent(unsent, error.message);

        return error;
      } else {
        throw error;
      }
    }
    progress.advance(batch.rows.length);
  }

  return undefined;
}

/**
 * Posts a batch. When the API replays an earlier response that rejected some
 * items, the batch is sent once more under a new key, because a rejection may
 * be out of date: the learner may have registered since then. Items applied
 * before come back as existing, so nothing is applied twice.
 */
async function postWithFreshReplay(
  client: ApiClient,
  path: string,
  items: readonly unknown[],
  key: string,
  onResend: () => void,
): Promise<BatchResponse> {
  const response = await client.postBatch(path, items, key);
  const hasRejections = response.items.some((item) => ![200, 201, 409].includes(item.status));
  if (!response.replayed || !hasRejections) {
    return response;
  }

  onResend();

  return client.postBatch(path, items, `${key}-${randomUUID()}`);
}
