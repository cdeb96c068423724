import { OpenAPIHono } from '@hono/zod-openapi';

import { certificateRoutes } from '../certificates/routes.js';
import { IssuanceRequestSchema } from '../certificates/schemas.js';
import { registrationRoutes } from '../registrations/routes.js';
import { StaffRegistrationSchema } from '../registrations/schemas.js';
import type { ApiModule } from '../shared/app.js';

let cached: unknown;

/**
 * Builds the OpenAPI 3.1 document of every route of both functions from the
 * route definitions whose schemas validate the requests.
 */
export function createOpenApiDocument(): unknown {
  if (cached) {
    return cached;
  }
  const app = new OpenAPIHono();
  const registry = app.openAPIRegistry;
  registry.registerComponent('securitySchemes', 'issuerKey', {
    type: 'apiKey',
    in: 'header',
    name: 'x-api-key',
    description: 'The issuer key of the institution.',
  });
  // Batch items are validated one by one, so the batch schemas point at
  // these by reference instead of embedding them.
  registry.register('StaffRegistrationRequest', StaffRegistrationSchema);
  registry.register('IssuanceRequest', IssuanceRequestSchema);
  for (const route of [...registrationRoutes, ...certificateRoutes]) {
    registry.registerPath(route);
  }

  cached = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Acredita API',
      version: '1.0.0',
      description:
        'Registration of learners and issuance, verification and revocation of course certificates. ' +
        'Errors are application/problem+json (RFC 9457).',
    },
    servers: [{ url: '/api' }],
  });

  return cached;
}

/** Serves the OpenAPI document at `/openapi.json`. */
export const openApiModule: ApiModule = {
  register(app) {
    app.get('/openapi.json', (c) => c.json(createOpenApiDocument() as object));
  },
};
