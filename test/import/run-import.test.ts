import { afterEach, describe, expect, it } from 'vitest';

import { ApiAuthError, ApiClient, ApiUnavailableError } from '../../src/cli/api-client.js';
import type { Progress } from '../../src/cli/progress.js';
import { sendBatches } from '../../src/cli/run-import.js';
import { ImportSummary } from '../../src/cli/summary.js';
import { type LoopbackServer, json, startServer } from './loopback-server.js';

const servers: LoopbackServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

class RecordingProgress implements Progress {
  advanced = 0;
  readonly messages: string[] = [];

  advance(rows: number): void {
    this.advanced += rows;
  }

  log(message: string): void {
    this.messages.push(message);
  }

  stop(): void {}
}

function rowsOf(count: number): { row: number; item: { email: string } }[] {
  return Array.from({ length: count }, (_, index) => ({ row: index + 2, item: { email: `u${index}@example.org` } }));
}

function created(count: number): unknown {
  return {
    items: Array.from({ length: count }, (_, index) => ({ index, status: 201 })),
    summary: { created: count, existing: 0, rejected: 0 },
  };
}

function clientFor(url: string): ApiClient {
  return new ApiClient({ baseUrl: url, apiKey: 'k', maxAttempts: 2, sleep: async () => {} });
}

describe('sendBatches', () => {
  it('sends one key per batch', async () => {
    const server = await startServer([json(200, created(100)), json(200, created(20))]);
    servers.push(server);
    const summary = new ImportSummary();
    const progress = new RecordingProgress();

    const stoppedBy = await sendBatches({
      path: '/api/registros/lote',
      rows: rowsOf(120),
      keyPrefix: 'acredita-import-abc',
      client: clientFor(server.url),
      summary,
      progress,
    });

    expect(stoppedBy).toBeUndefined();
    expect(server.requests.map((request) => request.headers['idempotency-key'])).toEqual([
      'acredita-import-abc-1',
      'acredita-import-abc-2',
    ]);
    expect(summary.totals().created).toBe(120);
    expect(progress.advanced).toBe(120);
  });

  it('resends a replayed batch with rejections', async () => {
    const stale = {
      items: [
        { index: 0, status: 201 },
        { index: 1, status: 422, problem: { detail: 'not registered' } },
      ],
    };
    const fresh = {
      items: [
        { index: 0, status: 200 },
        { index: 1, status: 201 },
      ],
    };
    const server = await startServer([json(200, stale, { 'idempotent-replayed': 'true' }), json(200, fresh)]);
    servers.push(server);
    const summary = new ImportSummary();
    const progress = new RecordingProgress();

    await sendBatches({
      path: '/api/certificados/lote',
      rows: rowsOf(2),
      keyPrefix: 'acredita-import-abc',
      client: clientFor(server.url),
      summary,
      progress,
    });

    const keys = server.requests.map((request) => request.headers['idempotency-key']);
    expect(keys[0]).toBe('acredita-import-abc-1');
    expect(keys[1]).toMatch(/^acredita-import-abc-1-[0-9a-f-]{36}$/);
    expect(summary.totals()).toMatchObject({ created: 1, existing: 1, rejected: [] });
    expect(progress.messages).toEqual([
      'batch 1: the API replayed an earlier response with rejections; sending it again',
    ]);
  });

  it('rejects the rows of a refused batch', async () => {
    const server = await startServer([json(413, { detail: 'body over 64 KiB' }), json(200, created(20))]);
    servers.push(server);
    const summary = new ImportSummary();

    const stoppedBy = await sendBatches({
      path: '/api/registros/lote',
      rows: rowsOf(120),
      keyPrefix: 'p',
      client: clientFor(server.url),
      summary,
      progress: new RecordingProgress(),
    });

    expect(stoppedBy).toBeUndefined();
    const totals = summary.totals();
    expect(totals.rejected).toHaveLength(100);
    expect(totals.rejected[0]).toEqual({
      row: 2,
      reason: 'the API rejected the whole batch (HTTP 413: body over 64 KiB)',
    });
    expect(totals.created).toBe(20);
  });

  it('stops when the API is unavailable', async () => {
    const server = await startServer([json(200, created(100)), json(503, { detail: 'database' })]);
    servers.push(server);
    const summary = new ImportSummary();

    const stoppedBy = await sendBatches({
      path: '/api/registros/lote',
      rows: rowsOf(250),
      keyPrefix: 'p',
      client: clientFor(server.url),
      summary,
      progress: new RecordingProgress(),
    });

    expect(stoppedBy).toBeInstanceOf(ApiUnavailableError);
    const totals = summary.totals();
    expect(totals.created).toBe(100);
    expect(totals.notSent?.rows).toHaveLength(150);
    expect(totals.notSent?.rows[0]).toBe(102);
    expect(server.requests).toHaveLength(3);
  });

  it('stops on a rejected key', async () => {
    const server = await startServer([json(401, { detail: 'x-api-key header missing' })]);
    servers.push(server);
    const summary = new ImportSummary();

    const stoppedBy = await sendBatches({
      path: '/api/registros/lote',
      rows: rowsOf(3),
      keyPrefix: 'p',
      client: clientFor(server.url),
      summary,
      progress: new RecordingProgress(),
    });

    expect(stoppedBy).toBeInstanceOf(ApiAuthError);
    expect(summary.totals().notSent?.rows).toEqual([2, 3, 4]);
  });
});
