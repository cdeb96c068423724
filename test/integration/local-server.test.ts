import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ISSUER_KEY = 'local-server-test-key';

interface RunningServer {
  readonly process: ChildProcess;
  readonly url: string;
  output(): string;
}

/** Starts `src/local/main.ts` as `npm start` does, on a free port. */
async function startServer(dataDir: string): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/local/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      DATA_DIR: dataDir,
      ISSUER_API_KEY: ISSUER_KEY,
      WEB_ROOT: join(dataDir, 'no-web-app'),
      LOG_LEVEL: 'INFO',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    child.stdout!.on('data', () => {
      const match = output.match(/"url":"(http:\/\/[^"]+)"/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });

  return { process: child, url, output: () => output };
}

function stopServer(server: RunningServer, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    server.process.once('exit', (code) => resolve(code));
    server.process.kill(signal);
  });
}

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'acredita-server-'));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('local server', () => {
  it('keeps acknowledged writes across a restart', async () => {
    const email = 'persistente@example.org';
    const fullName = 'Persistencia Ñandú';
    const first = await startServer(dataDir);
    const created = await fetch(`${first.url}/api/registros`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, fullName, accountType: 'student', language: 'es', acceptTerms: true }),
    });
    expect(created.status).toBe(201);

    const exitCode = await stopServer(first, 'SIGTERM');
    const second = await startServer(dataDir);
    const lookup = await fetch(`${second.url}/api/registros?email=${email}`, {
      headers: { 'x-api-key': ISSUER_KEY },
    });
    const body = (await lookup.json()) as { items: { fullName: string }[] };
    await stopServer(second, 'SIGINT');

    expect(exitCode).toBe(0);
    expect(body.items.map((item) => item.fullName)).toEqual([fullName]);
  });

  it('keeps every acknowledged write when stopped under load', async () => {
    const server = await startServer(dataDir);
    const total = 300;
    const acknowledged: string[] = [];
    const statuses = new Set<number>();
    let sent = 0;
    let stopped: Promise<number | null> | undefined;
    const worker = async () => {
      while (sent < total) {
        const email = `carga-${sent}@example.org`;
        sent += 1;
        if (sent === 100) {
          stopped = stopServer(server, 'SIGTERM');
        }
        try {
          const response = await fetch(`${server.url}/api/registros`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email, fullName: 'Carga', accountType: 'student', language: 'es', acceptTerms: true }),
          });
          statuses.add(response.status);
          if (response.status === 201) {
            acknowledged.push(email);
          }
        } catch {
          // Refused or reset connections are expected once the server stops.
        }
      }
    };
    await Promise.all(Array.from({ length: 20 }, worker));
    const exitCode = await stopped;

    const restarted = await startServer(dataDir);
    const missing: string[] = [];
    for (const email of acknowledged) {
      const lookup = await fetch(`${restarted.url}/api/registros?email=${email}`, {
        headers: { 'x-api-key': ISSUER_KEY },
      });
      const body = (await lookup.json()) as { items: unknown[] };
      if (body.items.length !== 1) {
        missing.push(email);
      }
    }
    await stopServer(restarted, 'SIGTERM');

    expect(exitCode).toBe(0);
    // About 100 requests were sent before the signal; some may land after it.
    expect(acknowledged.length).toBeGreaterThanOrEqual(50);
    expect([...statuses].filter((status) => status !== 201 && status !== 503)).toEqual([]);
    expect(missing).toEqual([]);
  });

  it('logs JSON with request ids and no emails or names', async () => {
    const server = await startServer(dataDir);
    await fetch(`${server.url}/api/registros`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-123' },
      body: JSON.stringify({
        email: 'secreto@example.org',
        fullName: 'Nombre Secreto',
        accountType: 'student',
        language: 'es',
        acceptTerms: true,
      }),
    });
    await fetch(`${server.url}/api/registros?email=secreto@example.org`, {
      headers: { 'x-api-key': ISSUER_KEY },
    });
    await stopServer(server, 'SIGTERM');

    const lines = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'));
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.some((record) => record.message === 'local stack started')).toBe(true);
    expect(records.some((record) => record.requestId === 'trace-123')).toBe(true);
    expect(server.output()).not.toContain('secreto@example.org');
    expect(server.output()).not.toContain('Nombre Secreto');
    expect(server.output()).not.toContain(ISSUER_KEY);
  });

  it('prints a generated issuer key once when none is set', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/local/main.ts'], {
      env: { ...process.env, PORT: '0', DATA_DIR: join(dataDir, 'generated'), ISSUER_API_KEY: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    await new Promise<void>((resolve) => {
      child.stdout.on('data', () => output.includes('"url"') && resolve());
    });
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));

    const key = output.match(/Issuer key for this run.*\n\s+(\S+)/)?.[1];
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(output.split(key!).length - 1).toBe(1);
    expect(output).toContain('"issuerKeySource":"generated at start"');
  });
});
