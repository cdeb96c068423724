import { createRoute } from '@hono/zod-openapi';

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
  CertificateIdParamSchema,
  CertificateListQuerySchema,
  CertificateListSchema,
  CertificateSchema,
  IssuanceBatchRequestSchema,
  IssuanceRequestSchema,
  PublicCertificateSchema,
  RevocationRequestSchema,
} from './schemas.js';

export const issueCertificate = createRoute({
  method: 'post',
  path: '/certificados',
  tags: ['Certificates'],
  summary: 'Issue the certificate of a completed course',
  description:
    'Repeating an issuance for the same user and course returns the existing certificate with 200.',
  security: issuerKeySecurity,
  request: { headers: idempotencyHeader, body: jsonBody(IssuanceRequestSchema) },
  responses: {
    200: json(CertificateSchema, 'The certificate already issued for this user and course.'),
    201: json(CertificateSchema, 'The new certificate.'),
    409: problem(
      'The certificate of this user and course was revoked, or a request with this Idempotency-Key is still in progress.',
    ),
    422: problem(
      'No registration for this user id or email, or this Idempotency-Key was used with a different body.',
    ),
    ...issuerKeyProblems,
    ...commonProblems,
  },
});

export const issueCertificateBatch = createRoute({
  method: 'post',
  path: '/certificados/lote',
  tags: ['Certificates'],
  summary: 'Issue up to 100 certificates',
  security: issuerKeySecurity,
  request: { headers: idempotencyHeader, body: jsonBody(IssuanceBatchRequestSchema) },
  responses: {
    200: json(
      batchResponseSchema('IssuanceBatchResponse', 'certificate', CertificateSchema),
      'One result per item, in request order.',
    ),
    ...idempotencyProblems,
    ...issuerKeyProblems,
    ...commonProblems,
  },
});

export const listCertificates = createRoute({
  method: 'get',
  path: '/certificados',
  tags: ['Certificates'],
  summary: 'List certificates by user or by status',
  description: 'Pass exactly one of `userId` or `status`.',
  security: issuerKeySecurity,
  request: { query: CertificateListQuerySchema },
  responses: {
    200: json(CertificateListSchema, 'One page of certificates, newest first.'),
    400: commonProblems[400],
    431: commonProblems[431],
    ...issuerKeyProblems,
    503: commonProblems[503],
  },
});

export const verifyCertificate = createRoute({
  method: 'get',
  path: '/certificados/{certificateId}',
  tags: ['Certificates'],
  summary: 'Verify a certificate',
  description: 'Public: returns no email, user id or grade. Codes are case-insensitive.',
  request: { params: CertificateIdParamSchema },
  responses: {
    200: json(PublicCertificateSchema, 'The certificate as anyone may see it.'),
    400: commonProblems[400],
    431: commonProblems[431],
    404: problem('No certificate with this code.'),
    503: commonProblems[503],
  },
});

export const revokeCertificate = createRoute({
  method: 'patch',
  path: '/certificados/{certificateId}',
  tags: ['Certificates'],
  summary: 'Revoke a certificate',
  security: issuerKeySecurity,
  request: {
    params: CertificateIdParamSchema,
    headers: idempotencyHeader,
    body: jsonBody(RevocationRequestSchema),
  },
  responses: {
    200: json(CertificateSchema, 'The revoked certificate.'),
    404: problem('No certificate with this code.'),
    409: problem(
      'The certificate was already revoked, or a request with this Idempotency-Key is still in progress.',
    ),
    422: idempotencyProblems[422],
    ...issuerKeyProblems,
    ...commonProblems,
  },
});

export const certificateRoutes = [
  issueCertificate,
  issueCertificateBatch,
  listCertificates,
  verifyCertificate,
  revokeCertificate,
];
