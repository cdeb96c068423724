/**
 * Character and format rules of the API's text fields, without dependencies,
 * so that the web app checks forms with exactly the rules the API applies.
 */

export const MAX_EMAIL_LENGTH = 254;
export const MAX_NAME_LENGTH = 200;

// C0 and C1 controls, lone surrogates, line and paragraph separators, and the
// bidirectional overrides that can make a name display as something else.
export const FORBIDDEN_CHARACTERS = /[\p{Cc}\p{Cs}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

// A plain string, because String.raw would keep the backslash before the
// backtick, which is an invalid escape in a Unicode regular expression.
const EMAIL_ATOM = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
const EMAIL_LOCAL_PART = `${EMAIL_ATOM}(?:\\.${EMAIL_ATOM})*`;
const DOMAIN_LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?`;
const TOP_LEVEL_DOMAIN = String.raw`(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})`;
const EMAIL_PATTERN = new RegExp(
  `^(?=[^@]{1,64}@)${EMAIL_LOCAL_PART}@(?:${DOMAIN_LABEL}\\.)+${TOP_LEVEL_DOMAIN}$`,
  'u',
);

export const COURSE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:+-]{0,127}$/;

export const USER_ID_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Trims and NFC-normalizes an email, then lower-cases it for comparison. */
export function normalizeEmail(value: string): string {
  return value.trim().normalize('NFC').toLowerCase();
}

/** Checks the form of an email that `normalizeEmail` has already normalized. */
export function isValidEmail(normalizedEmail: string): boolean {
  return (
    normalizedEmail.length <= MAX_EMAIL_LENGTH && EMAIL_PATTERN.test(normalizedEmail)
  );
}
