import { describe, expect, it } from 'vitest';

import { detectDayMonthOrder, isIsoDate, todayUtc, toIsoDate } from '../../src/lms/dates.js';

describe('toIsoDate', () => {
  it.each([
    { label: 'ISO date', value: '2026-11-30', expected: '2026-11-30' },
    { label: 'ISO date-time', value: '2026-11-30T10:15:00Z', expected: '2026-11-30' },
    { label: 'Moodle en short', value: '30/11/26, 10:15', expected: '2026-11-30' },
    { label: 'four-digit year', value: '30/11/2026 10:15', expected: '2026-11-30' },
    { label: 'dotted', value: '1.2.2026', expected: '2026-02-01' },
    { label: 'Moodle en long', value: '30 November 2026, 10:15 AM', expected: '2026-11-30' },
    { label: 'weekday and long', value: 'Monday, 30 November 2026, 10:15 PM', expected: '2026-11-30' },
    { label: 'abbreviated month', value: '3 Nov 2026', expected: '2026-11-03' },
    { label: 'US long', value: 'November 30, 2026, 10:15 AM', expected: '2026-11-30' },
    { label: 'padding spaces', value: '  30/11/26  ', expected: '2026-11-30' },
  ])('reads $label', ({ value, expected }) => {
    expect(toIsoDate(value)).toBe(expected);
  });

  it('reads month-first when asked', () => {
    expect(toIsoDate('11/30/26, 10:15', 'month-first')).toBe('2026-11-30');
  });

  it.each([
    { label: 'month 13', value: '01/13/26' },
    { label: 'February 30', value: '30/02/2026' },
    { label: 'unknown month', value: '30 Brumaire 2026' },
    { label: 'words', value: 'Completed' },
    { label: 'ISO out of range', value: '2026-13-01' },
  ])('rejects $label', ({ value }) => {
    expect(toIsoDate(value)).toBeUndefined();
  });
});

describe('detectDayMonthOrder', () => {
  it.each([
    { label: 'day above 12', values: ['05/11/26', '30/11/26'], expected: 'day-first' },
    { label: 'second above 12', values: ['11/05/26', '11/30/26'], expected: 'month-first' },
    { label: 'ambiguous', values: ['05/11/26', ''], expected: 'day-first' },
    { label: 'conflicting', values: ['30/11/26', '11/30/26'], expected: 'day-first' },
    { label: 'no numeric dates', values: ['2026-11-30'], expected: 'day-first' },
  ])('returns $expected for $label', ({ values, expected }) => {
    expect(detectDayMonthOrder(values)).toBe(expected);
  });
});

describe('isIsoDate', () => {
  it('accepts a real date', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
  });

  it('rejects an impossible date', () => {
    expect(isIsoDate('2026-02-30')).toBe(false);
  });

  it('rejects another form', () => {
    expect(isIsoDate('28/02/2026')).toBe(false);
  });
});

describe('todayUtc', () => {
  it('uses the UTC calendar date', () => {
    const lateEvening = new Date('2026-11-30T23:30:00-05:00');

    expect(todayUtc(lateEvening)).toBe('2026-12-01');
  });
});
