import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';

import type { TableNames } from '../shared/config.js';
import {
  certificatesTable,
  keyAttributes,
  registrationsTable,
  type KeySchema,
  type TableDefinition,
} from '../shared/tables.js';

export interface EmbeddedDatabase {
  /** HTTP endpoint that the AWS SDK talks to. */
  readonly endpoint: string;
  /** Names of the tables created at start, or found there. */
  readonly createdTables: string[];
  close(): Promise<void>;
}

function keySchema(schema: KeySchema) {
  return [
    { AttributeName: schema.partitionKey, KeyType: 'HASH' as const },
    ...(schema.sortKey ? [{ AttributeName: schema.sortKey, KeyType: 'RANGE' as const }] : []),
  ];
}

/** Translates a table definition into the CreateTable request of DynamoDB. */
export function createTableInput(
  table: TableDefinition,
  tableName: string,
): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyAttributes(table).map((name) => ({
      AttributeName: name,
      AttributeType: 'S',
    })),
    KeySchema: keySchema(table),
    GlobalSecondaryIndexes: table.globalSecondaryIndexes.map((index) => ({
      IndexName: index.name,
      KeySchema: keySchema(index),
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}

async function ensureTable(
  client: DynamoDBClient,
  table: TableDefinition,
  tableName: string,
): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));

    return false;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) {
      throw error;
    }
  }
  await client.send(new CreateTableCommand(createTableInput(table, tableName)));

  return true;
}

function listen(server: Server, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve(server.address() as AddressInfo));
  });
}

/**
 * Starts dynalite, a DynamoDB-compatible engine on LevelDB, on a loopback
 * port, with its data under `dataDir`, and creates both tables when missing.
 * dynalite does not delete expired items; reads hide them, as in DynamoDB.
 */
export async function startEmbeddedDatabase(
  dataDir: string,
  tableNames: TableNames,
): Promise<EmbeddedDatabase> {
  await mkdir(dataDir, { recursive: true });
  const server = dynalite({ path: dataDir, createTableMs: 0, updateTableMs: 0 });
  const address = await listen(server, '127.0.0.1');
  const endpoint = `http://127.0.0.1:${address.port}`;

  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const createdTables: string[] = [];
  try {
    for (const [table, name] of [
      [registrationsTable, tableNames.registrations],
      [certificatesTable, tableNames.certificates],
    ] as const) {
      if (await ensureTable(client, table, name)) {
        createdTables.push(name);
      }
    }
  } finally {
    client.destroy();
  }

  return {
    endpoint,
    createdTables,
    close: () =>
      new Promise((resolve, reject) => {
        // dynalite closes its LevelDB store when its server closes.
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections?.();
      }),
  };
}
