import { z } from '@hono/zod-openapi';

import { batchRequestSchema } from '../shared/batch.js';
import {
  MAX_NAME_LENGTH,
  cursorField,
  emailField,
  limitField,
  textField,
  typeError,
} from '../shared/fields.js';
import { COURSE_ID_PATTERN, USER_ID_PATTERN } from '../shared/text-rules.js';

export const CERTIFICATE_STATUSES = ['ISSUED', 'REVOKED'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

const MAX_REASON_LENGTH = 500;
/** Clock skew allowed between the LMS that reports a completion and this service. */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME_PATTERN =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses a completion date: a calendar date or an RFC 3339 date-time. Returns
 * the value to store (the date as given, or the date-time in UTC), or an error.
 */
export function parseCompletionDate(value: string): { value?: string; error?: string } {
  const isDate = DATE_PATTERN.test(value);
  if (!isDate && !DATE_TIME_PATTERN.test(value)) {
    return { error: 'must be a date YYYY-MM-DD or a date-time such as 2026-11-30T18:00:00Z' };
  }

  const parsed = new Date(isDate ? `${value}T00:00:00Z` : value);
  const sameCalendarDate =
    !Number.isNaN(parsed.getTime()) &&
    (!isDate || parsed.toISOString().slice(0, 10) === value);
  if (!sameCalendarDate) {
    return { error: 'is not a real calendar date' };
  }
  if (parsed.getUTCFullYear() < 1900) {
    return { error: 'must not be before the year 1900' };
  }
  if (parsed.getTime() > Date.now() + FUTURE_TOLERANCE_MS) {
    return { error: 'must not be in the future' };
  }

  return { value: isDate ? value : parsed.toISOString() };
}

const completedAtField = z
  .string({ error: typeError('a string') })
  .trim()
  .superRefine((value, context) => {
    const { error } = parseCompletionDate(value);
    if (error) {
      context.addIssue({ code: 'custom', message: error });
    }
  })
  .openapi({ example: '2026-11-30', description: 'YYYY-MM-DD or RFC 3339 date-time' });


export const IssuanceRequestSchema = z
  .strictObject({
    userId: z
      .string({ error: typeError('a string') })
      .regex(USER_ID_PATTERN, { error: 'must be a user id as returned by registration' })
      .optional(),
    email: emailField.optional(),
    courseId: z
      .string({ error: typeError('a string') })
      .trim()
      .regex(COURSE_ID_PATTERN, {
        error: 'must be 1 to 128 letters, digits or . _ : + - starting with a letter or digit',
      })
      .openapi({ example: 'course-v1:Acredita+DS101+2026' }),
    courseName: textField(MAX_NAME_LENGTH).openapi({ example: 'Ciencia de datos' }),
    completedAt: completedAtField,
    grade: z
      .number({ error: typeError('a number') })
      .min(0, { error: 'must be from 0 to 100' })
      .max(100, { error: 'must be from 0 to 100' })
      .optional(),
  })
  .superRefine((request, context) => {
    if ((request.userId === undefined) === (request.email === undefined)) {
      context.addIssue({
        code: 'custom',
        path: ['userId'],
        message: 'pass exactly one of userId or email',
      });
    }
  })
  .openapi('IssuanceRequest');

export type IssuanceRequest = z.infer<typeof IssuanceRequestSchema>;

export const IssuanceBatchRequestSchema = batchRequestSchema(
  'IssuanceBatchRequest',
  'IssuanceRequest',
);

export const RevocationRequestSchema = z
  .strictObject({
    status: z.literal('REVOKED', { error: 'must be REVOKED; revocation is the only change allowed' }),
    reason: textField(MAX_REASON_LENGTH).openapi({ example: 'Plagiarism confirmed' }),
  })
  .openapi('RevocationRequest');

const publicFields = {
  certificateId: z.string().openapi({ example: 'ACR-7K3M-9QPX-2HDW-TN5R' }),
  holderName: z.string(),
  courseId: z.string(),
  courseName: z.string(),
  completedAt: z.string(),
  issuedAt: z.string(),
  status: z.enum(CERTIFICATE_STATUSES),
  verificationUrl: z.string(),
  revokedAt: z.string().optional(),
  revocationReason: z.string().optional(),
};

export const PublicCertificateSchema = z.object(publicFields).openapi('PublicCertificate');

export const CertificateSchema = z
  .object({ ...publicFields, userId: z.string(), grade: z.number().optional() })
  .openapi('Certificate');

export type Certificate = z.infer<typeof CertificateSchema>;
export type PublicCertificate = z.infer<typeof PublicCertificateSchema>;

export const CertificateIdParamSchema = z.object({
  certificateId: z
    .string()
    .max(64, { error: 'must be a certificate code such as ACR-7K3M-9QPX-2HDW-TN5R' })
    .openapi({ param: { name: 'certificateId', in: 'path' }, example: 'ACR-7K3M-9QPX-2HDW-TN5R' }),
});

export const CertificateListQuerySchema = z.strictObject({
  userId: z
    .string({ error: typeError('a single value') })
    .regex(USER_ID_PATTERN, { error: 'must be a user id as returned by registration' })
    .optional(),
  status: z
    .enum(CERTIFICATE_STATUSES, {
      error: `must be one of: ${CERTIFICATE_STATUSES.join(', ')}`,
    })
    .optional(),
  limit: limitField,
  cursor: cursorField,
});

export const CertificateListSchema = z
  .object({ items: z.array(CertificateSchema), nextCursor: z.string().nullable() })
  .openapi('CertificateList');
