import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  asArray,
  asObject,
  asString,
  block,
  loadConfig,
  modulesDir,
  output,
  prodDir,
  resourceNames,
  type HclObject,
} from './hcl.js';

const moduleNames = readdirSync(modulesDir).sort();
const configFolders = [
  ['envs/prod', prodDir],
  ...moduleNames.map((name) => [`modules/${name}`, join(modulesDir, name)]),
];

function terraformBlock(config: HclObject): HclObject {
  return asObject(asArray(config.terraform, 'terraform')[0], 'terraform');
}

describe('module layout', () => {
  it('has one module per concern', () => {
    expect(moduleNames).toEqual([
      'api-gateway',
      'cloudfront',
      'dynamodb-table',
      'kms-key',
      'lambda-function',
      'static-site',
    ]);
  });

  it.each(moduleNames)('%s has the standard files', (name) => {
    for (const file of ['main.tf', 'variables.tf', 'outputs.tf', 'versions.tf', 'README.md']) {
      expect(existsSync(join(modulesDir, name, file)), file).toBe(true);
    }
  });

  it.each(moduleNames)('%s names its main resource this', async (name) => {
    const config = await loadConfig(join(modulesDir, name));
    const types = Object.keys(asObject(config.resource, 'resource'));
    const withThis = types.filter((type) => resourceNames(config, type).includes('this'));

    expect(withThis.length).toBeGreaterThan(0);
  });

  it.each(configFolders)('%s variables are typed and described', async (_name, dir) => {
    const config = await loadConfig(dir!);
    const variables = asObject(config.variable ?? {}, 'variable');

    for (const [name, bodies] of Object.entries(variables)) {
      const body = asObject(asArray(bodies, name)[0], name);
      expect(body.type, `${name} type`).toBeDefined();
      expect(asString(body.description, `${name} description`).length).toBeGreaterThan(10);
    }
  });

  it.each(configFolders)('%s outputs are described', async (_name, dir) => {
    const config = await loadConfig(dir!);
    const outputs = asObject(config.output ?? {}, 'output');

    for (const [name, bodies] of Object.entries(outputs)) {
      const body = asObject(asArray(bodies, name)[0], name);
      expect(asString(body.description, `${name} description`).length).toBeGreaterThan(5);
    }
  });

  it.each(moduleNames)('%s needs Terraform 1.10 and AWS 6', async (name) => {
    const terraform = terraformBlock(await loadConfig(join(modulesDir, name)));
    const providers = asObject(asArray(terraform.required_providers, 'providers')[0], 'providers');

    expect(terraform.required_version).toBe('>= 1.10');
    expect(asObject(providers.aws, 'aws').version).toBe('>= 6.0');
  });
});

describe('prod root', () => {
  it('pins Terraform 1.10 and AWS 6', async () => {
    const terraform = terraformBlock(await loadConfig(prodDir));
    const providers = asObject(asArray(terraform.required_providers, 'providers')[0], 'providers');

    expect(terraform.required_version).toBe('>= 1.10');
    expect(asObject(providers.aws, 'aws')).toEqual({ source: 'hashicorp/aws', version: '~> 6.0' });
  });

  it('keeps state in S3 with a lock file', async () => {
    const terraform = terraformBlock(await loadConfig(prodDir));
    const s3 = block(asObject(terraform.backend, 'backend'), 's3');

    expect(s3.use_lockfile).toBe(true);
    expect(s3.encrypt).toBe(true);
    expect(s3.dynamodb_table).toBeUndefined();
  });

  it('tags project, environment and owner', async () => {
    const config = await loadConfig(prodDir);
    const aws = block(asObject(config.provider, 'provider'), 'aws');
    const tags = block(aws, 'default_tags').tags;

    expect(tags).toEqual({
      project: '${var.project}',
      environment: '${var.environment}',
      owner: '${var.owner}',
    });
  });

  it.each([
    ['site_url', '${module.cloudfront.site_url}'],
    ['api_invoke_url', '${module.api.stage_invoke_url}'],
    ['api_key_id', '${module.api.api_key_id}'],
    ['registrations_table_name', '${module.registrations_table.table_name}'],
    ['registrations_table_arn', '${module.registrations_table.table_arn}'],
    ['certificates_table_name', '${module.certificates_table.table_name}'],
    ['certificates_table_arn', '${module.certificates_table.table_arn}'],
  ])('outputs %s', async (name, value) => {
    expect(output(await loadConfig(prodDir), name).value).toBe(value);
  });

  it('never outputs the API key value', async () => {
    const outputs = JSON.stringify((await loadConfig(prodDir)).output);
    const apiOutputs = JSON.stringify((await loadConfig(join(modulesDir, 'api-gateway'))).output);

    expect(outputs).not.toMatch(/api_key[^"]*\.value/);
    expect(apiOutputs).not.toContain('aws_api_gateway_api_key.this.value');
  });

  it('has a tfvars example', () => {
    expect(existsSync(join(prodDir, 'terraform.tfvars.example'))).toBe(true);
    expect(existsSync(join(prodDir, 'backend.hcl.example'))).toBe(true);
  });
});
