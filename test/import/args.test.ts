import { describe, expect, it } from 'vitest';

import { UsageError, parseImportArgs } from '../../src/cli/args.js';

const TODAY = '2026-12-04';

describe('parseImportArgs', () => {
  it('reads a registrations import', () => {
    const command = parseImportArgs(['registrations', 'users.csv'], TODAY);

    expect(command).toEqual({ kind: 'registrations', file: 'users.csv', listSkipped: false });
  });

  it('reads a completions import', () => {
    const argv = [
      'completions',
      'grades.csv',
      '--course-id',
      'course-v1:Acredita+DS101+2026',
      '--course-name',
      'Ciencia de datos',
      '--completed-at',
      '2026-11-30',
      '--list-skipped',
    ];

    const command = parseImportArgs(argv, TODAY);

    expect(command).toEqual({
      kind: 'completions',
      file: 'grades.csv',
      listSkipped: true,
      course: {
        courseId: 'course-v1:Acredita+DS101+2026',
        courseName: 'Ciencia de datos',
        completedAt: '2026-11-30',
      },
    });
  });

  it.each([['--help'], ['-h'], ['registrations', '--help']])('reads help from %s', (...argv) => {
    expect(parseImportArgs(argv, TODAY)).toEqual({ kind: 'help' });
  });

  const course = ['--course-id', 'DS101', '--course-name', 'Datos'];

  it.each([
    {
      label: 'no kind',
      argv: [],
      message: /unknown import kind none/,
    },
    {
      label: 'unknown kind',
      argv: ['users', 'a.csv'],
      message: /unknown import kind "users"/,
    },
    {
      label: 'no file',
      argv: ['registrations'],
      message: /missing FILE/,
    },
    {
      label: 'two files',
      argv: ['registrations', 'a.csv', 'b.csv'],
      message: /unexpected argument "b.csv"/,
    },
    {
      label: 'unknown option',
      argv: ['registrations', 'a.csv', '--force'],
      message: /--force/,
    },
    {
      label: 'course on users',
      argv: ['registrations', 'a.csv', ...course],
      message: /--course-id applies to completions only/,
    },
    {
      label: 'no course id',
      argv: ['completions', 'a.csv', '--course-name', 'Datos'],
      message: /missing --course-id/,
    },
    {
      label: 'bad course id',
      argv: ['completions', 'a.csv', '--course-id', 'DS 101', '--course-name', 'D'],
      message: /invalid --course-id "DS 101"/,
    },
    {
      label: 'leading dot in course id',
      argv: ['completions', 'a.csv', '--course-id', '.BULK', '--course-name', 'D'],
      message: /invalid --course-id "\.BULK".*starting with a letter or digit/,
    },
    {
      label: 'leading hyphen in course id',
      argv: ['completions', 'a.csv', '--course-id=-BULK', '--course-name', 'D'],
      message: /invalid --course-id "-BULK"/,
    },
    {
      label: 'no course name',
      argv: ['completions', 'a.csv', '--course-id', 'DS101'],
      message: /missing --course-name/,
    },
    {
      label: 'control in name',
      argv: ['completions', 'a.csv', '--course-id', 'DS101', '--course-name', 'A\u0007B'],
      message: /invalid --course-name/,
    },
    {
      label: 'bidirectional override in name',
      argv: ['completions', 'a.csv', '--course-id', 'DS101', '--course-name', 'A\u202eB'],
      message: /invalid --course-name/,
    },
    {
      label: 'invisible name',
      argv: ['completions', 'a.csv', '--course-id', 'DS101', '--course-name', '\u200b'],
      message: /invalid --course-name/,
    },
    {
      label: 'bad date',
      argv: ['completions', 'a.csv', ...course, '--completed-at', '30/11/2026'],
      message: /invalid --completed-at "30\/11\/2026"/,
    },
    {
      label: 'future date',
      argv: ['completions', 'a.csv', ...course, '--completed-at', '2026-12-05'],
      message: /after today \(2026-12-04 UTC\)/,
    },
  ])('rejects $label', ({ argv, message }) => {
    const parse = (): unknown => parseImportArgs(argv, TODAY);

    expect(parse).toThrow(UsageError);
    expect(parse).toThrow(message);
  });
});
