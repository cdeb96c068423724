import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startStack } from '../../src/local/stack.js';

export interface TestStack {
  /** Base URL such as `http://127.0.0.1:40123`; the API is under `/api`. */
  readonly url: string;
  readonly issuerApiKey: string;
  readonly dataDir: string;
  /** Endpoint of the embedded database, for checks that count stored items. */
  readonly databaseEndpoint: string;
  stopDatabase(): Promise<void>;
  close(): Promise<void>;
}

export interface TestStackOptions {
  /** Folder of the built web app to serve at `/`; none by default. */
  readonly webRoot?: string;
}

/**
 * Starts the real local stack on an ephemeral loopback port with a fresh,
 * temporary data directory that is removed on close.
 */
export async function startTestStack(
  options: TestStackOptions = {},
): Promise<TestStack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'acredita-test-'));
  const issuerApiKey = 'test-issuer-key-0123456789abcdef';
  const stack = await startStack({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    issuerApiKey,
    webRoot: options.webRoot,
    logLevel: 'SILENT',
  });

  return {
    url: stack.url,
    issuerApiKey,
    dataDir,
    databaseEndpoint: stack.databaseEndpoint,
    stopDatabase: () => stack.stopDatabase(),
    async close() {
      await stack.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
