import { mkdir } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';

import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';

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

type WorkerMessage =
  | { readonly type: 'listening'; readonly port: number }
  | { readonly type: 'closed' | 'error'; readonly message?: string };

function nextMessage(worker: Worker, expected: WorkerMessage['type']): Promise<WorkerMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: WorkerMessage) => {
      if (message.type === expected) {
        cleanUp();
        resolve(message);
      } else if (message.type === 'error') {
        cleanUp();
        reject(new Error(`embedded database failed: ${message.message}`));
      }
    };
    const onError = (error: Error) => {
      cleanUp();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanUp();
      reject(new Error(`embedded database stopped with exit code ${code}`));
    };
    const cleanUp = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
  });
}

/**
 * Starts dynalite, a DynamoDB-compatible engine on LevelDB, on a worker
 * thread and a loopback port, with its data under `dataDir`, and creates both
 * tables when missing. dynalite does not delete expired items; reads hide
 * them, as in DynamoDB.
 */
export async function startEmbeddedDatabase(
  dataDir: string,
  tableNames: TableNames,
): Promise<EmbeddedDatabase> {
  await mkdir(dataDir, { recursive: true });
  const worker = new Worker(new URL('./database-worker.mjs', import.meta.url), {
    workerData: { path: dataDir, host: '127.0.0.1' },
  });
  const listening = await nextMessage(worker, 'listening');
  const endpoint = `http://127.0.0.1:${(listening as { port: number }).port}`;
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      const done = nextMessage(worker, 'closed');
      worker.postMessage({ type: 'close' });
      await done;
      await worker.terminate();
    })());

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
  } catch (error) {
    await close();
    throw error;
  } finally {
    client.destroy();
  }

  return {
    endpoint,
    createdTables,
    close,
  };
}
