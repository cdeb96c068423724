import { createHash } from 'node:crypto';

import { Logger } from '@aws-lambda-powertools/logger';

/** Creates the structured JSON logger of a service; the level comes from LOG_LEVEL. */
export function createLogger(serviceName: string, logLevel?: string): Logger {
  return new Logger({
    serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? serviceName,
    ...(logLevel ? { logLevel: logLevel as 'INFO' } : {}),
  });
}

/**
 * Returns a short, stable pseudonym of an email so that log lines about the same
 * person can be correlated without writing the address in clear.
 */
export function emailFingerprint(email: string): string {
  return createHash('sha256').update(email).digest('hex').slice(0, 16);
}
