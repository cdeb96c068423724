import { describe, expect, it } from 'vitest';

import {
  asString,
  block,
  blocks,
  loadConfig,
  locals,
  moduleCall,
  moduleDir,
  policyDocuments,
  prodDir,
  resource,
  variable,
  type HclObject,
} from './hcl.js';

async function siteModule(): Promise<HclObject> {
  return loadConfig(moduleDir('static-site'));
}

async function bucketStatements(): Promise<HclObject[]> {
  const document = policyDocuments(await siteModule()).bucket_policy;

  return blocks(document!, 'statement');
}

describe('bucket policy', () => {
  it('lets only this distribution read', async () => {
    const read = (await bucketStatements()).find(
      (statement) => statement.sid === 'CloudFrontReadsObjects',
    );
    const principal = block(read!, 'principals');
    const condition = block(read!, 'condition');

    expect(read?.effect ?? 'Allow').toBe('Allow');
    expect(read?.actions).toEqual(['s3:GetObject']);
    expect(read?.resources).toEqual(['${aws_s3_bucket.this.arn}/*']);
    expect(principal).toEqual({ type: 'Service', identifiers: ['cloudfront.amazonaws.com'] });
    expect(condition).toEqual({
      test: 'StringEquals',
      variable: 'AWS:SourceArn',
      values: ['${var.cloudfront_distribution_arn}'],
    });
  });

  it('gets the distribution ARN', async () => {
    const call = moduleCall(await loadConfig(prodDir), 'static_site');

    expect(call.cloudfront_distribution_arn).toBe('${module.cloudfront.distribution_arn}');
  });

  it('denies requests without TLS', async () => {
    const deny = (await bucketStatements()).find(
      (statement) => statement.sid === 'DenyInsecureTransport',
    );

    expect(deny?.effect).toBe('Deny');
    expect(block(deny!, 'condition')).toEqual({
      test: 'Bool',
      variable: 'aws:SecureTransport',
      values: ['false'],
    });
  });

  it('is attached to the bucket', async () => {
    const policy = resource(await siteModule(), 'aws_s3_bucket_policy', 'this');

    expect(policy.policy).toBe('${data.aws_iam_policy_document.bucket_policy.json}');
  });
});

describe('bucket settings', () => {
  it('blocks all public access', async () => {
    const accessBlock = resource(await siteModule(), 'aws_s3_bucket_public_access_block', 'this');

    expect(accessBlock.block_public_acls).toBe(true);
    expect(accessBlock.block_public_policy).toBe(true);
    expect(accessBlock.ignore_public_acls).toBe(true);
    expect(accessBlock.restrict_public_buckets).toBe(true);
  });

  it('enforces bucket owner', async () => {
    const ownership = resource(await siteModule(), 'aws_s3_bucket_ownership_controls', 'this');

    expect(block(ownership, 'rule').object_ownership).toBe('BucketOwnerEnforced');
  });

  it('versions and encrypts objects', async () => {
    const config = await siteModule();
    const versioning = resource(config, 'aws_s3_bucket_versioning', 'this');
    const encryption = resource(config, 'aws_s3_bucket_server_side_encryption_configuration', 'this');
    const byDefault = block(block(encryption, 'rule'), 'apply_server_side_encryption_by_default');

    expect(block(versioning, 'versioning_configuration').status).toBe('Enabled');
    expect(byDefault.sse_algorithm).toBe('AES256');
  });
});

describe('web app upload', () => {
  it('uploads every file of site_dir', async () => {
    const config = await siteModule();
    const object = resource(config, 'aws_s3_object', 'site');

    expect(asString(locals(config).site_files, 'site_files')).toContain(
      'fileset(var.site_dir, "**")',
    );
    expect(object.for_each).toBe('${local.site_files}');
    expect(object.etag).toBe('${filemd5("${var.site_dir}/${each.value}")}');
  });

  it('sets cache control by path', async () => {
    const config = await siteModule();
    const cacheControl = asString(locals(config).cache_control, 'cache_control');

    expect(asString(locals(config).html_files, 'html_files')).toContain('endswith(file, ".html")');
    expect(asString(locals(config).asset_files, 'asset_files')).toContain(
      'startswith(file, "assets/")',
    );
    expect(cacheControl).toContain('local.html_files : file => "no-cache"');
    expect(cacheControl).toContain(
      'local.asset_files : file => "public, max-age=31536000, immutable"',
    );
    // merge() lets later maps win: HTML pages are no-cache even under assets/.
    expect(cacheControl.indexOf('local.html_files')).toBeGreaterThan(
      cacheControl.indexOf('local.asset_files'),
    );
  });

  it.each([
    ['html', 'text/html; charset=utf-8'],
    ['js', 'text/javascript; charset=utf-8'],
    ['css', 'text/css; charset=utf-8'],
    ['svg', 'image/svg+xml'],
    ['woff2', 'font/woff2'],
    ['json', 'application/json'],
  ])('.%s has a content type', async (extension, contentType) => {
    const contentTypes = locals(await siteModule()).content_types as HclObject;

    expect(contentTypes[extension]).toBe(contentType);
  });

  it('uploads web/dist', async () => {
    const config = await loadConfig(prodDir);

    expect(moduleCall(config, 'static_site').site_dir).toBe('${var.web_dist_dir}');
    expect(variable(config, 'web_dist_dir').default).toBe('../../../web/dist');
  });
});

describe('bucket clean-up', () => {
  it('keeps objects on destroy by default', async () => {
    const config = await loadConfig(prodDir);
    const force = variable(config, 'site_bucket_force_destroy');

    expect(force.type).toBe('${bool}');
    expect(force.default).toBe(false);
    expect(variable(await siteModule(), 'force_destroy').default).toBe(false);
  });

  it('passes force_destroy to the bucket', async () => {
    const call = moduleCall(await loadConfig(prodDir), 'static_site');
    const bucket = resource(await siteModule(), 'aws_s3_bucket', 'this');

    expect(call.force_destroy).toBe('${var.site_bucket_force_destroy}');
    expect(bucket.force_destroy).toBe('${var.force_destroy}');
  });
});
