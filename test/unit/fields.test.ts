import { describe, expect, it } from 'vitest';

import { canonicalLanguage, RegistrationRequestSchema } from '../../src/registrations/schemas.js';
import { isValidEmail, normalizeEmail, textField } from '../../src/shared/fields.js';

describe('normalizeEmail', () => {
  it.each([
    ['trims spaces', '  ana@example.org\t', 'ana@example.org'],
    ['lower-cases', 'Ana.Perez@Example.ORG', 'ana.perez@example.org'],
    ['composes accents', 'jose\u0301@example.org', 'jos\u00e9@example.org'],
    ['lower-cases non-Latin', 'ΔΗΜΗΤΡΑ@example.gr', 'δημητρα@example.gr'],
  ])('%s', (_label, input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });
});

describe('isValidEmail', () => {
  it.each([
    'ana@example.org',
    'ana.maria+curso@example.co.uk',
    'josé@ejemplo.es',
    '王@例子.中国',
    "o'neil@example.ie",
    'a@xn--80ak6aa92e.com',
  ])('accepts %s', (email) => {
    expect(isValidEmail(email)).toBe(true);
  });

  it.each([
    ['no at sign', 'ana.example.org'],
    ['two at signs', 'a@b@example.org'],
    ['leading dot', '.ana@example.org'],
    ['double dot', 'ana..maria@example.org'],
    ['no domain dot', 'ana@localhost'],
    ['numeric top-level domain', 'ana@example.123'],
    ['hyphen at label end', 'ana@example-.org'],
    ['space inside', 'ana maria@example.org'],
    ['local part over 64', `${'a'.repeat(65)}@example.org`],
    ['over 254 characters', `a@${'b'.repeat(250)}.org`],
  ])('rejects %s', (_label, email) => {
    expect(isValidEmail(email)).toBe(false);
  });
});

describe('textField', () => {
  const name = textField(10);

  it.each([
    ['zero-width non-joiner in Persian', 'فارس\u200cی'],
    ['Vietnamese stacked accents', 'Nguyễn'],
  ])('accepts %s', (_label, value) => {
    expect(textField(20).safeParse(value).success).toBe(true);
  });

  it('keeps exact Unicode after NFC', () => {
    expect(name.parse(' Nun\u0303ez ')).toBe('Nuñez');
  });

  it('counts the limit after trimming', () => {
    expect(name.safeParse(`  ${'a'.repeat(10)}  `).success).toBe(true);
    expect(name.safeParse('a'.repeat(11)).success).toBe(false);
  });

  it.each([
    ['tab', 'a\tb'],
    ['DEL', 'a\u007fb'],
    ['C1 control', 'a\u0085b'],
    ['right-to-left override', 'a\u202eb'],
    ['line separator', 'a\u2028b'],
    ['zero-width space', 'a\u200bb'],
    ['left-to-right mark', 'a\u200eb'],
    ['tag character', 'a\u{E0041}'],
    ['braille blank alone', '\u2800'],
    ['stack of combining marks', 'x\u0301\u0302\u0303\u0304\u0305'],
  ])('rejects a %s', (_label, value) => {
    expect(name.safeParse(value).success).toBe(false);
  });
});

describe('canonicalLanguage', () => {
  it.each([
    ['es', 'es'],
    ['EN', 'en'],
    ['pt-br', 'pt-BR'],
    ['es_MX', 'es-MX'],
    ['zh-hant-tw', 'zh-Hant-TW'],
  ])('maps %s to %s', (input, expected) => {
    expect(canonicalLanguage(input)).toBe(expected);
  });

  it.each(['', 'español', '12', 'e', 'en--US'])('rejects %j', (input) => {
    expect(canonicalLanguage(input)).toBeUndefined();
  });
});

describe('RegistrationRequestSchema', () => {
  const valid = {
    email: 'Ana@Example.org',
    fullName: 'Ana',
    accountType: 'student',
    language: 'es',
    acceptTerms: true,
  };

  it('returns the normalized email', () => {
    expect(RegistrationRequestSchema.parse(valid).email).toBe('ana@example.org');
  });

  it('reports a missing field as required', () => {
    const { fullName: _omitted, ...rest } = valid;

    const result = RegistrationRequestSchema.safeParse(rest);

    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe('is required');
  });

  it('rejects unknown fields', () => {
    const result = RegistrationRequestSchema.safeParse({ ...valid, isAdmin: true });

    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.code).toBe('unrecognized_keys');
  });
});
