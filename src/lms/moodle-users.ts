import type { CsvRecord, CsvTable } from './csv.js';
import {
  type Column,
  DuplicateEmails,
  cellValue,
  checkEmail,
  checkRecordShape,
  findColumn,
  normalizeHeaderCell,
} from './rows.js';
import type { ParseResult, ParsedRow, RegistrationFormat, RegistrationItem } from './types.js';

/** Columns that every Moodle "Upload users" file has; the others are optional. */
export const MOODLE_USERS_COLUMNS = ['username', 'firstname', 'lastname', 'email'] as const;

/** Language of users whose `lang` column is empty or missing. */
export const DEFAULT_LANGUAGE = 'es';

/**
 * Moodle role short names, in `role1` … `roleN` columns, that make the user an
 * instructor. Any other role, or none, means a student.
 */
export const INSTRUCTOR_ROLES: ReadonlySet<string> = new Set(['editingteacher', 'teacher']);

/** Returns true when the header has the columns of a Moodle "Upload users" file. */
export function isMoodleUsersHeader(header: readonly string[]): boolean {
  return MOODLE_USERS_COLUMNS.every((name) => findColumn(header, [name]) !== undefined);
}

interface UsersColumns {
  readonly email: Column;
  readonly firstname: Column;
  readonly lastname: Column;
  readonly lang: Column | undefined;
  readonly roles: readonly Column[];
}

/**
 * Maps the records of a Moodle "Upload users" CSV to registration requests.
 * The header must pass isMoodleUsersHeader. Columns other than the names,
 * email, `lang` and `role1` … `roleN` are ignored.
 */
export function parseMoodleUsers(
  table: CsvTable,
): ParseResult<RegistrationFormat, RegistrationItem> {
  const columns = findUsersColumns(table.header);
  const duplicates = new DuplicateEmails();
  const rows: ParsedRow<RegistrationItem>[] = [];

  for (const record of table.records) {
    const shapeError = checkRecordShape(record, table);
    const outcome =
      shapeError === undefined ? readUser(record, columns, duplicates) : { error: shapeError };
    rows.push({ row: record.row, ...outcome });
  }

  return { format: 'moodle-users', rows, skipped: [] };
}

/**
 * Converts a Moodle language pack name (`es`, `pt_br`, `es_mx`) to a canonical
 * BCP 47 tag (`es`, `pt-BR`, `es-MX`). Empty means DEFAULT_LANGUAGE. Returns
 * undefined for a value that is not a well-formed tag.
 */
export function toLanguageTag(moodleLanguage: string): string | undefined {
  const value = moodleLanguage.trim();
  if (value === '') {
    return DEFAULT_LANGUAGE;
  }

  try {
    return Intl.getCanonicalLocales(value.replaceAll('_', '-'))[0];
  } catch {
    return undefined;
  }
}

function findUsersColumns(header: readonly string[]): UsersColumns {
  const required = (name: string): Column => {
    const column = findColumn(header, [name]);
    if (column === undefined) {
      throw new Error(
        `Moodle users header has no "${name}" column; check isMoodleUsersHeader first`,
      );
    }

    return column;
  };
  const roles = header.flatMap((cell, index) =>
    /^role\d+$/.test(normalizeHeaderCell(cell)) ? [{ index, name: cell }] : [],
  );

  return {
    email: required('email'),
    firstname: required('firstname'),
    lastname: required('lastname'),
    lang: findColumn(header, ['lang']),
    roles,
  };
}

function readUser(
  record: CsvRecord,
  columns: UsersColumns,
  duplicates: DuplicateEmails,
): { item: RegistrationItem } | { error: string } {
  const email = cellValue(record, columns.email);
  const emailError =
    checkEmail(email, columns.email) ?? duplicates.check(email, record.row, columns.email);
  if (emailError !== undefined) {
    return { error: emailError };
  }

  const firstname = cellValue(record, columns.firstname);
  const lastname = cellValue(record, columns.lastname);
  if (firstname === '' && lastname === '') {
    const names = `"${columns.firstname.name}" and "${columns.lastname.name}"`;

    return { error: `columns ${names} are both empty` };
  }

  const lang = columns.lang === undefined ? '' : cellValue(record, columns.lang);
  const language = toLanguageTag(lang);
  if (language === undefined) {
    const name = columns.lang?.name ?? 'lang';

    return { error: `column "${name}" is not a language code such as es, en or pt_br: "${lang}"` };
  }

  return {
    item: {
      email,
      fullName: joinName(firstname, lastname),
      accountType: isInstructor(record, columns.roles) ? 'instructor' : 'student',
      language,
    },
  };
}

/** Joins first and last name with one space, keeping each part's exact Unicode. */
function joinName(firstname: string, lastname: string): string {
  return `${firstname} ${lastname}`.trim();
}

function isInstructor(record: CsvRecord, roles: readonly Column[]): boolean {
  return roles.some((column) => INSTRUCTOR_ROLES.has(cellValue(record, column).toLowerCase()));
}
