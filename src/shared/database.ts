import { DynamoDBClient, DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

import { DatabaseUnavailableError, MalformedRequestError } from './errors.js';

export interface DatabaseClientOptions {
  /** Endpoint of a DynamoDB-compatible engine; unset talks to DynamoDB itself. */
  readonly endpoint?: string;
  readonly region?: string;
  /** Attempts per call, including the first; the SDK backs off between them. */
  readonly maxAttempts?: number;
}

/** Creates the document client that every store uses, in Lambda and locally. */
export function createDocumentClient(
  options: DatabaseClientOptions = {},
): DynamoDBDocumentClient {
  const local = Boolean(options.endpoint);
  const client = new DynamoDBClient({
    region: options.region ?? process.env.AWS_REGION ?? 'us-east-1',
    maxAttempts: options.maxAttempts ?? 3,
    ...(local
      ? {
          endpoint: options.endpoint,
          // The embedded engine accepts any credentials.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
  });

  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}

/** Tells whether a conditional write failed its condition. */
export function isConditionFailure(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'ConditionalCheckFailedException' ||
      error.name === 'TransactionCanceledException')
  );
}

/**
 * Turns an SDK error into a domain error at the store boundary. Validation
 * errors from DynamoDB mean the request reached it with a value the schemas
 * let through, so they are reported as a bad request and never as a 5xx.
 */
export function toDatabaseError(error: unknown, operation: string): Error {
  if (error instanceof DynamoDBServiceException && error.name === 'ValidationException') {
    return new MalformedRequestError(
      `the database rejected a value of this request (${operation}); check the field lengths and formats`,
      { cause: error },
    );
  }

  return new DatabaseUnavailableError(
    `the database did not complete ${operation}; retry after the delay in Retry-After`,
    { cause: error },
  );
}

/** Current time as epoch seconds, the unit of the TTL attribute. */
export function epochSeconds(date: Date = new Date()): number {
  return Math.floor(date.getTime() / 1000);
}

/**
 * DynamoDB deletes expired items up to a few days after their TTL, so a read
 * must treat an item whose `expirationDate` has passed as absent.
 */
export function isExpired(
  item: { expirationDate?: unknown },
  now: number = epochSeconds(),
): boolean {
  return typeof item.expirationDate === 'number' && item.expirationDate <= now;
}

/** Filter expression that hides expired items from queries. */
export const NOT_EXPIRED_FILTER = {
  FilterExpression: 'attribute_not_exists(#expirationDate) OR #expirationDate > :now',
  names: { '#expirationDate': 'expirationDate' },
} as const;
