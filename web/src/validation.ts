import {
  COURSE_ID_PATTERN,
  FORBIDDEN_CHARACTERS,
  MAX_EMAIL_LENGTH,
  MAX_NAME_LENGTH,
  USER_ID_PATTERN,
  hasVisibleCharacter,
  isValidEmail,
  normalizeCertificateId,
  normalizeEmail,
} from '../../src/shared/text-rules.js';
import type { MessageKey } from './i18n.js';

/**
 * In-page checks with the rules of the API's request schemas, shared through
 * src/shared/text-rules.ts, so that most mistakes are shown before a request
 * is sent. The server stays the authority, and the field errors of its 400
 * responses are shown on the fields too.
 */

export const MAX_TEXT_LENGTH = MAX_NAME_LENGTH;
export const MAX_COURSE_ID_LENGTH = 128;

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
// Any code that the API path accepts. The API returns 404 for a code that matches no certificate.
const CERTIFICATE_ID_PATTERN = /^[A-Z0-9-]{1,64}$/;
const EARLIEST_YEAR = 1900;

/** The value to send, or the key of the message that explains the problem. */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: MessageKey };

function valid<T>(value: T): Checked<T> {
  return { ok: true, value };
}

function invalid<T>(error: MessageKey): Checked<T> {
  return { ok: false, error };
}

/** Checks an email; staff forms pass their own `requiredMessage`, because they ask for someone else's. */
export function checkEmail(raw: string, requiredMessage: MessageKey = 'validation.emailRequired'): Checked<string> {
  const email = normalizeEmail(raw);
  if (email === '') {
    return invalid(requiredMessage);
  }
  if (email.length > MAX_EMAIL_LENGTH) {
    return invalid('validation.emailTooLong');
  }
  if (!isValidEmail(email)) {
    return invalid('validation.emailInvalid');
  }

  return valid(email);
}

/**
 * Checks free text such as a person's or a course's name: trimmed and in NFC,
 * as the API stores it, 1 to `maxLength` UTF-16 code units.
 */
export function checkText(
  raw: string,
  messages: { required: MessageKey; tooLong: MessageKey },
  maxLength = MAX_TEXT_LENGTH,
): Checked<string> {
  const value = raw.trim().normalize('NFC');
  // Text of only invisible characters counts as empty, as it does for the API.
  if (value === '' || !hasVisibleCharacter(value)) {
    return invalid(messages.required);
  }
  if (value.length > maxLength) {
    return invalid(messages.tooLong);
  }
  if (FORBIDDEN_CHARACTERS.test(value)) {
    return invalid('validation.controlCharacters');
  }

  return valid(value);
}

export function checkFullName(raw: string): Checked<string> {
  return checkText(raw, {
    required: 'validation.nameRequired',
    tooLong: 'validation.nameTooLong',
  });
}

export function checkCourseName(raw: string): Checked<string> {
  return checkText(raw, {
    required: 'validation.courseNameRequired',
    tooLong: 'validation.courseNameTooLong',
  });
}

export function checkCourseId(raw: string): Checked<string> {
  const value = raw.trim();
  if (value === '') {
    return invalid('validation.courseIdRequired');
  }

  return COURSE_ID_PATTERN.test(value) ? valid(value) : invalid('validation.courseIdInvalid');
}

/** Returns today's date in UTC as `YYYY-MM-DD`. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Returns the reader's calendar date as `YYYY-MM-DD`. */
export function todayLocal(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');

  return `${now.getFullYear()}-${month}-${day}`;
}

/**
 * Checks a completion date. The API accepts dates up to a day ahead of its
 * clock to allow for time zones, so the reader's own today is always accepted.
 */
export function checkCompletionDate(raw: string, now: Date = new Date()): Checked<string> {
  const value = raw.trim();
  if (value === '') {
    return invalid('validation.dateRequired');
  }
  if (!DATE_PATTERN.test(value)) {
    return invalid('validation.dateInvalid');
  }
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || todayUtc(date) !== value) {
    return invalid('validation.dateInvalid');
  }
  if (date.getUTCFullYear() < EARLIEST_YEAR) {
    return invalid('validation.dateTooEarly');
  }
  if (value > todayLocal(now)) {
    return invalid('validation.dateInFuture');
  }

  return valid(value);
}

/** Accepts a decimal point or a decimal comma; an empty field means no grade. */
export function checkGrade(raw: string): Checked<number | undefined> {
  const value = raw.trim().replace(',', '.');
  if (value === '') {
    return valid(undefined);
  }
  const grade = /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(grade) || grade < 0 || grade > 100) {
    return invalid('validation.gradeInvalid');
  }

  return valid(grade);
}

// Unicode dash punctuation (category Pd, such as en and em dashes) and the
// minus sign, which word processors and PDF viewers put in place of a hyphen.
/** Turns a pasted certificate code into the form the API uses, with the API's own rules. */
export const normalizeCertificateCode = normalizeCertificateId;

/** Checks a typed or pasted certificate code after normalizeCertificateCode. */
export function checkCertificateId(raw: string): Checked<string> {
  const value = normalizeCertificateCode(raw);
  if (value === '') {
    return invalid('validation.certificateIdRequired');
  }

  return CERTIFICATE_ID_PATTERN.test(value)
    ? valid(value)
    : invalid('validation.certificateIdInvalid');
}

export const MAX_REASON_LENGTH = 500;

export function checkRevocationReason(raw: string): Checked<string> {
  return checkText(
    raw,
    { required: 'validation.reasonRequired', tooLong: 'validation.reasonTooLong' },
    MAX_REASON_LENGTH,
  );
}

/** Checks a user id as registration returns it: a lower-case UUID of version 5. */
export function checkUserId(raw: string): Checked<string> {
  const value = raw.trim().toLowerCase();
  if (value === '') {
    return invalid('validation.userIdRequired');
  }

  return USER_ID_PATTERN.test(value) ? valid(value) : invalid('validation.userIdInvalid');
}
