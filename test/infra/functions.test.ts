import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  asObject,
  asString,
  asStrings,
  block,
  blocks,
  loadConfig,
  locals,
  moduleCall,
  moduleDir,
  modulesDir,
  policyDocuments,
  prodDir,
  resource,
  resourceNames,
  variable,
  type HclObject,
} from './hcl.js';

const functionModules = ['registrations', 'certificates'] as const;

/** Reads the regex of a `can(regex("...", var.x))` validation condition. */
function validationPattern(condition: string): RegExp {
  const match = /regex\("((?:[^"\\]|\\.)*)"/.exec(condition);
  if (!match?.[1]) {
    throw new Error(`no regex in validation condition ${condition}`);
  }
  // The HCL string escapes backslashes, as JSON does.
  const source = JSON.parse(`"${match[1]}"`) as string;

  return new RegExp(source);
}

async function lambdaModule(): Promise<HclObject> {
  return loadConfig(moduleDir('lambda-function'));
}

/** Statements of a policy document as plain lists of actions and resources. */
function statements(document: HclObject) {
  return blocks(document, 'statement').map((statement) => ({
    sid: statement.sid,
    effect: statement.effect ?? 'Allow',
    actions: asStrings(statement.actions ?? [], 'actions'),
    resources: asStrings(statement.resources ?? [], 'resources'),
  }));
}

/**
 * Checks whether a resource grants more than named resources. A trailing ":*" on a
 * log group ARN (its log streams) and "/*" on a bucket ARN (its objects) stay
 * within one named resource, so they are not wildcards here.
 */
function isWildcardResource(resourceArn: string): boolean {
  const scoped = resourceArn
    .replace(/^(\$\{[^}]*log_group[^}]*\}):\*$/, '$1')
    .replace(/^(\$\{[^}]*bucket[^}]*\.arn\})\/\*$/, '$1');

  return scoped.includes('*');
}

describe('function runtime', () => {
  it.each(functionModules)('%s runs nodejs22.x on arm64', async (name) => {
    const call = moduleCall(await loadConfig(prodDir), name);

    expect(call.source).toBe('../../modules/lambda-function');
    expect(call.runtime).toBe('nodejs22.x');
    expect(call.architecture).toBe('arm64');
    expect(call.handler).toBe('index.handler');
  });

  it('module defaults to nodejs22.x on arm64', async () => {
    const config = await lambdaModule();
    const lambda = resource(config, 'aws_lambda_function', 'this');

    expect(variable(config, 'runtime').default).toBe('nodejs22.x');
    expect(variable(config, 'architecture').default).toBe('arm64');
    expect(lambda.runtime).toBe('${var.runtime}');
    expect(lambda.architectures).toEqual(['${var.architecture}']);
  });

  it.each([
    ['nodejs16.x', false],
    ['nodejs18.x', false],
    ['nodejs20.x', false],
    ['nodejs22.x', true],
    ['nodejs24.x', true],
    ['python3.12', false],
  ])('runtime validation of %s is %s', async (runtime, accepted) => {
    const config = await lambdaModule();
    const validation = block(variable(config, 'runtime'), 'validation');
    const pattern = validationPattern(asString(validation.condition, 'condition'));

    expect(pattern.test(runtime)).toBe(accepted);
  });

  it.each(functionModules)('%s zip comes from build/', async (name) => {
    const config = await loadConfig(prodDir);

    expect(moduleCall(config, name).zip_path).toBe(`\${var.${name}_zip_path}`);
    expect(variable(config, `${name}_zip_path`).default).toBe(`../../../build/${name}.zip`);
  });

  it('module redeploys when the zip changes', async () => {
    const lambda = resource(await lambdaModule(), 'aws_lambda_function', 'this');

    expect(lambda.filename).toBe('${var.zip_path}');
    expect(lambda.source_code_hash).toBe('${filebase64sha256(var.zip_path)}');
  });

  it('module traces with X-Ray', async () => {
    const config = await lambdaModule();
    const lambda = resource(config, 'aws_lambda_function', 'this');
    const attachment = resource(config, 'aws_iam_role_policy_attachment', 'xray');

    expect(block(lambda, 'tracing_config').mode).toBe('Active');
    expect(attachment.policy_arn).toMatch(/:iam::aws:policy\/AWSXRayDaemonWriteAccess"?$/);
  });

  it('module creates the log group first', async () => {
    const config = await lambdaModule();
    const lambda = resource(config, 'aws_lambda_function', 'this');
    const logGroup = resource(config, 'aws_cloudwatch_log_group', 'this');

    expect(block(lambda, 'logging_config').log_group).toBe(
      '${aws_cloudwatch_log_group.this.name}',
    );
    expect(logGroup.name).toBe('${local.log_group_name}');
    expect(locals(config).log_group_name).toBe('/aws/lambda/${var.function_name}');
    expect(logGroup.retention_in_days).toBe('${var.log_retention_in_days}');
    expect(logGroup.kms_key_id).toBe('${var.log_kms_key_arn}');
  });

  it('module sizes come from variables', async () => {
    const lambda = resource(await lambdaModule(), 'aws_lambda_function', 'this');

    expect(lambda.memory_size).toBe('${var.memory_size}');
    expect(lambda.timeout).toBe('${var.timeout}');
    expect(lambda.reserved_concurrent_executions).toBe('${var.reserved_concurrent_executions}');
  });
});

describe('function environment', () => {
  it('tables come from table resources', async () => {
    const config = await loadConfig(prodDir);
    const environment = asString(locals(config).shared_environment, 'shared_environment');

    expect(environment).toContain(
      'REGISTRATIONS_TABLE = module.registrations_table.table_name',
    );
    expect(environment).toContain('CERTIFICATES_TABLE  = module.certificates_table.table_name');
    expect(environment).toContain('NODE_OPTIONS        = "--enable-source-maps"');
    expect(environment).toContain('LOG_LEVEL           = var.log_level');
  });

  it('PUBLIC_BASE_URL only when configured', async () => {
    const config = await loadConfig(prodDir);
    const environment = asString(locals(config).shared_environment, 'shared_environment');

    expect(variable(config, 'public_base_url').default).toBeNull();
    expect(environment).toContain(
      'var.public_base_url == null ? {} : { PUBLIC_BASE_URL = var.public_base_url }',
    );
  });

  it.each(functionModules)('%s sets its Powertools service name', async (name) => {
    const call = moduleCall(await loadConfig(prodDir), name);
    const environment = asString(call.environment_variables, 'environment_variables');

    expect(environment).toContain('local.shared_environment');
    expect(environment).toContain(`POWERTOOLS_SERVICE_NAME = "${name}"`);
  });
});

describe('function roles', () => {
  it('module has one role for its function', async () => {
    const config = await lambdaModule();
    const lambda = resource(config, 'aws_lambda_function', 'this');

    expect(resourceNames(config, 'aws_iam_role')).toEqual(['this']);
    expect(resource(config, 'aws_iam_role', 'this').name).toBe('${var.function_name}');
    expect(lambda.role).toBe('${aws_iam_role.this.arn}');
  });

  it('each function gets its own role', async () => {
    const config = await loadConfig(prodDir);
    const names = functionModules.map((name) => moduleCall(config, name).function_name);

    expect(new Set(names).size).toBe(functionModules.length);
    expect(names).toEqual([
      '${local.function_names.registrations}',
      '${local.function_names.certificates}',
    ]);
  });

  it.each(functionModules)('%s role has no wildcard', async (name) => {
    const config = await loadConfig(prodDir);
    const document = policyDocuments(config)[name];
    const policyJson = moduleCall(config, name).policy_json;

    expect(policyJson).toBe(`\${data.aws_iam_policy_document.${name}.json}`);
    for (const statement of statements(asObject(document, name))) {
      expect(statement.effect).toBe('Allow');
      for (const action of statement.actions) {
        expect(action, `${statement.sid} action`).not.toContain('*');
      }
      for (const resourceArn of statement.resources) {
        expect(resourceArn, `${statement.sid} resource`).not.toContain('*');
      }
    }
  });

  it('module log statement has no wildcard', async () => {
    const document = policyDocuments(await lambdaModule()).logs;
    const [logs] = statements(asObject(document, 'logs'));

    expect(logs?.actions).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
    expect(logs?.resources).toEqual(['${aws_cloudwatch_log_group.this.arn}:*']);
    expect(logs?.resources.every((arn) => !isWildcardResource(arn))).toBe(true);
  });

  it('registrations role lists each index', async () => {
    const document = policyDocuments(await loadConfig(prodDir)).registrations;
    const table = statements(asObject(document, 'registrations')).find(
      (statement) => statement.sid === 'RegistrationsTable',
    );

    expect(table?.actions.sort()).toEqual([
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
    ]);
    expect(table?.resources).toEqual([
      '${module.registrations_table.table_arn}',
      '${module.registrations_table.index_arns["EmailIndex"]}',
      '${module.registrations_table.index_arns["AccountTypeIndex"]}',
    ]);
  });

  it('certificates role lists each index', async () => {
    const document = policyDocuments(await loadConfig(prodDir)).certificates;
    const table = statements(asObject(document, 'certificates')).find(
      (statement) => statement.sid === 'CertificatesTable',
    );

    expect(table?.actions.sort()).toEqual([
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
    expect(table?.resources).toEqual([
      '${module.certificates_table.table_arn}',
      '${module.certificates_table.index_arns["UserIdIndex"]}',
      '${module.certificates_table.index_arns["StatusIndex"]}',
    ]);
  });

  it('certificates role reads registrations base table', async () => {
    const document = policyDocuments(await loadConfig(prodDir)).certificates;
    const read = statements(asObject(document, 'certificates')).find(
      (statement) => statement.sid === 'ReadRegistrations',
    );

    expect(read?.actions).toEqual(['dynamodb:GetItem', 'dynamodb:Query']);
    expect(read?.resources).toEqual(['${module.registrations_table.table_arn}']);
  });

  it.each(functionModules)('%s role uses only the data key', async (name) => {
    const document = policyDocuments(await loadConfig(prodDir))[name];
    const kms = statements(asObject(document, name)).filter((statement) =>
      statement.actions.some((action) => action.startsWith('kms:')),
    );

    expect(kms).toHaveLength(1);
    expect(kms[0]?.actions).toEqual(['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey']);
    expect(kms[0]?.resources).toEqual(['${module.kms_key.key_arn}']);
  });
});

describe('policy documents', () => {
  // The key policy is checked in kms.test.ts: there "*" means the key itself.
  const keyPolicy = 'kms-key/key_policy';

  it('no allow statement has a wildcard', async () => {
    const folders = [
      prodDir,
      ...readdirSync(modulesDir).map((name) => join(modulesDir, name)),
    ];
    let checked = 0;

    for (const folder of folders) {
      const documents = policyDocuments(await loadConfig(folder));
      for (const [name, document] of Object.entries(documents)) {
        if (`${folder.split('/').pop()}/${name}` === keyPolicy) {
          continue;
        }
        for (const statement of statements(document)) {
          if (statement.effect !== 'Allow') {
            continue;
          }
          checked += 1;
          for (const action of statement.actions) {
            expect(action, `${name} ${statement.sid} action`).not.toContain('*');
          }
          for (const resourceArn of statement.resources) {
            expect(isWildcardResource(resourceArn), `${name} resource ${resourceArn}`).toBe(false);
          }
        }
      }
    }

    expect(checked).toBeGreaterThanOrEqual(8);
  });

  it('wildcard check flags a star resource', () => {
    expect(isWildcardResource('*')).toBe(true);
    expect(isWildcardResource('${module.registrations_table.table_arn}/index/*')).toBe(true);
    expect(isWildcardResource('${aws_cloudwatch_log_group.this.arn}:*')).toBe(false);
    expect(isWildcardResource('${aws_s3_bucket.this.arn}/*')).toBe(false);
  });
});
