import { describe, expect, it } from 'vitest';

import { scanTable } from '../support/database.js';
import {
  issuanceRequest,
  registrationRequest,
} from '../support/http.js';
import { useTestStack } from '../support/setup.js';

const SIMULTANEOUS = 50;

const ctx = useTestStack();

function countStatuses(statuses: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const status of statuses) {
    counts[status] = (counts[status] ?? 0) + 1;
  }

  return counts;
}

describe('concurrent registrations of one email', () => {
  it('create exactly one account', async () => {
    const email = `simultanea-${Date.now()}@example.org`;
    // Vary case and surrounding spaces: all normalize to the same email.
    const variants = [email, email.toUpperCase(), `  ${email} `];

    const responses = await Promise.all(
      Array.from({ length: SIMULTANEOUS }, (_, i) =>
        ctx.api.post('/registros', registrationRequest({ email: variants[i % variants.length] })),
      ),
    );

    expect(countStatuses(responses.map((response) => response.status))).toEqual({
      201: 1,
      409: SIMULTANEOUS - 1,
    });
    const stored = await scanTable(ctx.stack, 'Registrations');
    expect(stored.filter((item) => item.email === email)).toHaveLength(1);
  });
});

describe('concurrent issuance for one user and course', () => {
  it('creates exactly one certificate', async () => {
    const learner = registrationRequest();
    await ctx.api.post('/registros', learner);
    const courseId = `CONC-${Date.now()}`;

    const responses = await Promise.all(
      Array.from({ length: SIMULTANEOUS }, () =>
        ctx.api.post('/certificados', issuanceRequest({ email: learner.email, courseId }), {
          issuerKey: true,
        }),
      ),
    );

    expect(countStatuses(responses.map((response) => response.status))).toEqual({
      201: 1,
      200: SIMULTANEOUS - 1,
    });
    const ids = new Set(responses.map((response) => response.body.certificateId));
    expect(ids.size).toBe(1);
    const stored = await scanTable(ctx.stack, 'Certificates');
    expect(stored.filter((item) => item.courseId === courseId)).toHaveLength(1);
  });

  it('creates one certificate through concurrent batches', async () => {
    const learner = registrationRequest();
    await ctx.api.post('/registros', learner);
    const courseId = `LOTE-${Date.now()}`;
    const batch = { items: [issuanceRequest({ email: learner.email, courseId })] };

    const responses = await Promise.all(
      Array.from({ length: 10 }, () => ctx.api.post('/certificados/lote', batch, { issuerKey: true })),
    );

    const statuses = responses.map((response) => response.body.items[0].status);
    expect(countStatuses(statuses)).toEqual({ 201: 1, 200: 9 });
    const stored = await scanTable(ctx.stack, 'Certificates');
    expect(stored.filter((item) => item.courseId === courseId)).toHaveLength(1);
  });
});
