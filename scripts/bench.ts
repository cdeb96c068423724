/**
 * Measures the local stack under a burst like the start of a term: many
 * registrations at once, staff batches of certificates, then verification
 * reads. Targets only a stack that it starts itself on 127.0.0.1, with a
 * bounded number of requests, and prints figures; it asserts nothing.
 *
 * Usage: npm run bench [-- --registrations 2000 --concurrency 50]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { startStack } from '../src/local/stack.js';

const MAX_REQUESTS = 20_000;
const ISSUER_KEY = 'bench-issuer-key';

const { values } = parseArgs({
  options: {
    registrations: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '50' },
  },
});
const registrations = Math.min(Number(values.registrations), MAX_REQUESTS);
const concurrency = Math.min(Number(values.concurrency), 200);
if (!Number.isInteger(registrations) || registrations < 1 || !Number.isInteger(concurrency) || concurrency < 1) {
  console.error('--registrations and --concurrency must be whole numbers of at least 1');
  process.exit(2);
}

interface PhaseResult {
  readonly name: string;
  readonly requests: number;
  readonly seconds: number;
  readonly latenciesMs: number[];
  readonly statuses: Map<number, number>;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

/** Sends `count` requests built by `makeRequest`, `parallel` at a time. */
async function runPhase(
  name: string,
  count: number,
  parallel: number,
  makeRequest: (index: number) => Promise<Response>,
): Promise<PhaseResult> {
  const latenciesMs: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < count) {
      const index = next;
      next += 1;
      const sent = performance.now();
      const response = await makeRequest(index);
      await response.arrayBuffer();
      latenciesMs.push(performance.now() - sent);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));

  return { name, requests: count, seconds: (performance.now() - started) / 1000, latenciesMs, statuses };
}

function report(result: PhaseResult, itemsPerRequest = 1): void {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  const statuses = [...result.statuses].map(([status, n]) => `${status}×${n}`).join(' ');
  const items = (result.requests * itemsPerRequest) / result.seconds;
  console.log(
    [
      result.name.padEnd(26),
      `${result.requests}`.padStart(6),
      `${items.toFixed(0)}/s`.padStart(9),
      `${percentile(sorted, 0.5).toFixed(1)}`.padStart(8),
      `${percentile(sorted, 0.95).toFixed(1)}`.padStart(8),
      `${percentile(sorted, 0.99).toFixed(1)}`.padStart(8),
      `  ${statuses}`,
    ].join(' '),
  );
}

const dataDir = await mkdtemp(join(tmpdir(), 'acredita-bench-'));
const stack = await startStack({
  port: 0,
  dataDir,
  issuerApiKey: ISSUER_KEY,
  logLevel: 'SILENT',
});
const json = { 'content-type': 'application/json' };
const issuer = { ...json, 'x-api-key': ISSUER_KEY };
const emails = Array.from({ length: registrations }, (_, i) => `bench${i}@example.org`);

try {
  console.log(`local stack ${stack.url}, data in ${dataDir}, concurrency ${concurrency}`);
  console.log(
    ['phase'.padEnd(26), 'reqs'.padStart(6), 'items'.padStart(9), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8), 'p99 ms'.padStart(8)].join(' '),
  );

  report(
    await runPhase('registrations', registrations, concurrency, (i) =>
      fetch(`${stack.url}/api/registros`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({
          email: emails[i],
          fullName: `Estudiante ${i} Ñandú`,
          accountType: 'student',
          language: 'es',
          acceptTerms: true,
        }),
      }),
    ),
  );

  report(
    await runPhase('same email, 200 at once', 200, 200, () =>
      fetch(`${stack.url}/api/registros`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({
          email: 'same@example.org',
          fullName: 'Misma Persona',
          accountType: 'student',
          language: 'es',
          acceptTerms: true,
        }),
      }),
    ),
  );

  const batches = Math.ceil(registrations / 100);
  const certificateIds: string[] = [];
  const batchResult = await runPhase('certificate batches of 100', batches, 4, async (b) => {
    const items = emails.slice(b * 100, b * 100 + 100).map((email) => ({
      email,
      courseId: 'BENCH101',
      courseName: 'Curso de prueba',
      completedAt: '2026-11-30',
    }));
    const response = await fetch(`${stack.url}/api/certificados/lote`, {
      method: 'POST',
      headers: issuer,
      body: JSON.stringify({ items }),
    });
    const body = (await response.clone().json()) as { items: { certificate?: { certificateId: string } }[] };
    for (const item of body.items) {
      if (item.certificate) {
        certificateIds.push(item.certificate.certificateId);
      }
    }

    return response;
  });
  report(batchResult, registrations / batches);

  report(
    await runPhase('verifications', registrations, concurrency, (i) =>
      fetch(`${stack.url}/api/certificados/${certificateIds[i % certificateIds.length]}`),
    ),
  );
} finally {
  await stack.close();
  await rm(dataDir, { recursive: true, force: true });
}
