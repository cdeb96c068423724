import {
  QueryCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';

import { decodeCursor, encodeCursor } from './cursor.js';
import { NOT_EXPIRED_FILTER, epochSeconds, toDatabaseError } from './database.js';
import type { TableDefinition } from './tables.js';

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
}

export interface IndexQuery<T> {
  readonly tableName: string;
  readonly table: TableDefinition;
  readonly indexName: string;
  /** Value of the index partition key. */
  readonly value: string;
  readonly page: PageRequest;
  readonly toItem: (item: Record<string, unknown>) => T;
}

/**
 * Reads one page of a global secondary index, newest sort key first, without
 * expired items. The filter runs after `Limit`, so a page may hold fewer
 * items than asked even when `nextCursor` is set.
 */
export async function queryIndex<T>(
  client: DynamoDBDocumentClient,
  query: IndexQuery<T>,
): Promise<Page<T>> {
  const { table } = query;
  const index = table.globalSecondaryIndexes.find(
    (candidate) => candidate.name === query.indexName,
  );
  if (!index) {
    throw new Error(`table ${table.name} has no index ${query.indexName}`);
  }
  const keyNames = [table.partitionKey, table.sortKey, index.partitionKey, index.sortKey];
  const cursorAttributes = [...new Set(keyNames.filter((name) => name !== undefined))];
  const input: QueryCommandInput = {
    TableName: query.tableName,
    IndexName: query.indexName,
    KeyConditionExpression: '#key = :value',
    FilterExpression: NOT_EXPIRED_FILTER.FilterExpression,
    ExpressionAttributeNames: { '#key': index.partitionKey, ...NOT_EXPIRED_FILTER.names },
    ExpressionAttributeValues: { ':value': query.value, ':now': epochSeconds() },
    Limit: query.page.limit,
    ScanIndexForward: false,
    ExclusiveStartKey: decodeCursor(
      query.page.cursor,
      cursorAttributes,
      { [index.partitionKey]: query.value },
    ),
  };

  try {
    const output = await client.send(new QueryCommand(input));

    return {
      items: (output.Items ?? []).map(query.toItem),
      nextCursor: encodeCursor(output.LastEvaluatedKey),
    };
  } catch (error) {
    throw toDatabaseError(error, `reading ${query.indexName}`);
  }
}
