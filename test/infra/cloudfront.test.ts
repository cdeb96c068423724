import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  asString,
  block,
  blocks,
  dataSource,
  loadConfig,
  moduleDir,
  resource,
  variable,
  type HclObject,
} from './hcl.js';

interface Header {
  value: string;
}

interface ViewerRequest {
  uri: string;
  method: string;
  querystring: Record<string, Header>;
  headers: Record<string, Header>;
}

type Handler = (event: { request: ViewerRequest }) => ViewerRequest;

const functionsDir = join(moduleDir('cloudfront'), 'functions');

/** Evaluates a CloudFront function file in Node.js and returns its handler. */
function loadHandler(file: string): Handler {
  const code = readFileSync(join(functionsDir, file), 'utf8');

  return new Function(`${code}\nreturn handler;`)() as Handler;
}

function viewerRequest(uri: string, headers: Record<string, string> = {}): ViewerRequest {
  return {
    uri,
    method: 'GET',
    querystring: { email: { value: 'ana@example.org' } },
    headers: Object.fromEntries(
      Object.entries({ host: 'd111111abcdef8.cloudfront.net', ...headers }).map(
        ([name, value]) => [name, { value }],
      ),
    ),
  };
}

async function cloudfrontModule(): Promise<HclObject> {
  return loadConfig(moduleDir('cloudfront'));
}

describe('api prefix function', () => {
  const handler = loadHandler('api-prefix.js');

  it.each([
    ['/api/registros', '/registros'],
    ['/api/registros/lote', '/registros/lote'],
    ['/api/certificados/ACR-7K3M-9QPX-2HDW-TN5R', '/certificados/ACR-7K3M-9QPX-2HDW-TN5R'],
    ['/api/openapi.json', '/openapi.json'],
    ['/api/', '/'],
    ['/api', '/'],
    ['/apiary', '/apiary'],
  ])('%s becomes %s', (uri, expected) => {
    const request = handler({ request: viewerRequest(uri) });

    expect(request.uri).toBe(expected);
  });

  it('copies the viewer host', () => {
    const request = handler({ request: viewerRequest('/api/health', { host: 'acredita.example.org' }) });

    expect(request.headers['x-forwarded-host']).toEqual({ value: 'acredita.example.org' });
    expect(request.headers.host).toEqual({ value: 'acredita.example.org' });
  });

  it('replaces a spoofed forwarded host', () => {
    const request = handler({
      request: viewerRequest('/api/certificados', { 'x-forwarded-host': 'evil.example.com' }),
    });

    expect(request.headers['x-forwarded-host']).toEqual({
      value: 'd111111abcdef8.cloudfront.net',
    });
  });

  it('keeps the query string', () => {
    const request = handler({ request: viewerRequest('/api/registros') });

    expect(request.querystring).toEqual({ email: { value: 'ana@example.org' } });
  });
});

describe('deep link function', () => {
  const handler = loadHandler('spa-rewrite.js');

  it.each([
    ['/verificar/ABC', '/index.html'],
    ['/verificar/ACR-7K3M-9QPX-2HDW-TN5R', '/index.html'],
    ['/gestion', '/index.html'],
    ['/', '/index.html'],
    ['/assets/x.js', '/assets/x.js'],
    ['/assets/index-3f2a1b.css', '/assets/index-3f2a1b.css'],
    ['/favicon.ico', '/favicon.ico'],
    ['/index.html', '/index.html'],
  ])('%s becomes %s', (uri, expected) => {
    const request = handler({ request: viewerRequest(uri) });

    expect(request.uri).toBe(expected);
  });
});

describe('distribution', () => {
  it('has no custom error response', async () => {
    const distribution = resource(await cloudfrontModule(), 'aws_cloudfront_distribution', 'this');

    expect(distribution.custom_error_response).toBeUndefined();
  });

  it('serves the bucket through OAC', async () => {
    const config = await cloudfrontModule();
    const distribution = resource(config, 'aws_cloudfront_distribution', 'this');
    const webOrigin = blocks(distribution, 'origin').find(
      (origin) => origin.origin_id === '${local.web_origin_id}',
    );
    const oac = resource(config, 'aws_cloudfront_origin_access_control', 'this');

    expect(webOrigin?.origin_access_control_id).toBe(
      '${aws_cloudfront_origin_access_control.this.id}',
    );
    expect(oac.origin_access_control_origin_type).toBe('s3');
    expect(oac.signing_behavior).toBe('always');
  });

  it('sends /api/* to the API stage', async () => {
    const distribution = resource(await cloudfrontModule(), 'aws_cloudfront_distribution', 'this');
    const apiOrigin = blocks(distribution, 'origin').find(
      (origin) => origin.origin_id === '${local.api_origin_id}',
    );
    const behavior = block(distribution, 'ordered_cache_behavior');

    expect(apiOrigin?.domain_name).toBe(
      '${var.api.rest_api_id}.execute-api.${var.api.region}.amazonaws.com',
    );
    expect(apiOrigin?.origin_path).toBe('/${var.api.stage_name}');
    expect(block(apiOrigin!, 'custom_origin_config').origin_protocol_policy).toBe('https-only');
    expect(behavior.path_pattern).toBe('/api/*');
    expect(behavior.target_origin_id).toBe('${local.api_origin_id}');
    expect(behavior.allowed_methods).toEqual([
      'DELETE',
      'GET',
      'HEAD',
      'OPTIONS',
      'PATCH',
      'POST',
      'PUT',
    ]);
  });

  it('/api/* is uncached with viewer headers', async () => {
    const config = await cloudfrontModule();
    const behavior = block(resource(config, 'aws_cloudfront_distribution', 'this'), 'ordered_cache_behavior');

    expect(behavior.cache_policy_id).toBe('${data.aws_cloudfront_cache_policy.caching_disabled.id}');
    expect(dataSource(config, 'aws_cloudfront_cache_policy', 'caching_disabled').name).toBe(
      'Managed-CachingDisabled',
    );
    expect(behavior.origin_request_policy_id).toBe(
      '${data.aws_cloudfront_origin_request_policy.all_viewer_except_host_header.id}',
    );
    expect(
      dataSource(config, 'aws_cloudfront_origin_request_policy', 'all_viewer_except_host_header')
        .name,
    ).toBe('Managed-AllViewerExceptHostHeader');
    expect(block(behavior, 'function_association')).toEqual({
      event_type: 'viewer-request',
      function_arn: '${aws_cloudfront_function.api_prefix.arn}',
    });
  });

  it('default behaviour serves the web app', async () => {
    const config = await cloudfrontModule();
    const behavior = block(resource(config, 'aws_cloudfront_distribution', 'this'), 'default_cache_behavior');

    expect(behavior.target_origin_id).toBe('${local.web_origin_id}');
    expect(behavior.viewer_protocol_policy).toBe('redirect-to-https');
    expect(behavior.compress).toBe(true);
    expect(dataSource(config, 'aws_cloudfront_cache_policy', 'caching_optimized').name).toBe(
      'Managed-CachingOptimized',
    );
    expect(block(behavior, 'function_association')).toEqual({
      event_type: 'viewer-request',
      function_arn: '${aws_cloudfront_function.spa_rewrite.arn}',
    });
  });

  it.each([
    ['api_prefix', 'api-prefix.js'],
    ['spa_rewrite', 'spa-rewrite.js'],
  ])('%s loads its .js file', async (name, file) => {
    const cloudfrontFunction = resource(await cloudfrontModule(), 'aws_cloudfront_function', name);

    expect(cloudfrontFunction.runtime).toBe('cloudfront-js-2.0');
    expect(cloudfrontFunction.code).toBe(`\${file("\${path.module}/functions/${file}")}`);
    expect(cloudfrontFunction.publish).toBe(true);
  });

  it('aliases need a certificate', async () => {
    const config = await cloudfrontModule();
    const validation = block(variable(config, 'aliases'), 'validation');

    expect(asString(validation.condition, 'condition')).toContain('var.acm_certificate_arn');
    expect(variable(config, 'acm_certificate_arn').default).toBeNull();
  });
});

describe('security headers', () => {
  it('sets HSTS, nosniff, DENY and referrer policy', async () => {
    const policy = resource(
      await cloudfrontModule(),
      'aws_cloudfront_response_headers_policy',
      'security_headers',
    );
    const headers = block(policy, 'security_headers_config');

    expect(block(headers, 'strict_transport_security').access_control_max_age_sec).toBeGreaterThanOrEqual(31536000);
    expect(block(headers, 'content_type_options').override).toBe(true);
    expect(block(headers, 'frame_options').frame_option).toBe('DENY');
    expect(block(headers, 'referrer_policy').referrer_policy).toBe('strict-origin-when-cross-origin');
    expect(block(headers, 'content_security_policy').content_security_policy).toBe(
      '${var.content_security_policy}',
    );
  });

  it.each([
    ['script-src', "script-src 'self'"],
    ['style-src', "style-src 'self'"],
    ['connect-src', "connect-src 'self'"],
    ['img-src', "img-src 'self' data:"],
    ['frame-ancestors', "frame-ancestors 'none'"],
  ])('CSP %s allows only self', async (_directive, expected) => {
    const csp = asString(
      variable(await cloudfrontModule(), 'content_security_policy').default,
      'content_security_policy',
    );
    const directives = csp.split(';').map((directive) => directive.trim());

    expect(directives).toContain(expected);
  });

  it('both behaviours send the headers', async () => {
    const distribution = resource(await cloudfrontModule(), 'aws_cloudfront_distribution', 'this');
    const policyId = '${aws_cloudfront_response_headers_policy.security_headers.id}';

    expect(block(distribution, 'default_cache_behavior').response_headers_policy_id).toBe(policyId);
    expect(block(distribution, 'ordered_cache_behavior').response_headers_policy_id).toBe(policyId);
  });
});
