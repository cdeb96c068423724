import { afterEach, describe, expect, it } from 'vitest';

import {
  ApiAuthError,
  ApiClient,
  ApiRequestError,
  ApiUnavailableError,
  parseRetryAfter,
} from '../../src/cli/api-client.js';
import {
  type Handler,
  type LoopbackServer,
  json,
  startServer as startLoopbackServer,
} from './loopback-server.js';

const servers: LoopbackServer[] = [];

async function startServer(handlers: Handler[]): Promise<LoopbackServer> {
  const server = await startLoopbackServer(handlers);
  servers.push(server);

  return server;
}

const TWO_RESULTS = {
  items: [
    { index: 0, status: 201 },
    { index: 1, status: 409, problem: { title: 'Conflict', detail: 'email already registered' } },
  ],
  summary: { created: 1, existing: 1, rejected: 0 },
};
const OK_TWO_ITEMS = json(200, TWO_RESULTS);

function createClient(url: string, delays: number[] = []): ApiClient {
  return new ApiClient({
    baseUrl: `${url}/`,
    apiKey: 'issuer-key',
    maxAttempts: 3,
    timeoutMs: 2_000,
    sleep: async (milliseconds) => {
      delays.push(milliseconds);
    },
  });
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('ApiClient.postBatch', () => {
  it('sends items with key headers', async () => {
    const server = await startServer([OK_TWO_ITEMS]);
    const client = createClient(server.url);

    const response = await client.postBatch('/api/registros/lote', [{ a: 1 }, { b: 2 }], 'key-1');

    expect(response.replayed).toBe(false);
    expect(response.items.map((item) => item.status)).toEqual([201, 409]);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/api/registros/lote');
    expect(request?.headers['x-api-key']).toBe('issuer-key');
    expect(request?.headers['idempotency-key']).toBe('key-1');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({ items: [{ a: 1 }, { b: 2 }] });
  });

  it('flags a replayed response', async () => {
    const replayed = json(200, TWO_RESULTS, { 'idempotent-replayed': 'true' });
    const server = await startServer([replayed]);

    const response = await createClient(server.url).postBatch('/x', [{}, {}], 'key-1');

    expect(response.replayed).toBe(true);
  });

  it('retries 503 honouring Retry-After', async () => {
    const problem = { title: 'Service unavailable', detail: 'database' };
    const unavailable = json(503, problem, { 'retry-after': '2' });
    const server = await startServer([unavailable, OK_TWO_ITEMS]);
    const delays: number[] = [];

    const response = await createClient(server.url, delays).postBatch('/x', [{}, {}], 'key-1');

    expect(response.items).toHaveLength(2);
    expect(delays).toEqual([2_000]);
    const keys = server.requests.map((request) => request.headers['idempotency-key']);
    expect(keys).toEqual(['key-1', 'key-1']);
  });

  it('retries 429 with backoff', async () => {
    const limited = json(429, { title: 'Too many requests' });
    const server = await startServer([limited, limited, OK_TWO_ITEMS]);
    const delays: number[] = [];

    await createClient(server.url, delays).postBatch('/x', [{}, {}], 'key-1');

    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeGreaterThanOrEqual(1_000);
    expect(delays[0]).toBeLessThanOrEqual(1_200);
    expect(delays[1]).toBeGreaterThanOrEqual(2_000);
    expect(delays[1]).toBeLessThanOrEqual(2_400);
  });

  it('retries an idempotency key in progress', async () => {
    const inProgress = json(409, { title: 'Conflict', detail: 'request with this key in progress' });
    const server = await startServer([inProgress, OK_TWO_ITEMS]);

    const response = await createClient(server.url).postBatch('/x', [{}, {}], 'key-1');

    expect(response.items).toHaveLength(2);
    expect(server.requests).toHaveLength(2);
  });

  it('gives up after max attempts', async () => {
    const server = await startServer([json(503, { detail: 'database does not answer' })]);

    const post = createClient(server.url).postBatch('/x', [{}], 'key-1');

    await expect(post).rejects.toThrow(ApiUnavailableError);
    await expect(post).rejects.toThrow(/failed 3 times \(last: HTTP 503: database does not answer\)/);
    expect(server.requests).toHaveLength(3);
  });

  it('retries a refused connection', async () => {
    const server = await startServer([OK_TWO_ITEMS]);
    await Promise.all(servers.splice(0).map((running) => running.close()));
    const delays: number[] = [];

    const post = createClient(server.url, delays).postBatch('/x', [{}], 'key-1');

    await expect(post).rejects.toThrow(ApiUnavailableError);
    await expect(post).rejects.toThrow(/ECONNREFUSED/);
    expect(delays).toHaveLength(2);
  });

  it('stops on a rejected key', async () => {
    const problem = { title: 'Issuer key not accepted', detail: 'wrong key' };
    const server = await startServer([json(403, problem)]);

    const post = createClient(server.url).postBatch('/x', [{}], 'key-1');

    await expect(post).rejects.toThrow(ApiAuthError);
    await expect(post).rejects.toThrow(/HTTP 403: wrong key/);
    expect(server.requests).toHaveLength(1);
  });

  it('reads an API Gateway refusal', async () => {
    const server = await startServer([json(403, { message: 'Forbidden' })]);

    const post = createClient(server.url).postBatch('/x', [{}], 'key-1');

    await expect(post).rejects.toThrow(
      'the API rejected the issuer key (HTTP 403: Forbidden); check ISSUER_API_KEY',
    );
  });

  it('rejects a whole batch on 400', async () => {
    const problem = { title: 'Invalid request', detail: 'items: must be an array' };
    const server = await startServer([json(400, problem)]);

    const post = createClient(server.url).postBatch('/x', [{}], 'key-1');

    await expect(post).rejects.toThrow(ApiRequestError);
    await expect(post).rejects.toThrow(
      'the API rejected the whole batch (HTTP 400: items: must be an array)',
    );
    expect(server.requests).toHaveLength(1);
  });

  it('rejects a response without results', async () => {
    const server = await startServer([json(200, { items: [] })]);

    const post = createClient(server.url).postBatch('/x', [{}], 'key-1');

    await expect(post).rejects.toThrow(/does not have one result per item/);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-12-04T10:00:00Z');

  it.each([
    { label: 'seconds', value: '3', expected: 3_000 },
    { label: 'HTTP date', value: 'Fri, 04 Dec 2026 10:00:05 GMT', expected: 5_000 },
    { label: 'past date', value: 'Fri, 04 Dec 2026 09:00:00 GMT', expected: 0 },
    { label: 'missing', value: null, expected: undefined },
    { label: 'unreadable', value: 'soon', expected: undefined },
  ])('reads $label', ({ value, expected }) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
