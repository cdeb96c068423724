import { z } from '@hono/zod-openapi';

import {
  FORBIDDEN_CHARACTERS,
  MAX_EMAIL_LENGTH,
  MAX_COMBINING_MARKS,
  MAX_NAME_LENGTH,
  hasReasonableMarks,
  hasVisibleCharacter,
  isValidEmail,
  normalizeEmail,
} from './text-rules.js';

export { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, isValidEmail, normalizeEmail };

/**
 * Field schemas shared by both functions. Text is trimmed and put in Unicode
 * NFC before any length or content check, so what is checked is what is stored.
 */

/** Error message of a type check, with a separate message for a missing value. */
export function typeError(expected: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? 'is required' : `must be ${expected}`;
}

/** Free text such as a person's or course's name. */
export function textField(maxLength: number) {
  return z
    .string({ error: typeError('a string') })
    .trim()
    .normalize('NFC')
    .min(1, { error: 'must not be empty' })
    // Counted in code points, as JSON Schema's maxLength counts, so an emoji
    // is one character rather than two UTF-16 units.
    .refine((value) => [...value].length <= maxLength, {
      error: `must be at most ${maxLength} characters`,
    })
    .refine((value) => !FORBIDDEN_CHARACTERS.test(value), {
      error: 'must not contain control, bidirectional or invisible formatting characters',
    })
    .refine(hasVisibleCharacter, {
      error: 'must contain at least one visible letter, digit or symbol',
    })
    .refine(hasReasonableMarks, {
      error: `must not stack more than ${MAX_COMBINING_MARKS} combining marks on one character`,
    })
    .openapi({ maxLength });
}

export const emailField = z
  .string({ error: typeError('a string') })
  .overwrite(normalizeEmail)
  .max(MAX_EMAIL_LENGTH, { error: `must be at most ${MAX_EMAIL_LENGTH} characters` })
  .refine(isValidEmail, {
    error: 'invalid email address, expected a form such as name@example.org',
  })
  .openapi({ example: 'ana.munoz@example.org', format: 'email' });

/** Opaque pagination cursor from the `nextCursor` of a previous page. */
export const cursorField = z
  .string({ error: typeError('a single value') })
  .max(2048, { error: 'must be at most 2048 characters' })
  .optional()
  .openapi({ description: 'The `nextCursor` of the previous page.' });

export const limitField = z
  .string({ error: typeError('a single value') })
  .regex(/^\d{1,3}$/, { error: 'must be a whole number from 1 to 100' })
  .transform(Number)
  .refine((value) => value >= 1 && value <= 100, {
    error: 'must be a whole number from 1 to 100',
  })
  .optional()
  .openapi({ type: 'integer', minimum: 1, maximum: 100, default: 25 });

export const DEFAULT_PAGE_SIZE = 25;

/** Problem document of RFC 9457, as every error response carries it. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional(),
  })
  .openapi('Problem');

export const MAX_BATCH_ITEMS = 100;
