import { z } from '@hono/zod-openapi';

/**
 * Field schemas shared by both functions. Text is trimmed and put in Unicode
 * NFC before any length or content check, so what is checked is what is stored.
 */

// C0 and C1 controls, lone surrogates, line and paragraph separators, and the
// bidirectional overrides that can make a name display as something else.
const FORBIDDEN_CHARACTERS = /[\p{Cc}\p{Cs}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

const EMAIL_ATOM = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
const EMAIL_LOCAL_PART = `${EMAIL_ATOM}(?:\\.${EMAIL_ATOM})*`;
const DOMAIN_LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?`;
const TOP_LEVEL_DOMAIN = String.raw`(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})`;
const EMAIL_PATTERN = new RegExp(
  `^(?=[^@]{1,64}@)${EMAIL_LOCAL_PART}@(?:${DOMAIN_LABEL}\\.)+${TOP_LEVEL_DOMAIN}$`,
  'u',
);

export const MAX_EMAIL_LENGTH = 254;

/** Error message of a type check, with a separate message for a missing value. */
export function typeError(expected: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? 'is required' : `must be ${expected}`;
}
export const MAX_NAME_LENGTH = 200;

/** Trims and NFC-normalizes text, then lower-cases it for comparison. */
export function normalizeEmail(value: string): string {
  return value.trim().normalize('NFC').toLowerCase();
}

export function isValidEmail(normalizedEmail: string): boolean {
  return (
    normalizedEmail.length <= MAX_EMAIL_LENGTH && EMAIL_PATTERN.test(normalizedEmail)
  );
}

/** Free text such as a person's or course's name. */
export function textField(maxLength: number) {
  return z
    .string({ error: typeError('a string') })
    .trim()
    .normalize('NFC')
    .min(1, { error: 'must not be empty' })
    .max(maxLength, { error: `must be at most ${maxLength} characters` })
    .refine((value) => !FORBIDDEN_CHARACTERS.test(value), {
      error: 'must not contain control or bidirectional formatting characters',
    });
}

export const emailField = z
  .string({ error: typeError('a string') })
  .trim()
  .normalize('NFC')
  .toLowerCase()
  .max(MAX_EMAIL_LENGTH, { error: `must be at most ${MAX_EMAIL_LENGTH} characters` })
  .refine(isValidEmail, {
    error: 'invalid email address, expected a form such as name@example.org',
  })
  .openapi({ example: 'ana.munoz@example.org', format: 'email' });

/** Opaque pagination cursor from the `nextCursor` of a previous page. */
export const cursorField = z
  .string()
  .max(2048, { error: 'must be at most 2048 characters' })
  .optional()
  .openapi({ description: 'The `nextCursor` of the previous page.' });

export const limitField = z
  .string()
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
