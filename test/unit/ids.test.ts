import { describe, expect, it } from 'vitest';

import { parseCompletionDate } from '../../src/certificates/schemas.js';
import { decodeCursor, encodeCursor } from '../../src/shared/cursor.js';
import { ValidationError } from '../../src/shared/errors.js';
import {
  CERTIFICATE_ID_PATTERN,
  USER_ID_PATTERN,
  issuanceClaimKey,
  newCertificateId,
  normalizeCertificateId,
  userIdForEmail,
} from '../../src/shared/ids.js';

describe('userIdForEmail', () => {
  it('derives a version 5 UUID', () => {
    expect(userIdForEmail('ana@example.org')).toMatch(USER_ID_PATTERN);
  });

  it('is stable for one email', () => {
    expect(userIdForEmail('ana@example.org')).toBe(userIdForEmail('ana@example.org'));
  });

  it('differs between emails', () => {
    expect(userIdForEmail('ana@example.org')).not.toBe(userIdForEmail('ana@example.com'));
  });

  it('matches the RFC 9562 construction', () => {
    // Expected value computed with Python's uuid.uuid5 and the same namespace.
    expect(userIdForEmail('ana@example.org')).toBe('5c8729b6-cff5-5ed2-ba4f-0272d9b35946');
  });
});

describe('newCertificateId', () => {
  it('has the ACR form', () => {
    expect(newCertificateId()).toMatch(CERTIFICATE_ID_PATTERN);
  });

  it('differs on every call', () => {
    const ids = new Set(Array.from({ length: 1000 }, newCertificateId));

    expect(ids.size).toBe(1000);
  });
});

describe('issuanceClaimKey', () => {
  const userId = userIdForEmail('ana@example.org');

  it('is stable for one user and course', () => {
    expect(issuanceClaimKey(userId, 'DS101')).toBe(issuanceClaimKey(userId, 'DS101'));
  });

  it('ignores the case of the course id', () => {
    expect(issuanceClaimKey(userId, 'ds101')).toBe(issuanceClaimKey(userId, 'DS101'));
  });

  it('differs between courses', () => {
    expect(issuanceClaimKey(userId, 'DS101')).not.toBe(issuanceClaimKey(userId, 'DS102'));
  });

  it('never has the form of a certificate id', () => {
    expect(issuanceClaimKey(userId, 'DS101')).not.toMatch(CERTIFICATE_ID_PATTERN);
  });
});

describe('normalizeCertificateId', () => {
  it.each([
    ['lower case', 'acr-7k3m-9qpx-2hdw-tn5r', 'ACR-7K3M-9QPX-2HDW-TN5R'],
    ['no dashes', 'ACR7K3M9QPX2HDWTN5R', 'ACR-7K3M-9QPX-2HDW-TN5R'],
    ['no prefix', '7K3M9QPX2HDWTN5R', 'ACR-7K3M-9QPX-2HDW-TN5R'],
    ['look-alike letters', 'ACR-7K3M-9QPX-2HDW-TNSO', 'ACR-7K3M-9QPX-2HDW-TNS0'],
    ['I and L as one', 'ACR-IL00-0000-0000-0000', 'ACR-1100-0000-0000-0000'],
    ['spaces', 'ACR D7SE 9YD4 XSCV MY0N', 'ACR-D7SE-9YD4-XSCV-MY0N'],
    ['en dashes', 'ACR\u2013D7SE\u20139YD4\u2013XSCV\u2013MY0N', 'ACR-D7SE-9YD4-XSCV-MY0N'],
    ['full-width letters', '\uFF21\uFF23\uFF32-D7SE-9YD4-XSCV-MY0N', 'ACR-D7SE-9YD4-XSCV-MY0N'],
    ['a verification URL', 'https://cursos.example.org/verificar/ACR-D7SE-9YD4-XSCV-MY0N', 'ACR-D7SE-9YD4-XSCV-MY0N'],
  ])('handles %s', (_label, input, expected) => {
    expect(normalizeCertificateId(input)).toBe(expected);
  });
});

describe('parseCompletionDate', () => {
  it('keeps a calendar date', () => {
    expect(parseCompletionDate('2026-02-28')).toEqual({ value: '2026-02-28' });
  });

  it('converts a date-time to UTC', () => {
    expect(parseCompletionDate('2026-02-28T23:30:00+01:00').value).toBe(
      '2026-02-28T22:30:00.000Z',
    );
  });

  it.each([
    ['impossible day', '2026-02-30'],
    ['month 13', '2026-13-01'],
    ['no time zone', '2026-02-28T10:00:00'],
    ['slashes', '28/02/2026'],
    ['far future', '2999-01-01'],
    ['before 1900', '1899-12-31'],
  ])('rejects %s', (_label, input) => {
    expect(parseCompletionDate(input).error).toEqual(expect.any(String));
  });
});

describe('cursor', () => {
  const attributes = ['userId', 'email'];

  it('round-trips a key', () => {
    const key = { userId: 'u1', email: 'a@example.org' };

    expect(decodeCursor(encodeCursor(key)!, attributes)).toEqual(key);
  });

  it('encodes the last page as null', () => {
    expect(encodeCursor(undefined)).toBeNull();
  });

  it.each([
    ['not base64 JSON', '%%%'],
    ['an array', Buffer.from('[1]').toString('base64url')],
    ['missing attribute', Buffer.from('{"userId":"u"}').toString('base64url')],
    ['extra attribute', Buffer.from('{"userId":"u","email":"e","x":"y"}').toString('base64url')],
    ['number value', Buffer.from('{"userId":1,"email":"e"}').toString('base64url')],
  ])('rejects %s', (_label, cursor) => {
    expect(() => decodeCursor(cursor, attributes)).toThrow(ValidationError);
  });
});
