import { describe, expect, it } from 'vitest';

import { LmsFileError, parseCompletions } from '../../src/lms/index.js';
import { todayUtc } from '../../src/lms/dates.js';

const COURSE = { courseId: 'course-v1:Acredita+DS101+2026', courseName: 'Ciencia de datos' };

const MOODLE_HEADER = [
  'ID',
  'Name',
  'Email address',
  'Quiz 1',
  'Quiz 1 - Completion date',
  'Course complete',
].join(',');

const EDX_HEADER = [
  'Student ID',
  'Email',
  'Username',
  'Grade',
  'Homework 1: Intro',
  'Homework (Avg)',
  'Enrollment Track',
  'Verification Status',
  'Certificate Eligible',
  'Certificate Delivered',
  'Certificate Type',
  'Enrollment Status',
].join(',');

describe('parseCompletions with a Moodle report', () => {
  it('maps a completed learner', () => {
    const text = `${MOODLE_HEADER}\n7,Ana Muñoz,ana@example.org,Completed,"28/11/26, 09:00","30/11/26, 10:15"\n`;

    const result = parseCompletions(text, COURSE);

    expect(result.format).toBe('moodle-completion');
    expect(result.rows).toEqual([
      {
        row: 2,
        item: {
          email: 'ana@example.org',
          courseId: COURSE.courseId,
          courseName: COURSE.courseName,
          completedAt: '2026-11-30',
        },
      },
    ]);
  });

  it('skips learners without completion date', () => {
    const text = `${MOODLE_HEADER}\n8,Bo Li,bo@example.org,Not completed,,\n`;

    const result = parseCompletions(text, COURSE);

    expect(result.rows).toEqual([]);
    expect(result.skipped).toEqual([{ row: 2, reason: 'not completed: column "Course complete" is empty' }]);
  });

  it('reads month-first dates of a US export', () => {
    const text = `${MOODLE_HEADER}\n1,A,a@example.org,,,"11/30/26, 10:15"\n2,B,b@example.org,,,"11/05/26, 10:15"\n`;

    const result = parseCompletions(text, COURSE);

    const dates = result.rows.map((row) => row.item?.completedAt);
    expect(dates).toEqual(['2026-11-30', '2026-11-05']);
  });

  it.each([
    { label: 'long English', value: '30 November 2026, 10:15 AM' },
    { label: 'ISO', value: '2026-11-30' },
    { label: 'ISO date-time', value: '2026-11-30T10:15:00+01:00' },
  ])('reads $label dates', ({ value }) => {
    const text = `${MOODLE_HEADER}\n1,A,a@example.org,,,"${value}"\n`;

    const result = parseCompletions(text, COURSE);

    expect(result.rows[0]?.item?.completedAt).toBe('2026-11-30');
  });

  it('rejects an unreadable date', () => {
    const text = `${MOODLE_HEADER}\n1,A,a@example.org,,,Yes\n`;

    const result = parseCompletions(text, COURSE);

    expect(result.rows).toEqual([
      {
        row: 2,
        error:
          'column "Course complete" is not a date in a supported form: "Yes" ' +
          '(expected for example 30/11/26, 10:15, 30 November 2026 or 2026-11-30)',
      },
    ]);
  });

  it('rejects an empty email', () => {
    const text = `${MOODLE_HEADER}\n1,A,,,,"30/11/26, 10:15"\n`;

    const result = parseCompletions(text, COURSE);

    expect(result.rows).toEqual([{ row: 2, error: 'column "Email address" is empty' }]);
  });

  it('reads the semicolon Excel form', () => {
    const text =
      '\uFEFFID;Name;Email address;Assignment: essay;Course complete\r\n' +
      '1;"Muñoz; Ana\r\nMaría";ana@example.org;"Done; late";"30/11/26, 10:15"\r\n' +
      '2;王小明;wang@example.org;;\r\n' +
      '3;Ελένη;eleni@example.org;Done;"1/12/26, 08:00"\r\n';

    const result = parseCompletions(text, COURSE);

    expect(result.rows.map((row) => [row.row, row.item?.email, row.item?.completedAt])).toEqual([
      [2, 'ana@example.org', '2026-11-30'],
      [5, 'eleni@example.org', '2026-12-01'],
    ]);
    expect(result.skipped).toEqual([{ row: 4, reason: 'not completed: column "Course complete" is empty' }]);
  });

  it('ignores the completedAt option', () => {
    const text = `${MOODLE_HEADER}\n1,A,a@example.org,,,"30/11/26, 10:15"\n`;

    const result = parseCompletions(text, { ...COURSE, completedAt: '2026-01-01' });

    expect(result.rows[0]?.item?.completedAt).toBe('2026-11-30');
  });

  it('rejects a report without emails', () => {
    const parse = (): unknown => parseCompletions('ID,Name,Course complete\n1,Ana,30/11/26\n', COURSE);

    expect(parse).toThrow(LmsFileError);
    expect(parse).toThrow(/no "Email address" column; add email to the user identity fields/);
  });
});

describe('parseCompletions with an Open edX report', () => {
  const line = (fields: { email: string; grade: string; eligible: string }): string =>
    `11,${fields.email},user11,${fields.grade},0.9,0.9,verified,approved,${fields.eligible},N,N/A,enrolled`;

  it('maps an eligible learner', () => {
    const text = `${EDX_HEADER}\n${line({ email: 'ana@example.org', grade: '0.875', eligible: 'Y' })}\n`;

    const result = parseCompletions(text, { ...COURSE, completedAt: '2026-11-30' });

    expect(result.format).toBe('openedx-grades');
    expect(result.rows).toEqual([
      {
        row: 2,
        item: {
          email: 'ana@example.org',
          courseId: COURSE.courseId,
          courseName: COURSE.courseName,
          completedAt: '2026-11-30',
          grade: 87.5,
        },
      },
    ]);
  });

  it('dates certificates today without completedAt', () => {
    const text = `${EDX_HEADER}\n${line({ email: 'ana@example.org', grade: '1', eligible: 'Y' })}\n`;

    const result = parseCompletions(text, COURSE);

    expect(result.rows[0]?.item?.completedAt).toBe(todayUtc());
  });

  it.each([
    { label: 'Y', eligible: 'Y' },
    { label: 'yes', eligible: 'yes' },
    { label: 'True', eligible: 'True' },
  ])('accepts eligible $label', ({ eligible }) => {
    const text = `${EDX_HEADER}\n${line({ email: 'ana@example.org', grade: '0.5', eligible })}\n`;

    const result = parseCompletions(text, COURSE);

    expect(result.rows[0]?.item?.email).toBe('ana@example.org');
  });

  it.each([
    { label: 'N', eligible: 'N', shown: '"N"' },
    { label: 'False', eligible: 'False', shown: '"False"' },
    { label: 'empty', eligible: '', shown: 'empty' },
  ])('skips not eligible $label', ({ eligible, shown }) => {
    const text = `${EDX_HEADER}\n${line({ email: 'bo@example.org', grade: '0.2', eligible })}\n`;

    const result = parseCompletions(text, COURSE);

    expect(result.rows).toEqual([]);
    expect(result.skipped).toEqual([
      { row: 2, reason: `not eligible for a certificate: column "Certificate Eligible" is ${shown}` },
    ]);
  });

  it.each([
    { label: 'rounds to 2 decimals', grade: '0.87654', expected: 87.65 },
    { label: 'zero', grade: '0', expected: 0 },
    { label: 'one', grade: '1.0', expected: 100 },
    { label: 'leading dot', grade: '.5', expected: 50 },
  ])('converts grade $label', ({ grade, expected }) => {
    const text = `${EDX_HEADER}\n${line({ email: 'ana@example.org', grade, eligible: 'Y' })}\n`;

    const result = parseCompletions(text, COURSE);

    expect(result.rows[0]?.item?.grade).toBe(expected);
  });

  it('omits an empty grade', () => {
    const text = `${EDX_HEADER}\n${line({ email: 'ana@example.org', grade: '', eligible: 'Y' })}\n`;

    const result = parseCompletions(text, COURSE);

    expect(result.rows[0]?.item).not.toHaveProperty('grade');
  });

  it.each([
    { label: 'above 1', grade: '87.5' },
    { label: 'negative', grade: '-0.1' },
    { label: 'text', grade: 'Not Attempted' },
    { label: 'hexadecimal', grade: '0x1' },
  ])('rejects grade $label', ({ grade }) => {
    const text = `${EDX_HEADER}\n${line({ email: 'ana@example.org', grade, eligible: 'Y' })}\n`;

    const result = parseCompletions(text, COURSE);

    expect(result.rows).toEqual([
      { row: 2, error: `column "Grade" is not a fraction from 0 to 1: "${grade}"` },
    ]);
  });

  it('rejects an unknown eligibility', () => {
    const text = `${EDX_HEADER}\n${line({ email: 'ana@example.org', grade: '0.5', eligible: 'maybe' })}\n`;

    const result = parseCompletions(text, COURSE);

    expect(result.rows).toEqual([{ row: 2, error: 'column "Certificate Eligible" is not Y or N: "maybe"' }]);
  });

  it('rejects an invalid email', () => {
    const text = `${EDX_HEADER}\n${line({ email: 'ana@', grade: '0.5', eligible: 'Y' })}\n`;

    const result = parseCompletions(text, COURSE);

    expect(result.rows[0]?.error).toMatch(/^column "Email" is not a valid email address/);
  });

  it('accepts cohort and team columns', () => {
    const header = EDX_HEADER.replace('Enrollment Track', 'Cohort Name,Experiment Group (A/B),Team Name,Enrollment Track');
    const text = `${header}\n11,ana@example.org,ana,0.9,0.9,0.9,Blue,A,Team 1,verified,approved,Y,Y,verified,enrolled\n`;

    const result = parseCompletions(text, COURSE);

    expect(result.rows[0]?.item?.grade).toBe(90);
  });
});

describe('parseCompletions', () => {
  it('rejects an unknown header', () => {
    const parse = (): unknown => parseCompletions('learner;finished\nAna;yes\n', COURSE);

    expect(parse).toThrow(LmsFileError);
    expect(parse).toThrow(/header is not recognised: "learner,finished"/);
    expect(parse).toThrow(/Course complete/);
    expect(parse).toThrow(/Certificate Eligible/);
  });

  it('rejects a list of users', () => {
    const parse = (): unknown => parseCompletions('username,firstname,lastname,email\nana,Ana,M,ana@example.org\n', COURSE);

    expect(parse).toThrow(/import it as registrations/);
  });

  it('rejects an invalid completedAt option', () => {
    const parse = (): unknown => parseCompletions(`${EDX_HEADER}\n`, { ...COURSE, completedAt: '30/11/2026' });

    expect(parse).toThrow(RangeError);
  });
});
