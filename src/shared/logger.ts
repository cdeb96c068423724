import { Logger } from '@aws-lambda-powertools/logger';

/** Creates the structured JSON logger of a service; the level comes from LOG_LEVEL. */
export function createLogger(serviceName: string, logLevel?: string): Logger {
  return new Logger({
    serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? serviceName,
    ...(logLevel ? { logLevel: logLevel as 'INFO' } : {}),
  });
}
