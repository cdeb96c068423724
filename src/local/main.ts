import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

import { readApiConfig } from '../shared/config.js';
import { createLogger } from '../shared/logger.js';
import { startStack } from './stack.js';

// Node.js 20 is the supported local runtime (the functions run on 22 in
// Lambda), so the SDK's notice that its 2027 releases need 22 is only noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const logger = createLogger('acredita-local', process.env.LOG_LEVEL);

function readPort(value: string | undefined): number {
  const port = Number(value ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got "${value}"`);
  }

  return port;
}

async function main(): Promise<void> {
  const config = readApiConfig();
  const dataDir = resolve(process.env.DATA_DIR || '.data');
  const webRoot = resolve(process.env.WEB_ROOT || 'web/dist');
  let issuerApiKey = process.env.ISSUER_API_KEY;
  const issuerKeySource = issuerApiKey ? 'ISSUER_API_KEY' : 'generated at start';
  if (!issuerApiKey) {
    issuerApiKey = randomBytes(24).toString('base64url');
    // Printed once, on the terminal only, so the operator can copy it.
    process.stdout.write(
      `\nIssuer key for this run (set ISSUER_API_KEY to choose one):\n  ${issuerApiKey}\n\n`,
    );
  }

  const stack = await startStack({
    host: process.env.HOST || '127.0.0.1',
    port: readPort(process.env.PORT),
    dataDir,
    webRoot,
    issuerApiKey,
    publicBaseUrl: config.publicBaseUrl,
    registrationTtlDays: config.registrationTtlDays,
    tables: config.tables,
    logLevel: process.env.LOG_LEVEL,
  });
  logger.info('local stack started', {
    url: stack.url,
    api: `${stack.url}/api`,
    dataDir,
    issuerKeySource,
    createdTables: stack.createdTables,
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.info('stopping: finishing requests in flight, then closing the database', {
      signal,
    });
    stack.close().then(
      () => {
        logger.info('local stack stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error('local stack did not stop cleanly', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  logger.error('local stack failed to start', { error });
  process.exit(1);
});
