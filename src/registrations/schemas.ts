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

export const ACCOUNT_TYPES = ['student', 'instructor'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

const accountTypeField = z
  .enum(ACCOUNT_TYPES, {
    error: (issue) =>
      issue.input === undefined
        ? 'is required'
        : `must be one of: ${ACCOUNT_TYPES.join(', ')}`,
  })
  .openapi({ example: 'student' });

/** Returns the canonical form of a BCP 47 language tag, or undefined when invalid. */
export function canonicalLanguage(tag: string): string | undefined {
  if (!/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/.test(tag)) {
    return undefined;
  }
  try {
    return Intl.getCanonicalLocales(tag.replaceAll('_', '-'))[0];
  } catch {
    return undefined;
  }
}

const languageField = z
  .string({ error: typeError('a string') })
  .trim()
  .max(35, { error: 'must be at most 35 characters' })
  .refine((tag) => canonicalLanguage(tag) !== undefined, {
    error: 'must be a BCP 47 language tag such as es, en or pt-BR',
  })
  .openapi({ example: 'es' });

const registrationFields = {
  email: emailField,
  fullName: textField(MAX_NAME_LENGTH).openapi({ example: 'Ana Muñoz' }),
  accountType: accountTypeField,
  language: languageField,
};

export const RegistrationRequestSchema = z
  .strictObject({
    ...registrationFields,
    acceptTerms: z.literal(true, {
      error: 'must be true: accept the terms of use to register',
    }),
  })
  .openapi('RegistrationRequest');

/** A registration made by staff on behalf of the learner, who has not accepted the terms yet. */
export const StaffRegistrationSchema = z
  .strictObject({
    ...registrationFields,
    acceptTerms: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .openapi('StaffRegistrationRequest');

export const RegistrationBatchRequestSchema = batchRequestSchema(
  'RegistrationBatchRequest',
  'StaffRegistrationRequest',
);

export const RegistrationSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    fullName: z.string(),
    accountType: z.enum(ACCOUNT_TYPES),
    language: z.string(),
    status: z.enum(['ACTIVE']),
    source: z.enum(['self', 'staff']),
    createdAt: z.string(),
    termsAcceptedAt: z.string().optional(),
    expiresAt: z.string().optional(),
  })
  .openapi('Registration');

export type Registration = z.infer<typeof RegistrationSchema>;
export type RegistrationRequest = z.infer<typeof StaffRegistrationSchema>;

export const RegistrationListQuerySchema = z.strictObject({
  email: emailField.optional(),
  accountType: accountTypeField.optional(),
  limit: limitField,
  cursor: cursorField,
});

export const RegistrationListSchema = z
  .object({
    items: z.array(RegistrationSchema),
    nextCursor: z.string().nullable(),
  })
  .openapi('RegistrationList');
