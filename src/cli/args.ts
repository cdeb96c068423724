import { parseArgs } from 'node:util';

import { isIsoDate, todayUtc } from '../lms/dates.js';
import {
  COURSE_ID_PATTERN,
  FORBIDDEN_CHARACTERS,
  MAX_NAME_LENGTH,
  hasVisibleCharacter,
} from '../shared/text-rules.js';

export const USAGE = `Usage:
  npm run import -- registrations FILE
  npm run import -- completions FILE --course-id ID --course-name NAME [--completed-at YYYY-MM-DD]

Imports an LMS export through the Acredita API, in batches of up to 100 rows.
  registrations  Moodle "Upload users" CSV (username,firstname,lastname,email,…)
                 becomes staff registrations; role1…roleN of editingteacher or
                 teacher makes an instructor, anything else a student.
  completions    Moodle course completion report or Open edX grade report
                 becomes certificates for one course.

Options:
  --course-id ID         course identifier on the certificates: 1 to 128 letters,
                         digits or . _ : + -, starting with a letter or digit,
                         such as course-v1:Acredita+DS101+2026
  --course-name NAME     course name on the certificates, 1 to 200 characters
  --completed-at DATE    completion date (YYYY-MM-DD) for Open edX grade reports,
                         which have no date column; default: today in UTC.
                         Moodle reports use their "Course complete" dates.
  --list-skipped         list each skipped row, not only their count
  -h, --help             print this help

Environment:
  ISSUER_API_KEY   issuer API key (required)
  ACREDITA_URL     base URL of Acredita, default http://localhost:3000;
                   the API is under /api

Exit status: 0 when every row was imported, already existed or was skipped;
1 when a row was rejected or not sent; 2 for a usage, file or configuration error.
`;

export type ImportCommand =
  | { kind: 'help' }
  | { kind: 'registrations'; file: string; listSkipped: boolean }
  | {
      kind: 'completions';
      file: string;
      listSkipped: boolean;
      course: { courseId: string; courseName: string; completedAt?: string };
    };

/** Invalid command line; the message names the value and the fix. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Control characters (C0, DEL and C1), which the API rejects in names. */

/**
 * Parses the arguments after the script name. Raises UsageError for an
 * unknown command or option, a missing file or course option, or a value the
 * API would reject for every row.
 */
export function parseImportArgs(
  argv: readonly string[],
  today: string = todayUtc(),
): ImportCommand {
  let parsed: ReturnType<typeof parseWithNode>;
  try {
    parsed = parseWithNode(argv);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    return { kind: 'help' };
  }

  const [kind, file, ...extra] = positionals;
  if (kind !== 'registrations' && kind !== 'completions') {
    const quotedKind = kind === undefined ? 'none' : `"${kind}"`;
    throw new UsageError(`unknown import kind ${quotedKind}; use registrations or completions`);
  }
  if (file === undefined || file === '') {
    throw new UsageError(`missing FILE; name the CSV file to import as ${kind}`);
  }
  if (extra.length > 0) {
    throw new UsageError(`unexpected argument "${extra[0]}"; import one file at a time`);
  }
  const listSkipped = values['list-skipped'] === true;

  if (kind === 'registrations') {
    const courseOptions = [
      ['course-id', values['course-id']],
      ['course-name', values['course-name']],
      ['completed-at', values['completed-at']],
    ] as const;
    const courseOption = courseOptions.find(([, value]) => value !== undefined);
    if (courseOption !== undefined) {
      throw new UsageError(`--${courseOption[0]} applies to completions only`);
    }

    return { kind, file, listSkipped };
  }

  return { kind, file, listSkipped, course: parseCourse(values, today) };
}

function parseWithNode(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      'course-id': { type: 'string' },
      'course-name': { type: 'string' },
      'completed-at': { type: 'string' },
      'list-skipped': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function parseCourse(
  values: { 'course-id'?: string; 'course-name'?: string; 'completed-at'?: string },
  today: string,
): { courseId: string; courseName: string; completedAt?: string } {
  const courseId = values['course-id']?.trim();
  if (courseId === undefined || courseId === '') {
    throw new UsageError('missing --course-id; completions need the course identifier');
  }
  if (!COURSE_ID_PATTERN.test(courseId)) {
    throw new UsageError(
      `invalid --course-id "${courseId}"; use 1 to 128 letters, digits or . _ : + -, ` +
        'starting with a letter or digit',
    );
  }

  const courseName = values['course-name']?.trim().normalize('NFC');
  if (courseName === undefined || courseName === '') {
    throw new UsageError(
      'missing --course-name; completions need the course name shown on certificates',
    );
  }
  const validName =
    courseName.length <= MAX_NAME_LENGTH &&
    !FORBIDDEN_CHARACTERS.test(courseName) &&
    hasVisibleCharacter(courseName);
  if (!validName) {
    throw new UsageError(
      `invalid --course-name; use 1 to ${MAX_NAME_LENGTH} visible characters without control or bidirectional formatting characters`,
    );
  }

  const completedAt = values['completed-at']?.trim();
  if (completedAt === undefined) {
    return { courseId, courseName };
  }
  if (!isIsoDate(completedAt)) {
    throw new UsageError(`invalid --completed-at "${completedAt}"; use a date such as 2026-11-30`);
  }
  if (completedAt > today) {
    throw new UsageError(
      `invalid --completed-at "${completedAt}"; it is after today (${today} UTC)`,
    );
  }

  return { courseId, courseName, completedAt };
}
