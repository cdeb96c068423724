import { beforeAll, describe, expect, it } from 'vitest';

import {
  issuanceRequest,
  registrationRequest,
  type RequestOptions,
} from '../support/http.js';
import { useTestStack } from '../support/setup.js';

const ctx = useTestStack();
let registeredEmail: string;

beforeAll(async () => {
  const learner = registrationRequest();
  await ctx.api.post('/registros', learner);
  registeredEmail = learner.email;
});

interface BadInput {
  readonly label: string;
  readonly method: string;
  readonly path: string;
  /** Request options, or a function of the registered learner's email. */
  readonly options: RequestOptions | ((email: string) => RequestOptions);
  readonly status: number;
  /** Field that the problem must name, when the failure is about one field. */
  readonly field?: string;
}

const json = (body: unknown, issuerKey = false): RequestOptions => ({ json: body, issuerKey });
const register = (overrides: Record<string, unknown>) => json(registrationRequest(overrides));
const issue = (overrides: Record<string, unknown>) => (email: string) =>
  json(issuanceRequest({ email, ...overrides }), true);

const cases: BadInput[] = [
  { label: 'malformed JSON', method: 'POST', path: '/registros', options: { rawBody: '{"email":', headers: { 'content-type': 'application/json' } }, status: 400 },
  { label: 'JSON array body', method: 'POST', path: '/registros', options: json([1, 2]), status: 400 },
  { label: 'JSON null body', method: 'POST', path: '/registros', options: { rawBody: 'null', headers: { 'content-type': 'application/json' } }, status: 400 },
  { label: 'empty body with JSON type', method: 'POST', path: '/registros', options: { rawBody: '', headers: { 'content-type': 'application/json' } }, status: 400 },
  { label: 'text/plain content type', method: 'POST', path: '/registros', options: { rawBody: '{}', headers: { 'content-type': 'text/plain' } }, status: 415 },
  { label: 'form content type', method: 'POST', path: '/registros', options: { rawBody: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, status: 415 },
  { label: 'body over 64 KiB', method: 'POST', path: '/registros', options: { rawBody: JSON.stringify({ fullName: 'a'.repeat(70_000) }), headers: { 'content-type': 'application/json' } }, status: 413 },
  { label: 'missing email', method: 'POST', path: '/registros', options: register({ email: undefined }), status: 400, field: 'email' },
  { label: 'email without @', method: 'POST', path: '/registros', options: register({ email: 'ana.example.org' }), status: 400, field: 'email' },
  { label: 'email with two @', method: 'POST', path: '/registros', options: register({ email: 'a@b@example.org' }), status: 400, field: 'email' },
  { label: 'email with space', method: 'POST', path: '/registros', options: register({ email: 'ana maria@example.org' }), status: 400, field: 'email' },
  { label: 'email without domain dot', method: 'POST', path: '/registros', options: register({ email: 'ana@localhost' }), status: 400, field: 'email' },
  { label: 'email over 254 characters', method: 'POST', path: '/registros', options: register({ email: `${'a'.repeat(60)}@${'b'.repeat(200)}.org` }), status: 400, field: 'email' },
  { label: 'email local part over 64', method: 'POST', path: '/registros', options: register({ email: `${'a'.repeat(65)}@example.org` }), status: 400, field: 'email' },
  { label: 'email as number', method: 'POST', path: '/registros', options: register({ email: 42 }), status: 400, field: 'email' },
  { label: 'empty full name', method: 'POST', path: '/registros', options: register({ fullName: '   ' }), status: 400, field: 'fullName' },
  { label: 'full name over 200', method: 'POST', path: '/registros', options: register({ fullName: 'ñ'.repeat(201) }), status: 400, field: 'fullName' },
  { label: 'full name with NUL', method: 'POST', path: '/registros', options: register({ fullName: 'Ana\u0000Muñoz' }), status: 400, field: 'fullName' },
  { label: 'full name with line break', method: 'POST', path: '/registros', options: register({ fullName: 'Ana\nMuñoz' }), status: 400, field: 'fullName' },
  { label: 'full name with bidi override', method: 'POST', path: '/registros', options: register({ fullName: 'Ana\u202eMuñoz' }), status: 400, field: 'fullName' },
  { label: 'full name with lone surrogate', method: 'POST', path: '/registros', options: { rawBody: JSON.stringify(registrationRequest()).replace('María', '\\ud800María'), headers: { 'content-type': 'application/json' } }, status: 400, field: 'fullName' },
  { label: 'unknown account type', method: 'POST', path: '/registros', options: register({ accountType: 'admin' }), status: 400, field: 'accountType' },
  { label: 'account type in capitals', method: 'POST', path: '/registros', options: register({ accountType: 'STUDENT' }), status: 400, field: 'accountType' },
  { label: 'invalid language', method: 'POST', path: '/registros', options: register({ language: 'español' }), status: 400, field: 'language' },
  { label: 'terms not accepted', method: 'POST', path: '/registros', options: register({ acceptTerms: false }), status: 400, field: 'acceptTerms' },
  { label: 'terms as string', method: 'POST', path: '/registros', options: register({ acceptTerms: 'true' }), status: 400, field: 'acceptTerms' },
  { label: 'extra field', method: 'POST', path: '/registros', options: register({ role: 'admin' }), status: 400, field: 'role' },
  { label: 'prototype pollution key', method: 'POST', path: '/registros', options: { rawBody: JSON.stringify(registrationRequest()).replace('{', '{"__proto__":{"x":1},'), headers: { 'content-type': 'application/json' } }, status: 400 },
  { label: 'bad Idempotency-Key', method: 'POST', path: '/registros', options: { ...register({}), headers: { 'idempotency-key': 'has spaces in it' } }, status: 400, field: 'Idempotency-Key' },
  { label: 'batch not an array', method: 'POST', path: '/registros/lote', options: json({ items: 'x' }, true), status: 400, field: 'items' },
  { label: 'empty batch', method: 'POST', path: '/registros/lote', options: json({ items: [] }, true), status: 400, field: 'items' },
  { label: 'issuance without user', method: 'POST', path: '/certificados', options: json(issuanceRequest(), true), status: 400, field: 'userId' },
  { label: 'issuance with both user id and email', method: 'POST', path: '/certificados', options: (email) => json(issuanceRequest({ email, userId: '00000000-0000-5000-8000-000000000000' }), true), status: 400, field: 'userId' },
  { label: 'malformed user id', method: 'POST', path: '/certificados', options: json(issuanceRequest({ userId: '123' }), true), status: 400, field: 'userId' },
  { label: 'unregistered email', method: 'POST', path: '/certificados', options: json(issuanceRequest({ email: 'nadie@example.org' }), true), status: 422 },
  { label: 'unregistered user id', method: 'POST', path: '/certificados', options: json(issuanceRequest({ userId: '00000000-0000-5000-8000-000000000000' }), true), status: 422 },
  { label: 'course id with spaces', method: 'POST', path: '/certificados', options: issue({ courseId: 'DS 101' }), status: 400, field: 'courseId' },
  { label: 'course id over 128', method: 'POST', path: '/certificados', options: issue({ courseId: 'C'.repeat(129) }), status: 400, field: 'courseId' },
  { label: 'missing course name', method: 'POST', path: '/certificados', options: issue({ courseName: undefined }), status: 400, field: 'courseName' },
  { label: 'completion date not a date', method: 'POST', path: '/certificados', options: issue({ completedAt: 'yesterday' }), status: 400, field: 'completedAt' },
  { label: 'completion on 31 February', method: 'POST', path: '/certificados', options: issue({ completedAt: '2026-02-31' }), status: 400, field: 'completedAt' },
  { label: 'completion in the future', method: 'POST', path: '/certificados', options: issue({ completedAt: '2999-01-01' }), status: 400, field: 'completedAt' },
  { label: 'grade over 100', method: 'POST', path: '/certificados', options: issue({ grade: 100.5 }), status: 400, field: 'grade' },
  { label: 'grade as string', method: 'POST', path: '/certificados', options: issue({ grade: '90' }), status: 400, field: 'grade' },
  { label: 'issuance without issuer key', method: 'POST', path: '/certificados', options: (email) => json(issuanceRequest({ email })), status: 401 },
  { label: 'revocation to ISSUED', method: 'PATCH', path: '/certificados/ACR-0000-0000-0000-0000', options: json({ status: 'ISSUED', reason: 'x' }, true), status: 400, field: 'status' },
  { label: 'revocation without reason', method: 'PATCH', path: '/certificados/ACR-0000-0000-0000-0000', options: json({ status: 'REVOKED' }, true), status: 400, field: 'reason' },
  { label: 'revocation reason over 500', method: 'PATCH', path: '/certificados/ACR-0000-0000-0000-0000', options: json({ status: 'REVOKED', reason: 'x'.repeat(501) }, true), status: 400, field: 'reason' },
  { label: 'limit of zero', method: 'GET', path: '/registros?accountType=student&limit=0', options: { issuerKey: true }, status: 400, field: 'limit' },
  { label: 'limit over 100', method: 'GET', path: '/registros?accountType=student&limit=101', options: { issuerKey: true }, status: 400, field: 'limit' },
  { label: 'cursor not base64 JSON', method: 'GET', path: '/certificados?status=ISSUED&cursor=%%%', options: { issuerKey: true }, status: 400 },
  { label: 'list without filter', method: 'GET', path: '/certificados', options: { issuerKey: true }, status: 400, field: 'userId' },
  { label: 'unknown query parameter', method: 'GET', path: '/registros?accountType=student&sort=asc', options: { issuerKey: true }, status: 400, field: 'sort' },
  { label: 'unknown route', method: 'GET', path: '/registros/123/x', options: {}, status: 404 },
  { label: 'body not valid UTF-8', method: 'POST', path: '/registros', options: { rawBody: Buffer.concat([Buffer.from('{"email":"a@example.org","fullName":"'), Buffer.from([0xff, 0xfe]), Buffer.from('","accountType":"student","language":"es","acceptTerms":true}')]), headers: { 'content-type': 'application/json' } }, status: 400 },
  { label: 'Latin-1 charset', method: 'POST', path: '/registros', options: { rawBody: JSON.stringify(registrationRequest()), headers: { 'content-type': 'application/json; charset=latin1' } }, status: 415 },
  { label: 'zero-width full name', method: 'POST', path: '/registros', options: register({ fullName: '\u200b\u00ad' }), status: 400, field: 'fullName' },
  { label: 'braille blank full name', method: 'POST', path: '/registros', options: register({ fullName: '\u2800\u2800' }), status: 400, field: 'fullName' },
  { label: 'zero-width space inside a name', method: 'POST', path: '/registros', options: register({ fullName: 'Ana\u200bMaría' }), status: 400, field: 'fullName' },
  { label: 'Hangul filler full name', method: 'POST', path: '/registros', options: register({ fullName: '\u3164' }), status: 400, field: 'fullName' },
  { label: 'invisible course name', method: 'POST', path: '/certificados', options: issue({ courseName: '\u200b' }), status: 400, field: 'courseName' },
  { label: 'PUT on registrations', method: 'PUT', path: '/registros', options: register({}), status: 405 },
  { label: 'DELETE on a certificate', method: 'DELETE', path: '/certificados/ACR-0000-0000-0000-0000', options: { issuerKey: true }, status: 405 },
  { label: 'repeated limit', method: 'GET', path: '/registros?accountType=student&limit=1&limit=2', options: { issuerKey: true }, status: 400, field: 'limit' },
  { label: 'cursor of another partition', method: 'GET', path: `/registros?accountType=student&cursor=${Buffer.from(JSON.stringify({ userId: 'u', email: 'e', accountType: 'instructor', createdAt: 'c' })).toString('base64url')}`, options: { issuerKey: true }, status: 400, field: 'cursor' },
  { label: 'certificate code over 64', method: 'GET', path: `/certificados/${'A'.repeat(65)}`, options: {}, status: 400, field: 'certificateId' },
];

describe('bad input', () => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('$label answers $status', async ({ method, path, options, status, field }) => {
    const resolved = typeof options === 'function' ? options(registeredEmail) : options;

    const response = await ctx.api.request(method, path, resolved);

    expect(response.status).toBe(status);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body.status).toBe(status);
    expect(response.body.detail).toEqual(expect.any(String));
    if (status === 405) {
      expect(response.headers.get('allow')).toMatch(/^(GET|POST|PATCH)/);
    }
    if (field) {
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
  });

  it('leaves no registration behind for rejected input', async () => {
    const response = await ctx.api.get('/registros?email=ana.example.org', { issuerKey: true });

    expect(response.status).toBe(400);
    const list = await ctx.api.get('/registros?accountType=student&limit=100', { issuerKey: true });
    expect(list.body.items).toHaveLength(1);
  });
});
