import { handle } from 'hono/aws-lambda';

import { createApiApp } from '../shared/app.js';
import { readApiConfig } from '../shared/config.js';
import { createDocumentClient } from '../shared/database.js';
import { createLogger } from '../shared/logger.js';
import { certificatesModule } from './module.js';

// Built once per execution environment and reused across invocations.
const app = createApiApp([certificatesModule], {
  // DYNAMODB_ENDPOINT points a test or local run at a DynamoDB-compatible engine.
  client: createDocumentClient({ endpoint: process.env.DYNAMODB_ENDPOINT }),
  config: readApiConfig(),
  issuerKey: { mode: 'api-gateway' },
  logger: createLogger('certificates'),
});

/** Entry point of the `certificates` Lambda function (API Gateway proxy events). */
export const handler = handle(app);
