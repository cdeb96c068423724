import { describe, expect, it } from 'vitest';

import {
  issuanceRequest,
  registrationRequest,
} from '../support/http.js';
import { useTestStack } from '../support/setup.js';

const ctx = useTestStack();

async function registerLearner(overrides: Record<string, unknown> = {}) {
  const response = await ctx.api.post('/registros', registrationRequest(overrides));
  expect(response.status).toBe(201);

  return response.body as { userId: string; email: string; fullName: string };
}

async function issue(body: Record<string, unknown>) {
  return ctx.api.post('/certificados', issuanceRequest(body), { issuerKey: true });
}

describe('POST /api/certificados', () => {
  it('issues a certificate with the registered full name', async () => {
    const learner = await registerLearner({ fullName: 'Ñusta Quispe محمد' });

    const response = await issue({ email: learner.email });

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      userId: learner.userId,
      holderName: 'Ñusta Quispe محمد',
      courseId: 'course-v1:Acredita+DS101+2026',
      courseName: 'Ciencia de datos',
      completedAt: '2026-11-30',
      grade: 91.5,
      status: 'ISSUED',
    });
    expect(response.body.certificateId).toMatch(/^ACR(-[0-9A-Z]{4}){4}$/);
    expect(response.body.verificationUrl).toBe(
      `${ctx.stack.url}/verificar/${response.body.certificateId}`,
    );
  });

  it('issues by user id', async () => {
    const learner = await registerLearner();

    const response = await issue({ userId: learner.userId });

    expect(response.status).toBe(201);
    expect(response.body.userId).toBe(learner.userId);
  });

  it('returns the existing certificate on a repeat', async () => {
    const learner = await registerLearner();
    const first = await issue({ email: learner.email });

    const repeat = await issue({ userId: learner.userId, grade: 50 });

    expect(repeat.status).toBe(200);
    expect(repeat.body.certificateId).toBe(first.body.certificateId);
    expect(repeat.body.grade).toBe(91.5);
  });

  it('treats course ids in another case as one course', async () => {
    const learner = await registerLearner();
    const first = await issue({ email: learner.email, courseId: 'DS101' });

    const repeat = await issue({ email: learner.email, courseId: 'ds101' });

    expect(repeat.status).toBe(200);
    expect(repeat.body.certificateId).toBe(first.body.certificateId);
  });

  it('rounds the grade to two decimals', async () => {
    const learner = await registerLearner();

    const tiny = await issue({ email: learner.email, courseId: 'T1', grade: 1e-200 });
    const long = await issue({ email: learner.email, courseId: 'T2', grade: 87.456 });

    expect(tiny.status).toBe(201);
    expect(tiny.body.grade).toBe(0);
    expect(long.body.grade).toBe(87.46);
  });

  it('gives unrelated ids to two courses of one learner', async () => {
    const learner = await registerLearner();

    const first = await issue({ email: learner.email, courseId: 'R1' });
    const second = await issue({ email: learner.email, courseId: 'R2' });

    expect(first.body.certificateId).not.toBe(second.body.certificateId);
  });

  it('issues one certificate per course', async () => {
    const learner = await registerLearner();
    const first = await issue({ email: learner.email });

    const other = await issue({ email: learner.email, courseId: 'ML201' });

    expect(other.status).toBe(201);
    expect(other.body.certificateId).not.toBe(first.body.certificateId);
  });

  it('rejects an unregistered email with 422', async () => {
    const response = await issue({ email: 'ghost@example.org' });

    expect(response.status).toBe(422);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body.detail).toMatch(/^email:/);
  });

  it('rejects an unregistered user id with 422', async () => {
    const response = await issue({ userId: '00000000-0000-5000-8000-000000000000' });

    expect(response.status).toBe(422);
    expect(response.body.detail).toMatch(/^userId:/);
  });

  it('stores a date-time completion in UTC', async () => {
    const learner = await registerLearner();

    const response = await issue({
      email: learner.email,
      completedAt: '2026-11-30T18:00:00-05:00',
    });

    expect(response.status).toBe(201);
    expect(response.body.completedAt).toBe('2026-11-30T23:00:00.000Z');
  });
});

describe('POST /api/certificados/lote', () => {
  it('answers each item in order', async () => {
    const learner = await registerLearner();
    const other = await registerLearner();
    await issue({ email: other.email });

    const response = await ctx.api.post(
      '/certificados/lote',
      {
        items: [
          issuanceRequest({ email: learner.email }),
          issuanceRequest({ email: other.email }),
          issuanceRequest({ email: 'ghost@example.org' }),
          issuanceRequest({ email: learner.email, grade: 101, courseId: 'X1' }),
        ],
      },
      { issuerKey: true },
    );

    expect(response.status).toBe(200);
    expect(response.body.items.map((item: { status: number }) => item.status)).toEqual([
      201, 200, 422, 400,
    ]);
    expect(response.body.items[0].certificate.holderName).toBe(learner.fullName);
    expect(response.body.items[3].problem.errors[0].field).toBe('grade');
    expect(response.body.summary).toEqual({ created: 1, existing: 1, rejected: 2 });
  });
});

describe('GET /api/certificados/{certificateId}', () => {
  it('shows the public view without personal data', async () => {
    const learner = await registerLearner();
    const issued = await issue({ email: learner.email });

    const response = await ctx.api.get(`/certificados/${issued.body.certificateId}`);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      certificateId: issued.body.certificateId,
      holderName: learner.fullName,
      courseId: issued.body.courseId,
      courseName: issued.body.courseName,
      completedAt: issued.body.completedAt,
      issuedAt: issued.body.issuedAt,
      status: 'ISSUED',
      verificationUrl: issued.body.verificationUrl,
    });
    expect(JSON.stringify(response.body)).not.toContain(learner.email);
  });

  it('accepts a code typed in lower case without dashes', async () => {
    const learner = await registerLearner();
    const issued = await issue({ email: learner.email });
    const typed = issued.body.certificateId.replaceAll('-', '').toLowerCase();

    const response = await ctx.api.get(`/certificados/${typed}`);

    expect(response.status).toBe(200);
    expect(response.body.certificateId).toBe(issued.body.certificateId);
  });

  it('answers 404 for an unknown code', async () => {
    const response = await ctx.api.get('/certificados/ACR-0000-0000-0000-0000');

    expect(response.status).toBe(404);
    expect(response.contentType).toContain('application/problem+json');
  });

  it('answers 400 for a malformed code', async () => {
    const response = await ctx.api.get('/certificados/not-a-code');

    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('certificateId');
  });
});

describe('PATCH /api/certificados/{certificateId}', () => {
  it('revokes and verification shows the revocation', async () => {
    const learner = await registerLearner();
    const issued = await issue({ email: learner.email });
    const path = `/certificados/${issued.body.certificateId}`;

    const revoked = await ctx.api.patch(
      path,
      { status: 'REVOKED', reason: 'Plagio confirmado <script>' },
      { issuerKey: true },
    );
    const verified = await ctx.api.get(path);

    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('REVOKED');
    expect(verified.body.status).toBe('REVOKED');
    expect(verified.body.revocationReason).toBe('Plagio confirmado <script>');
    expect(Date.parse(verified.body.revokedAt)).not.toBeNaN();
  });

  it('answers 409 when already revoked', async () => {
    const learner = await registerLearner();
    const issued = await issue({ email: learner.email });
    const path = `/certificados/${issued.body.certificateId}`;
    await ctx.api.patch(path, { status: 'REVOKED', reason: 'Error' }, { issuerKey: true });

    const again = await ctx.api.patch(path, { status: 'REVOKED', reason: 'Error' }, { issuerKey: true });

    expect(again.status).toBe(409);
  });

  it('does not issue a revoked certificate again', async () => {
    const learner = await registerLearner();
    const issued = await issue({ email: learner.email });
    await ctx.api.patch(
      `/certificados/${issued.body.certificateId}`,
      { status: 'REVOKED', reason: 'Error' },
      { issuerKey: true },
    );

    const reissue = await issue({ email: learner.email });

    expect(reissue.status).toBe(409);
    expect(reissue.body.certificateId).toBe(issued.body.certificateId);
  });

  it('answers 404 for an unknown certificate', async () => {
    const response = await ctx.api.patch(
      '/certificados/ACR-0000-0000-0000-0000',
      { status: 'REVOKED', reason: 'Error' },
      { issuerKey: true },
    );

    expect(response.status).toBe(404);
  });

  it('requires the issuer key', async () => {
    const response = await ctx.api.patch('/certificados/ACR-0000-0000-0000-0000', {
      status: 'REVOKED',
      reason: 'Error',
    });

    expect(response.status).toBe(401);
  });
});

describe('wrong methods', () => {
  it.each([
    ['OPTIONS', '/certificados/lote', 'POST'],
    ['DELETE', '/certificados/ACR-0000-0000-0000-0000', 'GET, PATCH'],
    ['PUT', '/certificados', 'POST, GET'],
  ])('%s %s allows %s', async (method, path, allow) => {
    const response = await ctx.api.request(method, path, { issuerKey: true });

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(allow);
  });
});

describe('GET /api/certificados', () => {
  it('lists the certificates of a user', async () => {
    const learner = await registerLearner();
    await issue({ email: learner.email, courseId: 'A1' });
    await issue({ email: learner.email, courseId: 'B2' });

    const response = await ctx.api.get(`/certificados?userId=${learner.userId}`, {
      issuerKey: true,
    });

    expect(response.status).toBe(200);
    expect(response.body.items.map((item: { courseId: string }) => item.courseId).sort()).toEqual(
      ['A1', 'B2'],
    );
  });

  it('pages through the revoked certificates', async () => {
    for (let i = 0; i < 3; i += 1) {
      const learner = await registerLearner();
      const issued = await issue({ email: learner.email });
      await ctx.api.patch(
        `/certificados/${issued.body.certificateId}`,
        { status: 'REVOKED', reason: 'Error' },
        { issuerKey: true },
      );
    }

    const first = await ctx.api.get('/certificados?status=REVOKED&limit=2', { issuerKey: true });
    const second = await ctx.api.get(
      `/certificados?status=REVOKED&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      { issuerKey: true },
    );

    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect(second.status).toBe(200);
    const ids = [...first.body.items, ...second.body.items].map(
      (item: { certificateId: string }) => item.certificateId,
    );
    expect(new Set(ids).size).toBe(ids.length);
    for (const item of [...first.body.items, ...second.body.items]) {
      expect(item.status).toBe('REVOKED');
    }
  });

  it('rejects an unknown status', async () => {
    const response = await ctx.api.get('/certificados?status=LOST', { issuerKey: true });

    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('status');
  });
});
