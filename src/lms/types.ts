export type RegistrationFormat = 'moodle-users';

export type CompletionFormat = 'moodle-completion' | 'openedx-grades';

/**
 * Registration request for the staff batch route. It has no acceptTerms
 * because staff provisioning does not need the learner's consent flag.
 */
export interface RegistrationItem {
  email: string;
  fullName: string;
  accountType: 'student' | 'instructor';
  /** BCP 47 language tag, such as `es` or `pt-BR`. */
  language: string;
}

/** Issuance request for the certificate batch route. */
export interface IssuanceItem {
  email: string;
  courseId: string;
  courseName: string;
  /** Completion date as YYYY-MM-DD. */
  completedAt: string;
  /** Final grade from 0 to 100. */
  grade?: number;
}

/** Outcome of one data record: an item to send, or the reason it is rejected. */
export interface ParsedRow<T> {
  /** 1-based line of the file where the record starts; the header is line 1. */
  row: number;
  item?: T;
  /** Reason the row is rejected, naming the column, such as `column "email" is empty`. */
  error?: string;
}

/** Record that is valid but has nothing to import, such as a learner who has not completed. */
export interface SkippedRow {
  row: number;
  reason: string;
}

export interface ParseResult<F, T> {
  format: F;
  rows: ParsedRow<T>[];
  skipped: SkippedRow[];
}

/** Course that a completion file belongs to; the exports do not name it reliably. */
export interface CourseOption {
  courseId: string;
  courseName: string;
  /**
   * Completion date as YYYY-MM-DD for formats without one (Open edX grade
   * reports); today's date in UTC when missing. Moodle reports carry their own.
   */
  completedAt?: string;
}
