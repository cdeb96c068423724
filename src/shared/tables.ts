/**
 * Key schema of both DynamoDB tables: the one definition that the local stack
 * creates and that the infrastructure tests compare with the Terraform code.
 */

export interface KeySchema {
  readonly partitionKey: string;
  readonly sortKey?: string;
}

export interface IndexDefinition extends KeySchema {
  readonly name: string;
}

export interface TableDefinition extends KeySchema {
  /** Logical name; the deployed name comes from an environment variable. */
  readonly name: string;
  readonly globalSecondaryIndexes: readonly IndexDefinition[];
  /** Number attribute holding epoch seconds after which the item is gone. */
  readonly ttlAttribute: string;
}

export const TTL_ATTRIBUTE = 'expirationDate';

export const registrationsTable = {
  name: 'Registrations',
  partitionKey: 'userId',
  sortKey: 'email',
  globalSecondaryIndexes: [
    { name: 'EmailIndex', partitionKey: 'email' },
    {
      name: 'AccountTypeIndex',
      partitionKey: 'accountType',
      sortKey: 'createdAt',
    },
  ],
  ttlAttribute: TTL_ATTRIBUTE,
} as const satisfies TableDefinition;

export const certificatesTable = {
  name: 'Certificates',
  partitionKey: 'certificateId',
  globalSecondaryIndexes: [
    { name: 'UserIdIndex', partitionKey: 'userId', sortKey: 'issuedAt' },
    { name: 'StatusIndex', partitionKey: 'status', sortKey: 'issuedAt' },
  ],
  ttlAttribute: TTL_ATTRIBUTE,
} as const satisfies TableDefinition;

export const tables: readonly TableDefinition[] = [
  registrationsTable,
  certificatesTable,
];

/** Lists every key attribute of a table and its indexes; all are strings. */
export function keyAttributes(table: TableDefinition): string[] {
  const schemas: KeySchema[] = [table, ...table.globalSecondaryIndexes];
  const names = schemas.flatMap((schema) =>
    schema.sortKey ? [schema.partitionKey, schema.sortKey] : [schema.partitionKey],
  );

  return [...new Set(names)];
}
