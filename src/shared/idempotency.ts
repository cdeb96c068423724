import { createHash } from 'node:crypto';

import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { MiddlewareHandler } from 'hono';

import type { AppEnv } from './app.js';
import { epochSeconds, isConditionFailure, toDatabaseError } from './database.js';
import {
  IdempotencyInProgressError,
  IdempotencyKeyReusedError,
  ValidationError,
} from './errors.js';

/** How long a completed response is replayed. */
const RECORD_TTL_SECONDS = 24 * 60 * 60;
/** How long a request in progress keeps its key locked before another may take it over. */
const LOCK_SECONDS = 30;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

interface StoredResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

type BeginResult =
  | { readonly kind: 'started' }
  | { readonly kind: 'completed'; readonly response: StoredResponse };

/**
 * Records of `Idempotency-Key` requests, kept in a function's own table under
 * a key prefix that no registration or certificate can have, with a TTL.
 */
export class IdempotencyStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly keyFor: (recordId: string) => Record<string, string>,
  ) {}

  /** Claims the key, or returns the completed response of an earlier request. */
  async begin(recordId: string, fingerprint: string): Promise<BeginResult> {
    const now = epochSeconds();
    const key = this.keyFor(recordId);
    const [partitionKey] = Object.keys(key);
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...key,
            recordType: 'idempotency',
            state: 'IN_PROGRESS',
            fingerprint,
            lockedUntil: now + LOCK_SECONDS,
            expirationDate: now + RECORD_TTL_SECONDS,
          },
          // Free when absent, expired but not yet deleted by TTL, or held by a
          // request that stopped before completing.
          ConditionExpression:
            'attribute_not_exists(#pk) OR #expirationDate <= :now OR ' +
            '(#state = :inProgress AND #lockedUntil <= :now)',
          ExpressionAttributeNames: {
            '#pk': partitionKey!,
            '#expirationDate': 'expirationDate',
            '#state': 'state',
            '#lockedUntil': 'lockedUntil',
          },
          ExpressionAttributeValues: { ':now': now, ':inProgress': 'IN_PROGRESS' },
        }),
      );

      return { kind: 'started' };
    } catch (error) {
      if (!isConditionFailure(error)) {
        throw toDatabaseError(error, 'the idempotency check');
      }
    }

    const existing = await this.read(key);
    if (!existing) {
      // Deleted between the write and the read: the key is free again.
      return this.begin(recordId, fingerprint);
    }
    if (existing.fingerprint !== fingerprint) {
      throw new IdempotencyKeyReusedError(
        'this Idempotency-Key was used with a different request body; use a new key for a new request',
      );
    }
    if (existing.state !== 'COMPLETED') {
      throw new IdempotencyInProgressError(
        'a request with this Idempotency-Key is still in progress; retry after the delay in Retry-After',
        { headers: { 'Retry-After': '1' } },
      );
    }

    return { kind: 'completed', response: existing.response as StoredResponse };
  }

  async complete(recordId: string, fingerprint: string, response: StoredResponse) {
    const now = epochSeconds();
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...this.keyFor(recordId),
            recordType: 'idempotency',
            state: 'COMPLETED',
            fingerprint,
            response,
            expirationDate: now + RECORD_TTL_SECONDS,
          },
        }),
      );
    } catch (error) {
      throw toDatabaseError(error, 'saving the idempotent response');
    }
  }

  /** Frees the key after a failure, so that a retry runs the request again. */
  async release(recordId: string): Promise<void> {
    try {
      await this.client.send(
        new DeleteCommand({ TableName: this.tableName, Key: this.keyFor(recordId) }),
      );
    } catch (error) {
      throw toDatabaseError(error, 'releasing the idempotency record');
    }
  }

  private async read(key: Record<string, string>) {
    try {
      const { Item } = await this.client.send(
        new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
      );
      if (!Item || (typeof Item.expirationDate === 'number' && Item.expirationDate <= epochSeconds())) {
        return undefined;
      }

      return Item;
    } catch (error) {
      throw toDatabaseError(error, 'the idempotency check');
    }
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Replays the first response of a request repeated with the same
 * `Idempotency-Key`, method, path, caller and body. Responses of 5xx are not
 * kept, so a retry after a failure runs the request again.
 */
export function idempotency(store: IdempotencyStore): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const idempotencyKey = c.req.header('idempotency-key');
    if (idempotencyKey === undefined) {
      return next();
    }
    if (!KEY_PATTERN.test(idempotencyKey)) {
      throw new ValidationError([
        {
          field: 'Idempotency-Key',
          message: 'must be 1 to 255 printable ASCII characters without spaces',
        },
      ]);
    }

    const caller = sha256(c.req.header('x-api-key') ?? '');
    const path = new URL(c.req.url).pathname;
    const recordId = sha256(`${c.req.method}\n${path}\n${caller}\n${idempotencyKey}`);
    const fingerprint = sha256(await c.req.text());

    const begun = await store.begin(recordId, fingerprint);
    if (begun.kind === 'completed') {
      return new Response(begun.response.body, {
        status: begun.response.status,
        headers: {
          'Content-Type': begun.response.contentType,
          'Idempotent-Replayed': 'true',
        },
      });
    }

    await next();

    // The request itself has finished: a failure to record it must not turn
    // its response into an error. The lock then expires after LOCK_SECONDS.
    try {
      if (c.res.status >= 500) {
        await store.release(recordId);
        return;
      }
      await store.complete(recordId, fingerprint, {
        status: c.res.status,
        contentType: c.res.headers.get('content-type') ?? 'application/json',
        body: await c.res.clone().text(),
      });
    } catch (error) {
      c.get('log').warn('idempotency record not updated; the key stays locked until it expires', {
        error,
        status: c.res.status,
      });
    }
  };
}
