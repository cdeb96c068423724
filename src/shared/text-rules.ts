/**
 * Character and format rules of the API's text fields, without dependencies,
 * so that the web app checks forms with exactly the rules the API applies.
 */

export const MAX_EMAIL_LENGTH = 254;
export const MAX_NAME_LENGTH = 200;

// Characters rejected in names. C0 and C1 controls, lone surrogates, and line
// and paragraph separators break text. Bidirectional marks and overrides can
// make a name display as something else. The zero-width space, word joiner,
// invisible operators, byte order mark and tag characters make two
// equal-looking names differ. The zero-width non-joiner and joiner (U+200C,
// U+200D) stay allowed, because Persian, Indic scripts and emoji need them.
export const FORBIDDEN_CHARACTERS =
  /[\p{Cc}\p{Cs}\u2028\u2029\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u{E0001}\u{E0020}-\u{E007F}]/u;

/** More combining marks in a row than any script writes on one letter. */
export const MAX_COMBINING_MARKS = 4;
const COMBINING_RUN = new RegExp(`\\p{M}{${MAX_COMBINING_MARKS + 1},}`, 'u');

/** Checks that no letter carries more than `MAX_COMBINING_MARKS` combining marks. */
export function hasReasonableMarks(value: string): boolean {
  return !COMBINING_RUN.test(value);
}

// A plain string, because String.raw would keep the backslash before the
// backtick, which is an invalid escape in a Unicode regular expression.
const EMAIL_ATOM = "[\\p{L}\\p{M}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
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

const UNICODE_DOMAIN = /^[\p{L}\p{M}\p{N}.-]+$/u;

/** Converts an internationalized domain name to its ASCII form (`xn--…`). */
function asciiDomain(domain: string): string {
  if (!UNICODE_DOMAIN.test(domain) || /^[\x21-\x7e]*$/.test(domain)) {
    return domain;
  }
  try {
    return new URL(`http://${domain}`).hostname;
  } catch {
    return domain;
  }
}

/**
 * Returns the form of an email used to compare and store it, so that one
 * mailbox has one spelling. The email is trimmed and NFKC-folded, which turns
 * full-width letters and ligatures into plain ones. It is then lower-cased and
 * put in NFC, and its domain is converted to the ASCII form.
 */
export function normalizeEmail(value: string): string {
  const folded = value.trim().normalize('NFKC').toLowerCase().normalize('NFC');
  const at = folded.lastIndexOf('@');
  if (at < 0) {
    return folded;
  }

  return `${folded.slice(0, at)}@${asciiDomain(folded.slice(at + 1))}`;
}

// Hangul fillers are letters and the braille blank is a symbol by category,
// but none of them prints anything.
const INVISIBLE = /[\p{Cf}\p{M}\p{Z}\u3164\u115F\u1160\uFFA0\u2800]/gu;
const VISIBLE = /[\p{L}\p{N}\p{S}\p{P}]/u;

/** Checks that text has at least one visible letter, digit, symbol or punctuation mark. */
export function hasVisibleCharacter(value: string): boolean {
  return VISIBLE.test(value.replace(INVISIBLE, ''));
}

/** Checks the form of an email that `normalizeEmail` has already normalized. */
export function isValidEmail(normalizedEmail: string): boolean {
  return (
    normalizedEmail.length <= MAX_EMAIL_LENGTH && EMAIL_PATTERN.test(normalizedEmail)
  );
}

export const CERTIFICATE_ID_PATTERN = /^ACR(-[0-9A-HJKMNP-TV-Z]{4}){4}$/;

const CODE_SEPARATORS = /[\s\p{Pd}\u2212]+/gu;

function decodeOrKeep(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Normalizes a typed or pasted certificate code. A verification URL gives the
 * segment after `/verificar/`. NFKC folds full-width characters, spaces and
 * Unicode dashes count as dashes, and letters are upper-cased. With 16 code
 * characters, Crockford's look-alike letters (I, L, O) become digits and the
 * `ACR-XXXX-XXXX-XXXX-XXXX` form is restored. Any other input is returned
 * upper-cased with its separators as single dashes, for the caller to reject.
 */
export function normalizeCertificateId(input: string): string {
  let value = input.normalize('NFKC').trim();
  const inPath = /\/verificar\/([^/?#]*)/i.exec(value);
  if (inPath) {
    value = decodeOrKeep(inPath[1] ?? '').normalize('NFKC').trim();
  }
  const dashed = value.toUpperCase().replace(CODE_SEPARATORS, '-').replace(/^-|-$/g, '');
  const compact = dashed
    .replace(/^ACR-?/, '')
    .replaceAll('-', '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (!/^[0-9A-Z]{16}$/.test(compact)) {
    return dashed;
  }

  return `ACR-${compact.match(/.{4}/g)!.join('-')}`;
}
