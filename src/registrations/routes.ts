import { createRoute, z } from '@hono/zod-openapi';

import { batchResponseSchema } from '../shared/batch.js';
import {
  commonProblems,
  idempotencyHeader,
  idempotencyProblems,
  issuerKeyProblems,
  issuerKeySecurity,
  json,
  jsonBody,
  problem,
} from '../shared/openapi.js';
import {
  RegistrationBatchRequestSchema,
  RegistrationListQuerySchema,
  RegistrationListSchema,
  RegistrationRequestSchema,
  RegistrationSchema,
} from './schemas.js';

export const createRegistration = createRoute({
  method: 'post',
  path: '/registros',
  tags: ['Registrations'],
  summary: 'Register a user',
  request: {
    headers: idempotencyHeader,
    body: jsonBody(RegistrationRequestSchema),
  },
  responses: {
    201: json(RegistrationSchema, 'The stored registration.'),
    409: problem(
      'The email is already registered, or a request with this Idempotency-Key is still in progress.',
    ),
    422: idempotencyProblems[422],
    ...commonProblems,
  },
});

export const createRegistrationBatch = createRoute({
  method: 'post',
  path: '/registros/lote',
  tags: ['Registrations'],
  summary: 'Register up to 100 users on behalf of the institution',
  security: issuerKeySecurity,
  request: {
    headers: idempotencyHeader,
    body: jsonBody(RegistrationBatchRequestSchema),
  },
  responses: {
    200: json(
      batchResponseSchema('RegistrationBatchResponse', 'registration', RegistrationSchema),
      'One result per item, in request order.',
    ),
    ...idempotencyProblems,
    ...issuerKeyProblems,
    ...commonProblems,
  },
});

export const listRegistrations = createRoute({
  method: 'get',
  path: '/registros',
  tags: ['Registrations'],
  summary: 'Look up registrations by email or list them by account type',
  description: 'Pass exactly one of `email` or `accountType`.',
  security: issuerKeySecurity,
  request: { query: RegistrationListQuerySchema },
  responses: {
    200: json(RegistrationListSchema, 'One page of registrations.'),
    400: commonProblems[400],
    431: commonProblems[431],
    ...issuerKeyProblems,
    503: commonProblems[503],
  },
});

export const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['Operations'],
  summary: 'Liveness and database reachability',
  responses: {
    200: json(
      z.object({ status: z.literal('ok'), database: z.literal('ok') }).openapi('Health'),
      'The service runs and the database answers.',
    ),
    503: problem('The database did not answer.'),
  },
});

export const registrationRoutes = [
  createRegistration,
  createRegistrationBatch,
  listRegistrations,
  health,
];
