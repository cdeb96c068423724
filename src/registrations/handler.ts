import { handle } from 'hono/aws-lambda';

import { openApiModule } from '../api/openapi.js';
import { createApiApp } from '../shared/app.js';
import { readApiConfig } from '../shared/config.js';
import { createDocumentClient } from '../shared/database.js';
import { createLogger } from '../shared/logger.js';
import { registrationsModule } from './module.js';

// Built once per execution environment and reused across invocations.
const app = createApiApp([registrationsModule, openApiModule], {
  // DYNAMODB_ENDPOINT points a test or local run at a DynamoDB-compatible engine.
  client: createDocumentClient({ endpoint: process.env.DYNAMODB_ENDPOINT }),
  config: readApiConfig(),
  issuerKey: { mode: 'api-gateway' },
  logger: createLogger('registrations'),
});

/** Entry point of the `registrations` Lambda function (API Gateway proxy events). */
export const handler = handle(app);
