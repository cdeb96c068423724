import type { CsvTable } from './csv.js';
import { todayUtc } from './dates.js';
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
 * Open edX course grade report (Instructor > Data Download > "Generate Grade
 * Report"), as written by CourseGradeReport in edx-platform
 * lms/djangoapps/instructor_task/tasks_helper/grades.py: "Student ID",
 * "Email", "Username", "Grade" (a fraction from 0 to 1), one column per graded
 * assignment and assignment type, optional "Cohort Name", "Experiment Group
 * (…)" and "Team Name", then "Enrollment Track", "Verification Status",
 * "Certificate Eligible", "Certificate Delivered", "Certificate Type" and
 * "Enrollment Status". Certificate columns hold Y or N.
 * The report has no completion date, so every certificate gets the date the
 * caller gives, or today's date in UTC.
 */

/** Columns that identify an Open edX grade report; the others are optional. */
export const OPENEDX_GRADES_COLUMNS = [
  'Student ID',
  'Email',
  'Username',
  'Grade',
  'Certificate Eligible',
] as const;

const ELIGIBLE_VALUES: ReadonlySet<string> = new Set(['y', 'yes', 'true']);
const NOT_ELIGIBLE_VALUES: ReadonlySet<string> = new Set(['n', 'no', 'false', '']);

/** Returns true when the header has the columns of an Open edX grade report. */
export function isOpenEdxGradesHeader(header: readonly string[]): boolean {
  return OPENEDX_GRADES_COLUMNS.every((name) => findColumn(header, [name]) !== undefined);
}

interface GradesColumns {
  readonly email: Column;
  readonly grade: Column;
  readonly eligible: Column;
}

/**
 * Maps the records of an Open edX grade report to issuance requests for one
 * course. Only learners whose "Certificate Eligible" is Y (or yes, true) get
 * one; the others are skipped.
 */
export function parseOpenEdxGrades(
  table: CsvTable,
  course: CourseOption,
): ParseResult<CompletionFormat, IssuanceItem> {
  const columns = findGradesColumns(table.header);
  const completedAt = course.completedAt ?? todayUtc();
  const duplicates = new DuplicateEmails();
  const rows: ParsedRow<IssuanceItem>[] = [];
  const skipped: SkippedRow[] = [];

  for (const record of table.records) {
    const shapeError = checkRecordShape(record, table);
    if (shapeError !== undefined) {
      rows.push({ row: record.row, error: shapeError });
      continue;
    }

    const eligible = cellValue(record, columns.eligible);
    const eligibleKey = eligible.toLowerCase();
    if (NOT_ELIGIBLE_VALUES.has(eligibleKey)) {
      const eligibleText = eligible === '' ? 'empty' : `"${eligible}"`;
      const column = columns.eligible.name;
      const reason = `not eligible for a certificate: column "${column}" is ${eligibleText}`;
      skipped.push({ row: record.row, reason });
      continue;
    }
    if (!ELIGIBLE_VALUES.has(eligibleKey)) {
      const error = `column "${columns.eligible.name}" is not Y or N: "${eligible}"`;
      rows.push({ row: record.row, error });
      continue;
    }

    const email = cellValue(record, columns.email);
    const emailError =
      checkEmail(email, columns.email) ?? duplicates.check(email, record.row, columns.email);
    if (emailError !== undefined) {
      rows.push({ row: record.row, error: emailError });
      continue;
    }

    const gradeText = cellValue(record, columns.grade);
    const grade = toPercent(gradeText);
    if (grade === null) {
      rows.push({
        row: record.row,
        error: `column "${columns.grade.name}" is not a fraction from 0 to 1: "${gradeText}"`,
      });
      continue;
    }

    const item: IssuanceItem = {
      email,
      courseId: course.courseId,
      courseName: course.courseName,
      completedAt,
    };
    if (grade !== undefined) {
      item.grade = grade;
    }
    rows.push({ row: record.row, item });
  }

  return { format: 'openedx-grades', rows, skipped };
}

/**
 * Converts a grade fraction such as 0.875 to a percentage rounded to two
 * decimals (87.5). Returns undefined for an empty value and null for a value
 * that is not a number from 0 to 1.
 */
export function toPercent(fraction: string): number | undefined | null {
  if (fraction === '') {
    return undefined;
  }
  // Number('') and Number(' ') are 0, and Number('0x1') is 1, so check the form first.
  if (!/^\d*\.?\d+(?:[eE][-+]?\d+)?$/.test(fraction)) {
    return null;
  }
  const value = Number(fraction);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    return null;
  }

  return Math.round(value * 100 * 100) / 100;
}

function findGradesColumns(header: readonly string[]): GradesColumns {
  const required = (name: string): Column => {
    const column = findColumn(header, [name]);
    if (column === undefined) {
      throw new Error(`Open edX header has no "${name}" column; check isOpenEdxGradesHeader first`);
    }

    return column;
  };

  return {
    email: required('Email'),
    grade: required('Grade'),
    eligible: required('Certificate Eligible'),
  };
}
