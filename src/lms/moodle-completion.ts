import type { CsvTable } from './csv.js';
import { type DayMonthOrder, detectDayMonthOrder, toIsoDate } from './dates.js';
import { LmsFileError } from './errors.js';
import {
  type Column,
  DuplicateEmails,
  cellValue,
  checkEmail,
  checkRecordShape,
  findColumn,
} from './rows.js';
import type {
  CompletionFormat,
  CourseOption,
  IssuanceItem,
  ParseResult,
  ParsedRow,
  SkippedRow,
} from './types.js';

/*
 * Moodle's course completion report (Reports > Course completion, "Download
 * in spreadsheet format"), as written by report/completion/index.php with the
 * English language pack: "ID", "Name", the user identity fields chosen by the
 * site ("Email address" by default), per criterion one column (two for an
 * activity: its name and "<name> - Completion date"), and "Course complete"
 * last. "Course complete" contains the completion time in the pack's
 * strftimedatetimeshort form, "30/11/26, 10:15" in en and "11/30/26, 10:15"
 * in en_us, and is empty for a learner who has not completed.
 * NOTE: Only English header names are recognised. Exports made with another
 * language pack need their header translated first.
 */

/** Header of the last column, which contains the course completion date. */
export const COURSE_COMPLETE_COLUMN = 'Course complete';

/** Names of the email column: Moodle writes the identity field's display name. */
export const MOODLE_EMAIL_COLUMNS = ['Email address', 'Email'] as const;

/** Returns true when the header has the "Course complete" column of a Moodle completion report. */
export function isMoodleCompletionHeader(header: readonly string[]): boolean {
  return findColumn(header, [COURSE_COMPLETE_COLUMN]) !== undefined;
}

/**
 * Maps the records of a Moodle course completion report to issuance requests
 * for one course. Learners with an empty "Course complete" are skipped.
 */
export function parseMoodleCompletion(
  table: CsvTable,
  course: CourseOption,
): ParseResult<CompletionFormat, IssuanceItem> {
  const completeColumn = findColumn(table.header, [COURSE_COMPLETE_COLUMN]);
  if (completeColumn === undefined) {
    throw new Error(`Moodle completion header has no "${COURSE_COMPLETE_COLUMN}" column`);
  }
  const emailColumn = findColumn(table.header, MOODLE_EMAIL_COLUMNS);
  if (emailColumn === undefined) {
    throw new LmsFileError(
      `the Moodle completion report has no "${MOODLE_EMAIL_COLUMNS[0]}" column; add email to ` +
        'the user identity fields (Site administration > Users > Permissions > User policies > ' +
        'Show user identity) and download the report again',
    );
  }

  const completionValues = table.records.map((record) => cellValue(record, completeColumn));
  const order = detectDayMonthOrder(completionValues);
  const duplicates = new DuplicateEmails();
  const rows: ParsedRow<IssuanceItem>[] = [];
  const skipped: SkippedRow[] = [];

  for (const record of table.records) {
    const shapeError = checkRecordShape(record, table);
    if (shapeError !== undefined) {
      rows.push({ row: record.row, error: shapeError });
      continue;
    }

    const completion = cellValue(record, completeColumn);
    if (completion === '') {
      const reason = `not completed: column "${completeColumn.name}" is empty`;
      skipped.push({ row: record.row, reason });
      continue;
    }

    const email = cellValue(record, emailColumn);
    const emailError =
      checkEmail(email, emailColumn) ?? duplicates.check(email, record.row, emailColumn);
    if (emailError !== undefined) {
      rows.push({ row: record.row, error: emailError });
      continue;
    }

    const completedAt = toIsoDate(completion, order);
    if (completedAt === undefined) {
      rows.push({ row: record.row, error: describeBadDate(completion, completeColumn, order) });
      continue;
    }

    rows.push({
      row: record.row,
      item: { email, courseId: course.courseId, courseName: course.courseName, completedAt },
    });
  }

  return { format: 'moodle-completion', rows, skipped };
}

function describeBadDate(value: string, column: Column, order: DayMonthOrder): string {
  const example = order === 'day-first' ? '30/11/26, 10:15' : '11/30/26, 10:15';

  return (
    `column "${column.name}" is not a date in a supported form: "${value}" ` +
    `(expected for example ${example}, 30 November 2026 or 2026-11-30)`
  );
}
