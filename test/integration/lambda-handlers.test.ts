import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { registrationRequest } from '../support/http.js';
import { startTestStack, type TestStack } from '../support/stack.js';

type Handler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

let stack: TestStack;
let registrations: Handler;
let certificates: Handler;

beforeAll(async () => {
  stack = await startTestStack();
  // The handlers read their settings at import, as in a Lambda cold start.
  process.env.DYNAMODB_ENDPOINT = stack.databaseEndpoint;
  process.env.REGISTRATIONS_TABLE = 'Registrations';
  process.env.CERTIFICATES_TABLE = 'Certificates';
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  registrations = (await import('../../src/registrations/handler.js')).handler as Handler;
  certificates = (await import('../../src/certificates/handler.js')).handler as Handler;
});

afterAll(async () => {
  delete process.env.DYNAMODB_ENDPOINT;
  await stack.close();
});

const lambdaContext = { awsRequestId: 'lambda-request-1' } as Context;

/** Builds an API Gateway REST proxy event as the `prod` stage sends it. */
function proxyEvent(
  method: string,
  path: string,
  options: { body?: unknown; apiKeyId?: string; query?: Record<string, string> } = {},
): APIGatewayProxyEvent {
  const headers: Record<string, string> = {
    Host: 'abc123.execute-api.eu-west-1.amazonaws.com',
    'X-Forwarded-Host': 'cursos.example.org',
  };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (options.apiKeyId) {
    headers['x-api-key'] = 'presented-key';
  }

  return {
    httpMethod: method,
    path,
    resource: path,
    headers,
    multiValueHeaders: Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name, [value]]),
    ),
    queryStringParameters: options.query ?? null,
    multiValueQueryStringParameters: options.query
      ? Object.fromEntries(Object.entries(options.query).map(([name, value]) => [name, [value]]))
      : null,
    pathParameters: null,
    stageVariables: null,
    body: options.body === undefined ? null : JSON.stringify(options.body),
    isBase64Encoded: false,
    requestContext: {
      stage: 'prod',
      requestId: 'gateway-request-1',
      path: `/prod${path}`,
      httpMethod: method,
      identity: { apiKeyId: options.apiKeyId ?? null, sourceIp: '127.0.0.1' },
    },
  } as unknown as APIGatewayProxyEvent;
}

describe('registrations handler', () => {
  it('registers a user from a proxy event', async () => {
    const request = registrationRequest();

    const result = await registrations(proxyEvent('POST', '/registros', { body: request }), lambdaContext);

    expect(result.statusCode).toBe(201);
    expect(JSON.parse(result.body).email).toBe(request.email);
  });

  it('rejects an issuer route that API Gateway did not key-check', async () => {
    const result = await registrations(
      proxyEvent('GET', '/registros', { query: { accountType: 'student' } }),
      lambdaContext,
    );

    expect(result.statusCode).toBe(401);
  });

  it('serves an issuer route with a checked API key', async () => {
    const result = await registrations(
      proxyEvent('GET', '/registros', { query: { accountType: 'student' }, apiKeyId: 'key-1' }),
      lambdaContext,
    );

    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body).items.length).toBeGreaterThan(0);
  });

  it('serves the OpenAPI document', async () => {
    const result = await registrations(proxyEvent('GET', '/openapi.json'), lambdaContext);

    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body).paths['/certificados']).toBeDefined();
  });
});

describe('certificates handler', () => {
  it('issues with a verification URL on the viewer host', async () => {
    const learner = registrationRequest();
    await registrations(proxyEvent('POST', '/registros', { body: learner }), lambdaContext);

    const result = await certificates(
      proxyEvent('POST', '/certificados', {
        body: { email: learner.email, courseId: 'L1', courseName: 'Lambda', completedAt: '2026-11-01' },
        apiKeyId: 'key-1',
      }),
      lambdaContext,
    );

    expect(result.statusCode).toBe(201);
    const certificate = JSON.parse(result.body);
    expect(certificate.verificationUrl).toBe(
      `https://cursos.example.org/verificar/${certificate.certificateId}`,
    );
  });

  it('answers problems for routes it does not serve', async () => {
    const result = await certificates(proxyEvent('POST', '/registros', { body: {} }), lambdaContext);

    expect(result.statusCode).toBe(404);
    const headers = { ...result.headers, ...result.multiValueHeaders };
    const contentType = Object.entries(headers).find(
      ([name]) => name.toLowerCase() === 'content-type',
    )?.[1];
    expect(String(contentType)).toContain('application/problem+json');
  });
});
