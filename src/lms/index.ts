/**
 * Parsers for the CSV exports of learning management systems. They run in the
 * browser as well as in Node: plain TypeScript and papaparse, no Node APIs.
 */
import { readCsv } from './csv.js';
import { isIsoDate } from './dates.js';
import { LmsFileError } from './errors.js';
import { isMoodleCompletionHeader, parseMoodleCompletion } from './moodle-completion.js';
import { MOODLE_USERS_COLUMNS, isMoodleUsersHeader, parseMoodleUsers } from './moodle-users.js';
import {
  OPENEDX_GRADES_COLUMNS,
  isOpenEdxGradesHeader,
  parseOpenEdxGrades,
} from './openedx-grades.js';
import type {
  CompletionFormat,
  CourseOption,
  IssuanceItem,
  ParseResult,
  RegistrationFormat,
  RegistrationItem,
} from './types.js';

export { decodeUtf8 } from './decode.js';
export { LmsFileError } from './errors.js';
export { DEFAULT_LANGUAGE, INSTRUCTOR_ROLES } from './moodle-users.js';
export type {
  CompletionFormat,
  CourseOption,
  IssuanceItem,
  ParseResult,
  ParsedRow,
  RegistrationFormat,
  RegistrationItem,
  SkippedRow,
} from './types.js';

/** Headers the parsers recognise, as shown to the operator when none matches. */
export const RECOGNISED_HEADERS = {
  'moodle-users': `Moodle "Upload users" CSV: ${MOODLE_USERS_COLUMNS.join(',')}[,lang,role1,…]`,
  'moodle-completion': 'Moodle course completion report: ID,Name,Email address,…,Course complete',
  'openedx-grades':
    `Open edX grade report: ${OPENEDX_GRADES_COLUMNS.slice(0, 4).join(',')},…,` +
    'Certificate Eligible,…',
} as const satisfies Record<RegistrationFormat | CompletionFormat, string>;

/**
 * Parses a Moodle "Upload users" CSV into registration requests. Raises
 * LmsFileError when the file is empty or its header is not recognised.
 */
export function parseRegistrations(
  text: string,
): ParseResult<RegistrationFormat, RegistrationItem> {
  const table = readCsv(text);
  if (isMoodleUsersHeader(table.header)) {
    return parseMoodleUsers(table);
  }

  const isCompletionFile =
    isMoodleCompletionHeader(table.header) || isOpenEdxGradesHeader(table.header);
  if (isCompletionFile) {
    throw new LmsFileError(
      'file is a completion report, not a list of users; import it as completions',
    );
  }
  throw unknownHeaderError(table.header, ['moodle-users']);
}

/**
 * Parses a Moodle course completion report or an Open edX grade report into
 * issuance requests for the given course. Raises LmsFileError when the file is
 * empty or its header is not recognised, and RangeError when
 * course.completedAt is given but is not a date written as YYYY-MM-DD.
 */
export function parseCompletions(
  text: string,
  course: CourseOption,
): ParseResult<CompletionFormat, IssuanceItem> {
  if (course.completedAt !== undefined && !isIsoDate(course.completedAt)) {
    throw new RangeError(
      `completedAt must be a date written as YYYY-MM-DD: "${course.completedAt}"`,
    );
  }

  const table = readCsv(text);
  if (isMoodleCompletionHeader(table.header)) {
    return parseMoodleCompletion(table, course);
  }
  if (isOpenEdxGradesHeader(table.header)) {
    return parseOpenEdxGrades(table, course);
  }

  if (isMoodleUsersHeader(table.header)) {
    throw new LmsFileError(
      'file is a list of users, not a completion report; import it as registrations',
    );
  }
  throw unknownHeaderError(table.header, ['moodle-completion', 'openedx-grades']);
}

function unknownHeaderError(
  header: readonly string[],
  formats: readonly (RegistrationFormat | CompletionFormat)[],
): LmsFileError {
  const headerPreview = header.slice(0, 6).join(',') + (header.length > 6 ? ',…' : '');
  const expected = formats.map((format) => `  ${RECOGNISED_HEADERS[format]}`).join('\n');

  return new LmsFileError(
    `header is not recognised: "${headerPreview}"; expected one of:\n${expected}`,
  );
}
