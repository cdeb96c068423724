/**
 * Reading of the completion dates that LMS exports write. Only the date is
 * kept: the time of day, and any UTC offset, are dropped, so the result is
 * the calendar date as the export shows it.
 */

/** Order of day and month in numeric dates such as 05/11/26. */
export type DayMonthOrder = 'day-first' | 'month-first';

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const WEEKDAY = String.raw`(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*,?\s+)?`;
const TIME = String.raw`(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?)?`;

/** 2026-11-30, optionally followed by a time and offset: 2026-11-30T10:15:00Z. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s].*)?$/i;
/** 30/11/26, 30/11/2026, 30.11.2026 or 30-11-2026, with an optional time. */
const NUMERIC_DATE = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})${TIME}$`, 'i');
/** 30 November 2026, 10:15 AM or Sunday, 30 Nov 2026. */
const DAY_MONTH_YEAR = new RegExp(
  String.raw`^${WEEKDAY}(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})${TIME}$`,
  'i',
);
/** November 30, 2026, 10:15 AM. */
const MONTH_DAY_YEAR = new RegExp(
  String.raw`^${WEEKDAY}([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})${TIME}$`,
  'i',
);

/** Numeric date split into its parts, before day and month are distinguished. */
export interface NumericDateParts {
  readonly first: number;
  readonly second: number;
  readonly year: number;
}

/** Splits a numeric date such as 30/11/26; returns undefined for any other form. */
export function splitNumericDate(value: string): NumericDateParts | undefined {
  const match = NUMERIC_DATE.exec(value.trim());
  if (match === null) {
    return undefined;
  }

  return {
    first: Number(match[1]),
    second: Number(match[3]),
    year: expandYear(match[4] ?? ''),
  };
}

/**
 * Converts a date written by an LMS to YYYY-MM-DD, or returns undefined when
 * the value has none of the supported forms or is not a real calendar date.
 * Supported: ISO 8601 dates and date-times, numeric dates with / . or -
 * separators and two- or four-digit years, and English month names, each with
 * an optional time of day.
 */
export function toIsoDate(value: string, order: DayMonthOrder = 'day-first'): string | undefined {
  const text = value.trim();

  const iso = ISO_DATE.exec(text);
  if (iso !== null) {
    return formatDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  }

  const numeric = splitNumericDate(text);
  if (numeric !== undefined) {
    const dayFirst = order === 'day-first';
    const day = dayFirst ? numeric.first : numeric.second;
    const month = dayFirst ? numeric.second : numeric.first;

    return formatDate(numeric.year, month, day);
  }

  const dayMonthYear = DAY_MONTH_YEAR.exec(text);
  if (dayMonthYear !== null) {
    const month = MONTHS[(dayMonthYear[2] ?? '').toLowerCase()];

    return month === undefined
      ? undefined
      : formatDate(Number(dayMonthYear[3]), month, Number(dayMonthYear[1]));
  }

  const monthDayYear = MONTH_DAY_YEAR.exec(text);
  if (monthDayYear !== null) {
    const month = MONTHS[(monthDayYear[1] ?? '').toLowerCase()];

    return month === undefined
      ? undefined
      : formatDate(Number(monthDayYear[3]), month, Number(monthDayYear[2]));
  }

  return undefined;
}

/** Returns true when the text is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);

  if (match === null) {
    return false;
  }

  return formatDate(Number(match[1]), Number(match[2]), Number(match[3])) === value;
}

/** Today's date in UTC as YYYY-MM-DD. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Two-digit years are read as 2000 to 2099, since completions are recent. */
function expandYear(digits: string): number {
  const year = Number(digits);

  return digits.length === 2 ? 2000 + year : year;
}

function formatDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  const isRealDate =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!isRealDate || year < 1000) {
    return undefined;
  }

  const paddedMonth = String(month).padStart(2, '0');
  const paddedDay = String(day).padStart(2, '0');

  return `${year}-${paddedMonth}-${paddedDay}`;
}

/**
 * Decides whether the numeric dates of one file put the day or the month
 * first. A first number above 12 proves day-first and a second number above
 * 12 proves month-first. With no proof either way, or proof both ways, the
 * result is day-first, the order of Moodle's default English language pack.
 */
export function detectDayMonthOrder(values: Iterable<string>): DayMonthOrder {
  let dayFirstSeen = false;
  let monthFirstSeen = false;
  for (const value of values) {
    const parts = splitNumericDate(value);
    if (parts === undefined) {
      continue;
    }
    dayFirstSeen ||= parts.first > 12;
    monthFirstSeen ||= parts.second > 12;
  }

  return monthFirstSeen && !dayFirstSeen ? 'month-first' : 'day-first';
}
