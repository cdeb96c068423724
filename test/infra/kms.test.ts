import { describe, expect, it } from 'vitest';

import {
  asArray,
  asObject,
  asString,
  asStrings,
  block,
  blocks,
  loadConfig,
  locals,
  moduleCall,
  moduleDir,
  policyDocuments,
  prodDir,
  resource,
  type HclObject,
  type HclValue,
} from './hcl.js';

async function kmsModule(): Promise<HclObject> {
  return loadConfig(moduleDir('kms-key'));
}

/** Static and dynamic statements of the key policy. */
async function keyPolicyStatements(): Promise<HclObject[]> {
  const document = policyDocuments(await kmsModule()).key_policy!;
  const dynamicStatements = asArray(
    asObject(document.dynamic, 'dynamic blocks').statement,
    'dynamic statements',
  ).map((dynamic) => block(asObject(dynamic, 'dynamic statement'), 'content'));

  return [...blocks(document, 'statement'), ...dynamicStatements];
}

/** Actions of a statement, with local.x and concat(local.x, [...]) resolved. */
function resolveActions(value: HclValue | undefined, moduleLocals: HclObject): string[] {
  if (Array.isArray(value)) {
    return asStrings(value, 'actions');
  }
  const text = asString(value, 'actions');
  const local = /^\$\{local\.(\w+)\}$/.exec(text);
  if (local) {
    return asStrings(moduleLocals[local[1]!], local[1]!);
  }
  const concat = /^\$\{concat\(local\.(\w+), \[(.*)\]\)\}$/.exec(text);
  if (concat) {
    const extra = JSON.parse(`[${concat[2]!}]`) as string[];

    return [...asStrings(moduleLocals[concat[1]!], concat[1]!), ...extra];
  }
  throw new Error(`cannot resolve actions ${text}`);
}

describe('kms key', () => {
  it('rotates yearly', async () => {
    const key = resource(await kmsModule(), 'aws_kms_key', 'this');

    expect(key.enable_key_rotation).toBe(true);
  });

  it('has the acredita-prod alias', async () => {
    const config = await loadConfig(prodDir);
    const call = moduleCall(config, 'kms_key');

    expect(call.alias_name).toBe('${coalesce(var.kms_alias_name, "alias/${local.name_prefix}")}');
    expect(resource(await kmsModule(), 'aws_kms_alias', 'this').name).toBe('${var.alias_name}');
  });

  it('policy is a separate resource', async () => {
    const config = await kmsModule();
    const key = resource(config, 'aws_kms_key', 'this');
    const policy = resource(config, 'aws_kms_key_policy', 'this');

    expect(key.policy).toBeUndefined();
    expect(policy.policy).toBe('${data.aws_iam_policy_document.key_policy.json}');
  });

  it('names both function roles', async () => {
    const call = moduleCall(await loadConfig(prodDir), 'kms_key');

    expect(call.user_role_arns).toEqual([
      '${module.registrations.role_arn}',
      '${module.certificates.role_arn}',
    ]);
  });
});

describe('key policy', () => {
  it('roles only encrypt, decrypt and generate', async () => {
    const roles = (await keyPolicyStatements()).find(
      (statement) => statement.sid === 'FunctionRolesUseKey',
    );

    const actions = resolveActions(roles?.actions, locals(await kmsModule()));

    expect(actions.sort()).toEqual([
      'kms:Decrypt',
      'kms:Encrypt',
      'kms:GenerateDataKey',
    ]);
    expect(block(roles!, 'principals')).toEqual({
      type: 'AWS',
      identifiers: '${var.user_role_arns}',
    });
  });

  it('root administers without using', async () => {
    const admin = (await keyPolicyStatements()).find(
      (statement) => statement.sid === 'AccountAdministersKey',
    );
    const administrationActions = resolveActions(admin?.actions, locals(await kmsModule()));

    expect(admin?.actions).toBe('${local.administration_actions}');
    expect(administrationActions).toContain('kms:PutKeyPolicy');
    expect(administrationActions).toContain('kms:ScheduleKeyDeletion');
    for (const cryptographic of ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey']) {
      expect(administrationActions).not.toContain(cryptographic);
    }
  });

  it('DynamoDB use needs kms:ViaService', async () => {
    const dynamo = (await keyPolicyStatements()).find(
      (statement) => statement.sid === 'AccountUsesKeyThroughDynamoDB',
    );
    const conditions = blocks(dynamo!, 'condition');

    expect(conditions).toContainEqual({
      test: 'StringEquals',
      variable: 'kms:ViaService',
      values: ['dynamodb.${local.region}.amazonaws.com'],
    });
    expect(conditions.map((condition) => condition.variable)).toContain('kms:CallerAccount');
  });

  it('logs are limited to named log groups', async () => {
    const logs = (await keyPolicyStatements()).find(
      (statement) => statement.sid === 'CloudWatchLogsEncryptsLogGroups',
    );

    expect(block(logs!, 'condition')).toEqual({
      test: 'ArnEquals',
      variable: 'kms:EncryptionContext:aws:logs:arn',
      values: '${var.log_group_arns}',
    });
  });

  it('has no wildcard action or principal', async () => {
    const moduleLocals = locals(await kmsModule());
    const statements = await keyPolicyStatements();

    expect(statements).toHaveLength(5);
    for (const statement of statements) {
      for (const action of resolveActions(statement.actions, moduleLocals)) {
        expect(action, String(statement.sid)).not.toContain('*');
      }
      for (const principals of blocks(statement, 'principals')) {
        expect(principals.identifiers, String(statement.sid)).not.toEqual(['*']);
      }
      // In a key policy the resource "*" is the key the policy is attached to.
      expect(statement.resources).toEqual(['*']);
    }
  });
});
