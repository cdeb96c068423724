import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type ApiClient, apiClient } from '../support/http.js';
import { type TestStack, startTestStack } from '../support/stack.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DS101 = [
  '--course-id',
  'course-v1:Acredita+DS101+2026',
  '--course-name',
  'Ciencia de datos',
];
const ML201 = [
  '--course-id',
  'course-v1:Acredita+ML201+2026',
  '--course-name',
  'Aprendizaje automático',
];

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

let stack: TestStack;
let api: ApiClient;
let scratchDir: string;

/** Runs the real import command with the stack's URL and key, unless env overrides them. */
function runImport(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<CliResult> {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ACREDITA_URL: stack.url,
    ISSUER_API_KEY: stack.issuerApiKey,
    ...env,
  };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) {
      delete childEnv[name];
    }
  }

  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', ...args], {
      cwd: ROOT,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Reads a count such as "created: 13" from the summary. */
function count(output: string, label: string): number | undefined {
  const match = new RegExp(`^  ${label}:\\s+(\\d+)$`, 'm').exec(output);

  return match === null ? undefined : Number(match[1]);
}

async function findUser(email: string): Promise<Record<string, unknown> | undefined> {
  const query = `email=${encodeURIComponent(email)}`;
  const response = await api.get(`/registros?${query}`, { issuerKey: true });

  return response.body.items?.[0];
}

async function findCertificates(email: string): Promise<Record<string, unknown>[]> {
  const user = await findUser(email);
  const query = `userId=${String(user?.userId)}`;
  const response = await api.get(`/certificados?${query}`, { issuerKey: true });

  return response.body.items ?? [];
}

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack);
  scratchDir = await mkdtemp(join(tmpdir(), 'acredita-import-'));
});

afterAll(async () => {
  await stack?.close();
  if (scratchDir !== undefined) {
    await rm(scratchDir, { recursive: true, force: true });
  }
});

describe('import command', () => {
  it('registrations import creates users', async () => {
    const result = await runImport(['registrations', 'samples/moodle-users.csv']);

    expect(result.stderr).not.toMatch(/error/);
    expect(result.code).toBe(0);
    expect(count(result.stdout, 'created')).toBe(13);
    expect(count(result.stdout, 'already existing')).toBe(0);
    expect(count(result.stdout, 'rejected')).toBe(0);
    const eleni = await findUser('eleni.papadopoulou@example.org');
    expect(eleni).toMatchObject({
      fullName: 'Ελένη Παπαδοπούλου',
      accountType: 'instructor',
      language: 'el',
      source: 'staff',
    });
    const wang = await findUser('wang.xiaoming@example.org');
    expect(wang).toMatchObject({
      fullName: '小明 王',
      accountType: 'student',
      language: 'zh-CN',
    });
    const begona = await findUser('begona.ibanez@example.org');
    expect(begona).toMatchObject({ fullName: 'Begoña Ibáñez', language: 'es' });
  });

  it('registrations rerun reports existing users', async () => {
    const result = await runImport(['registrations', 'samples/moodle-users.csv']);

    expect(result.code).toBe(0);
    expect(count(result.stdout, 'created')).toBe(0);
    expect(count(result.stdout, 'already existing')).toBe(13);
  });

  it('Moodle completions issue certificates', async () => {
    const result = await runImport(['completions', 'samples/moodle-completion.csv', ...DS101]);

    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^ {2}row 11: .*\(HTTP 422\)$/m);
    expect(count(result.stdout, 'created')).toBe(6);
    expect(count(result.stdout, 'rejected')).toBe(1);
    expect(count(result.stdout, 'skipped')).toBe(2);
    const certificates = await findCertificates('ana.munoz@example.org');
    expect(certificates).toHaveLength(1);
    expect(certificates[0]).toMatchObject({
      holderName: 'Ana Muñoz',
      courseId: 'course-v1:Acredita+DS101+2026',
      courseName: 'Ciencia de datos',
      completedAt: '2026-11-30',
      status: 'ISSUED',
    });
  });

  it('completions rerun reports existing certificates', async () => {
    const result = await runImport(['completions', 'samples/moodle-completion.csv', ...DS101]);

    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^ {2}row 11: .*\(HTTP 422\)$/m);
    expect(count(result.stdout, 'already existing')).toBe(6);
    expect(count(result.stdout, 'rejected')).toBe(1);
  });

  it('Open edX completions keep grades', async () => {
    const file = 'samples/openedx-grades.csv';
    const args = ['completions', file, ...ML201, '--completed-at', '2026-12-01'];

    const result = await runImport(args);

    expect(result.code).toBe(0);
    expect(count(result.stdout, 'created')).toBe(4);
    expect(count(result.stdout, 'skipped')).toBe(2);
    const certificates = await findCertificates('rafael.oconnor@example.org');
    expect(certificates[0]).toMatchObject({ completedAt: '2026-12-01', grade: 76.49 });
    expect(await findCertificates('mai.nguyen@example.org')).toEqual([]);
  });

  it('Latin-1 file exits 2', async () => {
    const file = join(scratchDir, 'latin1.csv');
    const text = 'username,firstname,lastname,email\nana,Ana,Muñoz,ana@example.org\n';
    const latin1 = Buffer.from(text, 'latin1');
    await writeFile(file, latin1);

    const result = await runImport(['registrations', file]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('file is not valid UTF-8 (byte 0xF1 on line 2');
    expect(result.stderr).toContain('save it as UTF-8 and try again');
    expect(result.stdout).toBe('');
  });

  it('UTF-16 file exits 2', async () => {
    const file = join(scratchDir, 'utf16.csv');
    const text = '\uFEFFusername,firstname,lastname,email\nana,Ana,Muñoz,ana@example.org\n';
    await writeFile(file, Buffer.from(text, 'utf16le'));

    const result = await runImport(['registrations', file]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('file is UTF-16LE, not UTF-8');
    expect(result.stderr).toContain('save it as UTF-8 and try again');
    expect(result.stdout).toBe('');
  });

  it('leading dot in course id exits 2', async () => {
    const args = ['completions', 'samples/moodle-completion.csv', '--course-id', '.BULK'];

    const result = await runImport([...args, '--course-name', 'Ciencia de datos']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('invalid --course-id ".BULK"');
    expect(result.stdout).toBe('');
  });

  it('unknown header exits 2', async () => {
    const file = join(scratchDir, 'unknown.csv');
    await writeFile(file, 'name,mail\nAna,ana@example.org\n');

    const result = await runImport(['registrations', file]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('header is not recognised: "name,mail"');
  });

  it('missing issuer key exits 2', async () => {
    const env = { ISSUER_API_KEY: undefined };

    const result = await runImport(['registrations', 'samples/moodle-users.csv'], env);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('ISSUER_API_KEY is not set');
  });

  it('wrong issuer key exits 2', async () => {
    const env = { ISSUER_API_KEY: 'wrong-key' };

    const result = await runImport(['registrations', 'samples/moodle-users.csv'], env);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/the API rejected the issuer key \(HTTP 403/);
  });

  it('help exits 0', async () => {
    const result = await runImport(['--help']);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('npm run import -- registrations FILE');
  });
});
