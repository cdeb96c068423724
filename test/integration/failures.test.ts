import { beforeAll, describe, expect, it } from 'vitest';

import { registrationRequest } from '../support/http.js';
import { useTestStack } from '../support/setup.js';

const ctx = useTestStack();

beforeAll(async () => {
  await ctx.stack.stopDatabase();
});

describe('database unavailable', () => {
  it('answers registration with 503 and Retry-After', async () => {
    const response = await ctx.api.post('/registros', registrationRequest());

    expect(response.status).toBe(503);
    expect(response.contentType).toContain('application/problem+json');
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('fails a whole batch with 503', async () => {
    const response = await ctx.api.post(
      '/registros/lote',
      { items: [registrationRequest(), registrationRequest()] },
      { issuerKey: true },
    );

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).not.toBeNull();
  });

  it('reports the database in the health check', async () => {
    const response = await ctx.api.get('/health');

    expect(response.status).toBe(503);
    expect(response.body.type).toMatch(/database-unavailable$/);
  });

  it('still validates input before touching the database', async () => {
    const response = await ctx.api.post('/registros', registrationRequest({ email: 'x' }));

    expect(response.status).toBe(400);
  });
});
