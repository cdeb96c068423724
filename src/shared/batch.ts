import { z } from '@hono/zod-openapi';

import { AppError, DatabaseUnavailableError, ValidationError } from './errors.js';
import { MAX_BATCH_ITEMS, ProblemSchema, typeError } from './fields.js';
import { fieldErrorsFromZod, toProblem, type Problem } from './problem.js';

/** Items of one batch written at the same time; DynamoDB scales per key, not per batch. */
const BATCH_CONCURRENCY = 10;

export interface BatchItemResult {
  index: number;
  status: number;
  problem?: Problem;
}

export interface BatchSummary {
  readonly created: number;
  readonly existing: number;
  readonly rejected: number;
}

/**
 * Validates and processes each item of a batch, with a few writes in flight
 * at once. A rejected item becomes a result with its problem. A database
 * failure fails the whole batch with a 503, because items already written are
 * safe to send again: they come back as existing.
 */
export async function processBatch<T, R extends BatchItemResult>(
  items: readonly unknown[],
  schema: z.ZodType<T>,
  processItem: (item: T, index: number) => Promise<R>,
): Promise<(R | BatchItemResult)[]> {
  const results: (R | BatchItemResult)[] = new Array(items.length);
  let next = 0;
  let databaseError: DatabaseUnavailableError | undefined;

  async function worker(): Promise<void> {
    while (next < items.length && !databaseError) {
      const index = next;
      next += 1;
      results[index] = await processOne(index);
    }
  }

  async function processOne(index: number): Promise<R | BatchItemResult> {
    try {
      const parsed = schema.safeParse(items[index]);
      if (!parsed.success) {
        throw new ValidationError(fieldErrorsFromZod(parsed.error));
      }

      return await processItem(parsed.data, index);
    } catch (error) {
      if (error instanceof DatabaseUnavailableError) {
        databaseError = error;
      }
      if (error instanceof AppError) {
        return { index, status: error.status, problem: toProblem(error) };
      }
      throw error;
    }
  }

  const workers = Array.from({ length: Math.min(BATCH_CONCURRENCY, items.length) }, worker);
  await Promise.all(workers);
  if (databaseError) {
    throw databaseError;
  }

  return results;
}

/** Counts the results of a batch by status; `existingStatus` marks an item that was already stored. */
export function summarize(
  results: readonly BatchItemResult[],
  existingStatus: number,
): BatchSummary {
  const count = (predicate: (status: number) => boolean) =>
    results.filter((result) => predicate(result.status)).length;

  return {
    created: count((status) => status === 201),
    existing: count((status) => status === existingStatus),
    rejected: count((status) => status !== 201 && status !== existingStatus),
  };
}

export const BatchSummarySchema = z
  .object({ created: z.number(), existing: z.number(), rejected: z.number() })
  .openapi('BatchSummary');

/** Schema of a batch response whose created items carry `payloadName`. */
export function batchResponseSchema<T extends z.ZodType>(
  name: string,
  payloadName: string,
  payload: T,
) {
  return z
    .object({
      items: z.array(
        z.object({
          index: z.number().int(),
          status: z.number().int(),
          [payloadName]: payload.optional(),
          problem: ProblemSchema.optional(),
        }),
      ),
      summary: BatchSummarySchema,
    })
    .openapi(name);
}

/**
 * Schema of a batch request: 1 to 100 items. Each item is validated on its
 * own against the schema named `itemSchemaName`, so that one bad item
 * rejects only itself.
 */
export function batchRequestSchema(name: string, itemSchemaName: string) {
  return z
    .strictObject({
      items: z
        .array(z.unknown(), { error: typeError('an array') })
        .min(1, { error: 'must contain at least 1 item' })
        .max(MAX_BATCH_ITEMS, {
          error: `must contain at most ${MAX_BATCH_ITEMS} items; split the batch`,
        })
        .openapi({ items: { $ref: `#/components/schemas/${itemSchemaName}` } }),
    })
    .openapi(name);
}
