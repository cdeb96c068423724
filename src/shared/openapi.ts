import { z } from '@hono/zod-openapi';

import { ProblemSchema } from './fields.js';

/** Pieces of route descriptions that every module's OpenAPI routes share. */

export function problem(description: string) {
  return {
    description,
    content: { 'application/problem+json': { schema: ProblemSchema } },
  };
}

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}

export const issuerKeySecurity = [{ issuerKey: [] }];

export const idempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/)
    .optional()
    .openapi({
    description:
      'Repeat a request safely: the first response is replayed for 24 hours. ' +
      'The same key with another body gets 422; a repeat while the first ' +
      'request still runs gets 409 with Retry-After.',
  }),
});

export const commonProblems = {
  400: problem('Invalid input; `errors` names each field that failed.'),
  413: problem('Body over 64 KiB.'),
  415: problem('Body not application/json.'),
  431: problem('URL and headers over 16 KiB, as the local server limits them.'),
  503: problem('The database did not answer; retry after Retry-After.'),
};

/** Responses to a request repeated with an `Idempotency-Key`, merged into each route's own. */
export const idempotencyProblems = {
  409: problem('A request with this Idempotency-Key is still in progress.'),
  422: problem('This Idempotency-Key was used with a different body.'),
};

export const issuerKeyProblems = {
  401: problem('Issuer key missing.'),
  403: problem('Issuer key not accepted.'),
};
