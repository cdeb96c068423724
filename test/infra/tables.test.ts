import { describe, expect, it } from 'vitest';

import { tables, type TableDefinition } from '../../src/shared/tables.js';
import {
  block,
  dynamicBlock,
  loadConfig,
  moduleCall,
  moduleDir,
  prodDir,
  resource,
  variable,
  type HclObject,
} from './hcl.js';

const tableModules: Record<string, string> = {
  Registrations: 'registrations_table',
  Certificates: 'certificates_table',
};

async function tableCall(table: TableDefinition): Promise<HclObject> {
  const moduleName = tableModules[table.name];
  if (!moduleName) {
    throw new Error(`no Terraform module call for table ${table.name}`);
  }

  return moduleCall(await loadConfig(prodDir), moduleName);
}

describe('table key schema', () => {
  it.each(tables.map((table) => [table.name, table] as const))(
    '%s keys match tables.ts',
    async (_name, table) => {
      const call = await tableCall(table);

      expect(call.source).toBe('../../modules/dynamodb-table');
      expect(call.partition_key).toBe(table.partitionKey);
      expect(call.sort_key).toBe(table.sortKey);
    },
  );

  it.each(tables.map((table) => [table.name, table] as const))(
    '%s indexes match tables.ts',
    async (_name, table) => {
      const call = await tableCall(table);
      const indexes = (call.global_secondary_indexes as HclObject[]).map((index) => ({
        name: index.name,
        partitionKey: index.partition_key,
        sortKey: index.sort_key,
      }));
      const expected = table.globalSecondaryIndexes.map((index) => ({
        name: index.name,
        partitionKey: index.partitionKey,
        sortKey: index.sortKey,
      }));

      expect(indexes).toEqual(expected);
    },
  );

  it.each(tables.map((table) => [table.name, table] as const))(
    '%s TTL attribute matches tables.ts',
    async (_name, table) => {
      const call = await tableCall(table);

      expect(call.ttl_attribute).toBe(table.ttlAttribute);
      expect(call.ttl_attribute).toBe('expirationDate');
    },
  );

  it('EmailIndex projects all attributes', async () => {
    const call = moduleCall(await loadConfig(prodDir), 'registrations_table');
    const emailIndex = (call.global_secondary_indexes as HclObject[]).find(
      (index) => index.name === 'EmailIndex',
    );

    expect(emailIndex?.projection_type).toBe('ALL');
  });

  it('every table in tables.ts is deployed', () => {
    expect(Object.keys(tableModules).sort()).toEqual(tables.map((table) => table.name).sort());
  });
});

describe('table names', () => {
  it.each([
    ['registrations_table', 'registrations_table_name', 'Registrations'],
    ['certificates_table', 'certificates_table_name', 'Certificates'],
  ])('%s name defaults to %s', async (moduleName, variableName, defaultName) => {
    const config = await loadConfig(prodDir);

    expect(variable(config, variableName).default).toBe(defaultName);
    expect(moduleCall(config, moduleName).name).toBe(
      `\${var.table_name_prefix}\${var.${variableName}}`,
    );
    expect(variable(config, 'table_name_prefix').default).toBe('');
  });
});

describe('table protection', () => {
  it('registrations PITR is always on', async () => {
    const call = moduleCall(await loadConfig(prodDir), 'registrations_table');

    expect(call.point_in_time_recovery_enabled).toBe(true);
  });

  it('certificates PITR defaults to on', async () => {
    const config = await loadConfig(prodDir);

    expect(moduleCall(config, 'certificates_table').point_in_time_recovery_enabled).toBe(
      '${var.certificates_point_in_time_recovery}',
    );
    expect(variable(config, 'certificates_point_in_time_recovery').default).toBe(true);
  });

  it.each(['registrations_table', 'certificates_table'])(
    '%s has deletion protection in prod',
    async (moduleName) => {
      const config = await loadConfig(prodDir);

      expect(moduleCall(config, moduleName).deletion_protection_enabled).toBe(
        '${var.deletion_protection_enabled}',
      );
      expect(variable(config, 'deletion_protection_enabled').default).toBe(true);
    },
  );

  it.each(['registrations_table', 'certificates_table'])(
    '%s uses the customer managed key',
    async (moduleName) => {
      const call = moduleCall(await loadConfig(prodDir), moduleName);

      expect(call.kms_key_arn).toBe('${module.kms_key.key_arn}');
    },
  );
});

describe('dynamodb-table module', () => {
  it('bills per request', async () => {
    const table = resource(await loadConfig(moduleDir('dynamodb-table')), 'aws_dynamodb_table', 'this');

    expect(table.billing_mode).toBe('PAY_PER_REQUEST');
  });

  it('encrypts with the given KMS key', async () => {
    const table = resource(await loadConfig(moduleDir('dynamodb-table')), 'aws_dynamodb_table', 'this');
    const encryption = block(table, 'server_side_encryption');

    expect(encryption.enabled).toBe(true);
    expect(encryption.kms_key_arn).toBe('${var.kms_key_arn}');
  });

  it('enables TTL on the given attribute', async () => {
    const table = resource(await loadConfig(moduleDir('dynamodb-table')), 'aws_dynamodb_table', 'this');
    const { content } = dynamicBlock(table, 'ttl');

    expect(content.enabled).toBe(true);
    expect(content.attribute_name).toBe('${ttl.value}');
  });

  it('sets PITR and deletion protection from inputs', async () => {
    const config = await loadConfig(moduleDir('dynamodb-table'));
    const table = resource(config, 'aws_dynamodb_table', 'this');

    expect(block(table, 'point_in_time_recovery').enabled).toBe(
      '${var.point_in_time_recovery_enabled}',
    );
    expect(table.deletion_protection_enabled).toBe('${var.deletion_protection_enabled}');
    expect(variable(config, 'point_in_time_recovery_enabled').default).toBe(true);
    expect(variable(config, 'deletion_protection_enabled').default).toBe(true);
  });

  it('defines key attributes as strings', async () => {
    const table = resource(await loadConfig(moduleDir('dynamodb-table')), 'aws_dynamodb_table', 'this');
    const { content } = dynamicBlock(table, 'attribute');

    expect(content.type).toBe('S');
  });
});
