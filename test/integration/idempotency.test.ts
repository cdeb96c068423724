import { describe, expect, it } from 'vitest';

import { scanTable } from '../support/database.js';
import {
  issuanceRequest,
  registrationRequest,
} from '../support/http.js';
import { useTestStack } from '../support/setup.js';

const ctx = useTestStack();

const withKey = (key: string, issuerKey = false) => ({
  issuerKey,
  headers: { 'idempotency-key': key },
});

describe('Idempotency-Key', () => {
  it('replays the first registration response', async () => {
    const request = registrationRequest();
    const key = `reg-${Date.now()}`;

    const first = await ctx.api.post('/registros', request, withKey(key));
    const replay = await ctx.api.post('/registros', request, withKey(key));

    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
  });

  it('answers 409 without a key on the repeat', async () => {
    const request = registrationRequest();
    await ctx.api.post('/registros', request, withKey(`plain-${Date.now()}`));

    const repeat = await ctx.api.post('/registros', request);

    expect(repeat.status).toBe(409);
  });

  it('rejects a key reused with another body', async () => {
    const key = `reuse-${Date.now()}`;
    await ctx.api.post('/registros', registrationRequest(), withKey(key));

    const other = await ctx.api.post('/registros', registrationRequest(), withKey(key));

    expect(other.status).toBe(422);
    expect(other.body.type).toMatch(/idempotency-key-reused$/);
  });

  it('replays an error response too', async () => {
    const key = `error-${Date.now()}`;
    const request = registrationRequest({ accountType: 'admin' });

    const first = await ctx.api.post('/registros', request, withKey(key));
    const replay = await ctx.api.post('/registros', request, withKey(key));

    expect(first.status).toBe(400);
    expect(replay.status).toBe(400);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });

  it('replays a certificate batch', async () => {
    const learner = registrationRequest();
    await ctx.api.post('/registros', learner);
    const batch = { items: [issuanceRequest({ email: learner.email })] };
    const key = `batch-${Date.now()}`;

    const first = await ctx.api.post('/certificados/lote', batch, withKey(key, true));
    const replay = await ctx.api.post('/certificados/lote', batch, withKey(key, true));

    expect(first.body.items[0].status).toBe(201);
    expect(replay.body).toEqual(first.body);
  });

  it('replays a revocation', async () => {
    const learner = registrationRequest();
    await ctx.api.post('/registros', learner);
    const issued = await ctx.api.post('/certificados', issuanceRequest({ email: learner.email }), {
      issuerKey: true,
    });
    const path = `/certificados/${issued.body.certificateId}`;
    const key = `revoke-${Date.now()}`;
    const revocation = { status: 'REVOKED', reason: 'Error de carga' };

    const first = await ctx.api.patch(path, revocation, withKey(key, true));
    const replay = await ctx.api.patch(path, revocation, withKey(key, true));

    expect(first.status).toBe(200);
    expect(replay.status).toBe(200);
    expect(replay.body.revokedAt).toBe(first.body.revokedAt);
  });

  it('gives one result under concurrent retries', async () => {
    const request = registrationRequest();
    const key = `race-${Date.now()}`;

    const responses = await Promise.all(
      Array.from({ length: 20 }, () => ctx.api.post('/registros', request, withKey(key))),
    );

    const created = responses.filter((response) => response.status === 201);
    const others = responses.filter((response) => response.status !== 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const response of created) {
      expect(response.body.userId).toBe(created[0]!.body.userId);
    }
    for (const response of others) {
      expect(response.status).toBe(409);
      expect(response.body.type).toMatch(/idempotency-in-progress$/);
      expect(response.headers.get('retry-after')).toBe('1');
    }
    const stored = await scanTable(ctx.stack, 'Registrations');
    expect(stored.filter((item) => item.email === request.email)).toHaveLength(1);
  });
});
