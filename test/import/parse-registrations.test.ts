import { describe, expect, it } from 'vitest';

import { LmsFileError, parseRegistrations } from '../../src/lms/index.js';

const HEADER = 'username,firstname,lastname,email';

describe('parseRegistrations', () => {
  it('maps a Moodle user', () => {
    const text = `${HEADER},lang\nana.munoz,Ana,Muñoz,ana@example.org,es\n`;

    const result = parseRegistrations(text);

    expect(result.format).toBe('moodle-users');
    expect(result.skipped).toEqual([]);
    expect(result.rows).toEqual([
      {
        row: 2,
        item: { email: 'ana@example.org', fullName: 'Ana Muñoz', accountType: 'student', language: 'es' },
      },
    ]);
  });

  it('keeps exact Unicode in names', () => {
    const names = [
      ['王', '小明'],
      ['فاطمة', 'الزهراء'],
      ['Αλέξανδρος', 'Παπαδόπουλος'],
      ['Дмитрий', 'Иванов'],
      // "e" followed by a combining acute accent, which NFC would merge.
      ['Rene\u0301', 'Ñandú'],
    ];
    const lines = names.map(([first, last], index) => `u${index},${first},${last},u${index}@example.org`);
    const text = [HEADER, ...lines].join('\n');

    const result = parseRegistrations(text);

    const fullNames = result.rows.map((row) => row.item?.fullName);
    expect(fullNames).toEqual(names.map(([first, last]) => `${first} ${last}`));
  });

  it('trims names and joins them with one space', () => {
    const text = `${HEADER}\nu1,  Ana  ,,ana@example.org\nu2,,Li,li@example.org\n`;

    const result = parseRegistrations(text);

    expect(result.rows[0]?.item?.fullName).toBe('Ana');
    expect(result.rows[1]?.item?.fullName).toBe('Li');
  });

  it.each([
    { label: 'empty', lang: '', expected: 'es' },
    { label: 'plain', lang: 'en', expected: 'en' },
    { label: 'pt_br', lang: 'pt_br', expected: 'pt-BR' },
    { label: 'es_mx', lang: 'es_mx', expected: 'es-MX' },
    { label: 'zh_cn', lang: 'zh_cn', expected: 'zh-CN' },
  ])('converts lang $label', ({ lang, expected }) => {
    const text = `${HEADER},lang\nu1,Ana,Muñoz,ana@example.org,${lang}\n`;

    const result = parseRegistrations(text);

    expect(result.rows[0]?.item?.language).toBe(expected);
  });

  it('defaults language without a lang column', () => {
    const result = parseRegistrations(`${HEADER}\nu1,Ana,Muñoz,ana@example.org\n`);

    expect(result.rows[0]?.item?.language).toBe('es');
  });

  it('rejects a malformed lang', () => {
    const result = parseRegistrations(`${HEADER},lang\nu1,Ana,Muñoz,ana@example.org,e_\n`);

    expect(result.rows[0]?.error).toBe('column "lang" is not a language code such as es, en or pt_br: "e_"');
  });

  it.each([
    { label: 'editingteacher', roles: ['student', 'editingteacher'], expected: 'instructor' },
    { label: 'teacher', roles: ['teacher', ''], expected: 'instructor' },
    { label: 'upper case', roles: ['EditingTeacher', ''], expected: 'instructor' },
    { label: 'student', roles: ['student', ''], expected: 'student' },
    { label: 'manager', roles: ['manager', ''], expected: 'student' },
    { label: 'no role', roles: ['', ''], expected: 'student' },
  ])('maps roles $label', ({ roles, expected }) => {
    const text = `${HEADER},course1,role1,course2,role2\nu1,Ana,Muñoz,ana@example.org,DS101,${roles[0]},DS102,${roles[1]}\n`;

    const result = parseRegistrations(text);

    expect(result.rows[0]?.item?.accountType).toBe(expected);
  });

  it('ignores other Moodle columns', () => {
    const header = 'username,password,firstname,lastname,email,auth,idnumber,institution,department,city,country,profile_field_team,cohort1';
    const text = `${header}\nana,Secret#1,Ana,Muñoz,ana@example.org,manual,A-1,Uni,Dept,Lima,PE,Blue,c1\n`;

    const result = parseRegistrations(text);

    expect(result.rows).toEqual([
      {
        row: 2,
        item: { email: 'ana@example.org', fullName: 'Ana Muñoz', accountType: 'student', language: 'es' },
      },
    ]);
  });

  it('accepts header names in any case and order', () => {
    const text = 'Email,LastName,FirstName,Username\nana@example.org,Muñoz,Ana,ana\n';

    const result = parseRegistrations(text);

    expect(result.rows[0]?.item?.fullName).toBe('Ana Muñoz');
  });

  it.each([
    { label: 'empty email', line: 'u1,Ana,Muñoz,', error: 'column "email" is empty' },
    {
      label: 'email without @',
      line: 'u1,Ana,Muñoz,ana.example.org',
      error: 'column "email" is not a valid email address (expected one "@" with text on both sides)',
    },
    {
      label: 'email with two @',
      line: 'u1,Ana,Muñoz,ana@@example.org',
      error: 'column "email" is not a valid email address (expected one "@" with text on both sides)',
    },
    {
      label: 'email with a space',
      line: 'u1,Ana,Muñoz,ana muñoz@example.org',
      error: 'column "email" is not a valid email address (expected one "@" with text on both sides)',
    },
    { label: 'empty names', line: 'u1,,,ana@example.org', error: 'columns "firstname" and "lastname" are both empty' },
    {
      label: 'extra field',
      line: 'u1,Ana,Muñoz,Pérez,ana@example.org',
      error: 'row has 5 fields but the header has 4; a value containing the separator "," may be missing its quotes',
    },
    { label: 'missing field', line: 'u1,Ana,ana@example.org', error: 'row has 3 fields but the header has 4' },
  ])('rejects $label', ({ line, error }) => {
    const result = parseRegistrations(`${HEADER}\n${line}\n`);

    expect(result.rows).toEqual([{ row: 2, error }]);
  });

  it('rejects a repeated email', () => {
    const text = `${HEADER}\nu1,Ana,Muñoz,ana@example.org\nu2,Ana,M,ANA@example.org\n`;

    const result = parseRegistrations(text);

    expect(result.rows[1]).toEqual({ row: 3, error: 'column "email" repeats the address of row 2' });
  });

  it('numbers rows by file line', () => {
    const text = [
      HEADER,
      'u1,Ana,Muñoz,ana@example.org',
      '',
      'u2,"Li',
      'Wei",Chen,li@example.org',
      'u3,Bo,,',
      ',,,',
      'u4,Zoë,Ñúñez,zoe@example.org',
    ].join('\r\n');

    const result = parseRegistrations(text);

    expect(result.rows.map((row) => row.row)).toEqual([2, 4, 6, 8]);
    expect(result.rows[2]?.error).toBe('column "email" is empty');
  });

  it('reads semicolons, quotes and CRLF', () => {
    const text = '\uFEFFusername;firstname;lastname;email\r\n"u1";"Ana; María";"Muñoz ""Anita""";ana@example.org\r\n';

    const result = parseRegistrations(text);

    expect(result.rows).toEqual([
      {
        row: 2,
        item: {
          email: 'ana@example.org',
          fullName: 'Ana; María Muñoz "Anita"',
          accountType: 'student',
          language: 'es',
        },
      },
    ]);
  });

  it('reads tab separators', () => {
    const result = parseRegistrations('username\tfirstname\tlastname\temail\nu1\tAna\tMuñoz\tana@example.org\n');

    expect(result.rows[0]?.item?.email).toBe('ana@example.org');
  });

  it('rejects an unclosed quote', () => {
    const text = `${HEADER}\nu1,"Ana,Muñoz,ana@example.org\nu2,Bo,Li,bo@example.org\n`;

    const result = parseRegistrations(text);

    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]?.row).toBe(2);
    expect(result.rows[0]?.error).toMatch(/quoted field is never closed/);
  });

  it('rejects an unknown header', () => {
    const parse = (): unknown => parseRegistrations('name,mail\nAna,ana@example.org\n');

    expect(parse).toThrow(LmsFileError);
    expect(parse).toThrow(/header is not recognised: "name,mail"/);
    expect(parse).toThrow(/username,firstname,lastname,email/);
  });

  it('rejects a completion report', () => {
    const parse = (): unknown => parseRegistrations('ID,Name,Email address,Course complete\n1,Ana,ana@example.org,\n');

    expect(parse).toThrow(/import it as completions/);
  });

  it.each([
    { label: 'empty file', text: '' },
    { label: 'only a BOM and blank lines', text: '\uFEFF\r\n\r\n' },
  ])('rejects $label', ({ text }) => {
    expect(() => parseRegistrations(text)).toThrow(/file is empty/);
  });

  it('returns no rows for a header only', () => {
    const result = parseRegistrations(`${HEADER}\r\n`);

    expect(result.rows).toEqual([]);
  });
});
