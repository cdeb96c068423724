import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  asObject,
  asString,
  block,
  loadConfig,
  locals,
  moduleCall,
  moduleDir,
  prodDir,
  readRepoFile,
  resource,
  variable,
  type HclObject,
} from './hcl.js';

interface DocumentedRoute {
  method: string;
  path: string;
  issuerKey: boolean;
}

interface Route {
  path: string;
  method: string;
  function: string;
  api_key_required: boolean;
}

/** Reads the route table of docs/api.md, without the /api prefix. */
function documentedRoutes(): DocumentedRoute[] {
  const rowPattern = /^\| `([A-Z]+) \/api(\/[^`?\s]*)[^`]*`[^|]*\| ([^|]+) \|/;
  const routes: DocumentedRoute[] = [];
  for (const line of readRepoFile('docs/api.md').split('\n')) {
    const match = rowPattern.exec(line);
    if (match) {
      routes.push({
        method: match[1]!,
        path: match[2]!,
        issuerKey: match[3]!.trim() === 'issuer key',
      });
    }
  }

  return routes;
}

async function baseRoutes(): Promise<Route[]> {
  const routes = asObject(locals(await loadConfig(prodDir)).base_routes, 'base_routes');

  return Object.values(routes).map((route) => asObject(route, 'route') as unknown as Route);
}

function findRoute(routes: Route[], method: string, path: string): Route | undefined {
  return routes.find((route) => route.method === method && route.path === path);
}

async function apiModule(): Promise<HclObject> {
  return loadConfig(moduleDir('api-gateway'));
}

describe('documented routes', () => {
  it('docs/api.md lists the routes', () => {
    expect(documentedRoutes()).toHaveLength(10);
  });

  it.each(documentedRoutes().map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s has a resource and method',
    async (_name, documented) => {
      const route = findRoute(await baseRoutes(), documented.method, documented.path);

      expect(route).toBeDefined();
    },
  );

  it.each(documentedRoutes().map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s key requirement matches docs',
    async (_name, documented) => {
      const route = findRoute(await baseRoutes(), documented.method, documented.path);

      expect(route?.api_key_required).toBe(documented.issuerKey);
    },
  );

  it('no route is missing from docs', async () => {
    const documented = documentedRoutes().map((route) => `${route.method} ${route.path}`);
    const deployed = (await baseRoutes()).map((route) => `${route.method} ${route.path}`);

    expect(deployed.sort()).toEqual(documented.sort());
  });
});

describe('route functions', () => {
  it.each([
    ['/registros', 'registrations'],
    ['/registros/lote', 'registrations'],
    ['/health', 'registrations'],
    ['/openapi.json', 'registrations'],
    ['/certificados', 'certificates'],
    ['/certificados/lote', 'certificates'],
    ['/certificados/{certificateId}', 'certificates'],
  ])('%s goes to %s', async (path, functionName) => {
    const routes = (await baseRoutes()).filter((route) => route.path === path);

    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      expect(route.function).toBe(functionName);
    }
  });

  it('PDF route is off by default', async () => {
    const config = await loadConfig(prodDir);
    const pdfRoutes = asObject(locals(config).certificate_pdf_routes, 'certificate_pdf_routes');
    const pdf = asObject(pdfRoutes.certificate_pdf, 'certificate_pdf');

    expect(variable(config, 'enable_certificate_pdf').default).toBe(false);
    expect(pdf.path).toBe('/certificados/{certificateId}/pdf');
    expect(pdf.method).toBe('GET');
    expect(pdf.function).toBe('certificates');
    expect(pdf.api_key_required).toBe(false);
    expect(locals(config).routes).toContain(
      'var.enable_certificate_pdf ? local.certificate_pdf_routes : {}',
    );
  });

  it('API is RecursosAPI with all routes', async () => {
    const call = moduleCall(await loadConfig(prodDir), 'api');

    expect(call.name).toBe('RecursosAPI');
    expect(call.routes).toBe('${local.routes}');
    expect(call.stage_name).toBe('${local.stage_name}');
    expect(variable(await loadConfig(prodDir), 'environment').default).toBe('prod');
  });
});

describe('api-gateway module', () => {
  it('methods require the key per route', async () => {
    const method = resource(await apiModule(), 'aws_api_gateway_method', 'this');

    expect(method.for_each).toBe('${var.routes}');
    expect(method.api_key_required).toBe('${each.value.api_key_required}');
    expect(method.authorization).toBe('NONE');
  });

  it('integrations are AWS_PROXY', async () => {
    const integration = resource(await apiModule(), 'aws_api_gateway_integration', 'this');

    expect(integration.for_each).toBe('${var.routes}');
    expect(integration.type).toBe('AWS_PROXY');
    expect(integration.integration_http_method).toBe('POST');
    expect(integration.uri).toBe('${var.functions[each.value.function].invoke_arn}');
  });

  it('permissions are scoped to this API', async () => {
    const permission = resource(await apiModule(), 'aws_lambda_permission', 'this');
    const sourceArn = asString(permission.source_arn, 'source_arn');

    expect(permission.principal).toBe('apigateway.amazonaws.com');
    expect(permission.action).toBe('lambda:InvokeFunction');
    expect(permission.function_name).toBe('${var.functions[each.value.function].function_name}');
    expect(sourceArn).toContain('aws_api_gateway_rest_api.this.execution_arn');
    expect(sourceArn).toContain('/${var.stage_name}/${each.value.method}');
  });

  it('deployment hashes routes, methods, integrations', async () => {
    const deployment = resource(await apiModule(), 'aws_api_gateway_deployment', 'this');
    const redeployment = asString(
      asObject(deployment.triggers, 'triggers').redeployment,
      'redeployment',
    );

    expect(redeployment).toMatch(/^\$\{sha1\(jsonencode\(/);
    for (const part of [
      'aws_api_gateway_resource.level_1',
      'aws_api_gateway_resource.level_2',
      'aws_api_gateway_resource.level_3',
      'aws_api_gateway_method.this',
      'aws_api_gateway_integration.this',
      'aws_api_gateway_gateway_response.this',
    ]) {
      expect(redeployment).toContain(part);
    }
    expect(block(deployment, 'lifecycle').create_before_destroy).toBe(true);
  });

  it('stage traces and logs as JSON', async () => {
    const stage = resource(await apiModule(), 'aws_api_gateway_stage', 'this');
    const accessLog = block(stage, 'access_log_settings');

    expect(stage.xray_tracing_enabled).toBe(true);
    expect(accessLog.destination_arn).toBe('${aws_cloudwatch_log_group.access.arn}');
    expect(asString(accessLog.format, 'format')).toMatch(/^\$\{jsonencode\(\{/);
    expect(asString(accessLog.format, 'format')).toContain('"$context.requestId"');
  });

  it('stage throttling comes from variables', async () => {
    const settings = block(
      resource(await apiModule(), 'aws_api_gateway_method_settings', 'all'),
      'settings',
    );

    expect(settings.throttling_rate_limit).toBe('${var.throttling_rate_limit}');
    expect(settings.throttling_burst_limit).toBe('${var.throttling_burst_limit}');
  });

  it('usage plan covers the stage', async () => {
    const config = await apiModule();
    const plan = resource(config, 'aws_api_gateway_usage_plan', 'this');
    const planKey = resource(config, 'aws_api_gateway_usage_plan_key', 'this');

    expect(block(plan, 'api_stages').stage).toBe('${aws_api_gateway_stage.this.stage_name}');
    expect(block(plan, 'throttle_settings').rate_limit).toBe('${var.usage_plan.rate_limit}');
    expect(block(plan, 'quota_settings').limit).toBe('${var.usage_plan.quota_limit}');
    expect(planKey.key_id).toBe('${aws_api_gateway_api_key.this.id}');
    expect(planKey.key_type).toBe('API_KEY');
  });
});

describe('gateway responses', () => {
  it('4XX and 5XX are problem documents', async () => {
    const config = await apiModule();
    const responses = asObject(locals(config).gateway_responses, 'gateway_responses');
    const gatewayResponse = resource(config, 'aws_api_gateway_gateway_response', 'this');
    const headers = asObject(gatewayResponse.response_parameters, 'response_parameters');

    expect(Object.keys(responses)).toEqual(
      expect.arrayContaining(['DEFAULT_4XX', 'DEFAULT_5XX']),
    );
    expect(gatewayResponse.for_each).toBe('${local.gateway_responses}');
    expect(headers['gatewayresponse.header.Content-Type']).toBe("'application/problem+json'");
  });

  it.each([
    ['a fixed status', 404],
    ['no status', null],
  ])('template with %s renders JSON', (_case, status) => {
    const template = readFileSync(join(moduleDir('api-gateway'), 'problem.json.tftpl'), 'utf8');
    const statusPart = /%\{ if status != null \}(.*?)%\{ endif \}/;

    // Terraform's templatefile, then API Gateway's $context substitution.
    const rendered = template
      .replace('${jsonencode(type_uri)}', JSON.stringify('https://acredita.dev/problems/not-found'))
      .replace('${jsonencode(title)}', JSON.stringify('Not found'))
      .replace(statusPart, (_match, body: string) =>
        status === null ? '' : body.replace('${status}', String(status)),
      )
      .replace('$context.error.messageString', JSON.stringify('Missing Authentication Token'))
      .replace('$context.requestId', 'c0ffee');
    const problem = JSON.parse(rendered) as Record<string, unknown>;

    expect(problem.type).toBe('https://acredita.dev/problems/not-found');
    expect(problem.title).toBe('Not found');
    expect(problem.detail).toBe('Missing Authentication Token');
    expect(problem.requestId).toBe('c0ffee');
    expect(problem.status).toBe(status ?? undefined);
  });

  it('unknown routes become 404', async () => {
    const responses = asObject(locals(await apiModule()).gateway_responses, 'gateway_responses');
    const missingToken = asObject(responses.MISSING_AUTHENTICATION_TOKEN, 'response');

    expect(missingToken.status_code).toBe(404);
    expect(missingToken.type).toBe('not-found');
  });
});
