import { describe, expect, it } from 'vitest';

import { registrationRequest } from '../support/http.js';
import { useTestStack } from '../support/setup.js';

const ctx = useTestStack();

describe('POST /api/registros', () => {
  it('stores a registration and returns it with 201', async () => {
    const request = registrationRequest({ fullName: 'Zoë Ñandú 王小明 Δήμητρα' });

    const response = await ctx.api.post('/registros', request);

    expect(response.status).toBe(201);
    expect(response.contentType).toContain('application/json');
    expect(response.body).toMatchObject({
      email: request.email,
      fullName: 'Zoë Ñandú 王小明 Δήμητρα',
      accountType: 'student',
      language: 'es',
      status: 'ACTIVE',
      source: 'self',
    });
    expect(response.body.userId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(response.body.createdAt)).not.toBeNaN();
    expect(response.body.termsAcceptedAt).toBe(response.body.createdAt);
  });

  it('normalizes the email before storing it', async () => {
    const response = await ctx.api.post(
      '/registros',
      registrationRequest({ email: '  Ana.Pérez@Example.ORG ' }),
    );

    expect(response.status).toBe(201);
    expect(response.body.email).toBe('ana.pérez@example.org');
  });

  it('rejects the same email in another case with 409', async () => {
    const first = registrationRequest();
    await ctx.api.post('/registros', first);

    const second = await ctx.api.post(
      '/registros',
      registrationRequest({ email: first.email.toUpperCase() }),
    );

    expect(second.status).toBe(409);
    expect(second.contentType).toContain('application/problem+json');
    expect(second.body.type).toMatch(/email-already-registered$/);
  });

  it('treats decomposed and composed accents as one email', async () => {
    const composed = `jos\u00e9-${Date.now()}@example.org`;
    await ctx.api.post('/registros', registrationRequest({ email: composed }));

    const decomposed = await ctx.api.post(
      '/registros',
      registrationRequest({ email: composed.replace('\u00e9', 'e\u0301') }),
    );

    expect(decomposed.status).toBe(409);
  });

  it.each([
    ['full-width letters', 'ｓａｍｅ.ｐｅｒｓｏｎ@example.org', 'same.person@example.org'],
    ['a ligature', 'ﬁnanzas@example.org', 'finanzas@example.org'],
    ['a Unicode domain', 'ana@münchen.de', 'ana@xn--mnchen-3ya.de'],
  ])('treats %s as the plain email', async (_label, variant, plain) => {
    const first = await ctx.api.post('/registros', registrationRequest({ email: plain }));

    const second = await ctx.api.post('/registros', registrationRequest({ email: variant }));

    expect(first.status).toBe(201);
    expect(second.status).toBe(409);
  });

  it('accepts a dotted capital I', async () => {
    const response = await ctx.api.post(
      '/registros',
      registrationRequest({ email: `İnci${Date.now()}@example.org` }),
    );

    expect(response.status).toBe(201);
  });

  it('stores the canonical language tag', async () => {
    const response = await ctx.api.post('/registros', registrationRequest({ language: 'pt-br' }));

    expect(response.status).toBe(201);
    expect(response.body.language).toBe('pt-BR');
  });
});

describe('POST /api/registros/lote', () => {
  it('registers each item and marks it as provisioned by staff', async () => {
    const existing = registrationRequest();
    await ctx.api.post('/registros', existing);
    const fresh = registrationRequest({ accountType: 'instructor' });
    const { acceptTerms: _unused, ...withoutTerms } = registrationRequest();

    const response = await ctx.api.post(
      '/registros/lote',
      { items: [fresh, existing, { email: 'not-an-email' }, withoutTerms] },
      { issuerKey: true },
    );

    expect(response.status).toBe(200);
    const [created, duplicate, invalid, staffOnly] = response.body.items;
    expect(created).toMatchObject({ index: 0, status: 201 });
    expect(created.registration.source).toBe('staff');
    expect(created.registration.accountType).toBe('instructor');
    expect(duplicate).toMatchObject({ index: 1, status: 409 });
    expect(invalid.status).toBe(400);
    expect(invalid.problem.errors.map((error: { field: string }) => error.field)).toContain(
      'email',
    );
    expect(staffOnly.status).toBe(201);
    expect(staffOnly.registration.termsAcceptedAt).toBeUndefined();
    expect(response.body.summary).toEqual({ created: 2, existing: 1, rejected: 1 });
  });

  it('requires the issuer key', async () => {
    const response = await ctx.api.post('/registros/lote', { items: [registrationRequest()] });

    expect(response.status).toBe(401);
    expect(response.contentType).toContain('application/problem+json');
  });

  it('rejects a wrong issuer key with 403', async () => {
    const response = await ctx.api.post(
      '/registros/lote',
      { items: [registrationRequest()] },
      { issuerKey: 'wrong-key' },
    );

    expect(response.status).toBe(403);
  });

  it('rejects more than 100 items', async () => {
    const items = Array.from({ length: 101 }, () => registrationRequest());

    const response = await ctx.api.post('/registros/lote', { items }, { issuerKey: true });

    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('items');
  });

  it('accepts exactly 100 items', async () => {
    const items = Array.from({ length: 100 }, () => registrationRequest());

    const response = await ctx.api.post('/registros/lote', { items }, { issuerKey: true });

    expect(response.status).toBe(200);
    expect(response.body.summary.created).toBe(100);
  });
});

describe('GET /api/registros', () => {
  it('looks up a registration by email in any case', async () => {
    const request = registrationRequest();
    await ctx.api.post('/registros', request);

    const response = await ctx.api.get(
      `/registros?email=${encodeURIComponent(request.email.toUpperCase())}`,
      { issuerKey: true },
    );

    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(1);
    expect(response.body.items[0].email).toBe(request.email);
    expect(response.body.nextCursor).toBeNull();
  });

  it('returns an empty list for an unknown email', async () => {
    const response = await ctx.api.get('/registros?email=nobody@example.org', {
      issuerKey: true,
    });

    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([]);
  });

  it('pages through an account type with the cursor', async () => {
    const accountType = 'instructor';
    for (let i = 0; i < 5; i += 1) {
      await ctx.api.post('/registros', registrationRequest({ accountType }));
    }

    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const response = await ctx.api.get(`/registros?accountType=${accountType}&limit=2${query}`, {
        issuerKey: true,
      });
      expect(response.status).toBe(200);
      expect(response.body.items.length).toBeLessThanOrEqual(2);
      for (const item of response.body.items) {
        expect(item.accountType).toBe(accountType);
        seen.add(item.userId);
      }
      cursor = response.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 50);

    expect(seen.size).toBeGreaterThanOrEqual(5);
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it('lists the newest registrations first', async () => {
    const response = await ctx.api.get('/registros?accountType=student&limit=10', {
      issuerKey: true,
    });

    const dates = response.body.items.map((item: { createdAt: string }) => item.createdAt);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('rejects both email and accountType at once', async () => {
    const response = await ctx.api.get('/registros?email=a@example.org&accountType=student', {
      issuerKey: true,
    });

    expect(response.status).toBe(400);
  });

  it('rejects a tampered cursor', async () => {
    const cursor = Buffer.from(JSON.stringify({ userId: 'x' })).toString('base64url');

    const response = await ctx.api.get(`/registros?accountType=student&cursor=${cursor}`, {
      issuerKey: true,
    });

    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('cursor');
  });

  it('requires the issuer key', async () => {
    const response = await ctx.api.get('/registros?accountType=student');

    expect(response.status).toBe(401);
  });
});

describe('GET /api/health', () => {
  it('reports the database as reachable', async () => {
    const response = await ctx.api.get('/health');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: 'ok' });
  });
});

describe('GET /api/openapi.json', () => {
  it('describes every route', async () => {
    const response = await ctx.api.get('/openapi.json');

    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    expect(Object.keys(response.body.paths).sort()).toEqual([
      '/certificados',
      '/certificados/lote',
      '/certificados/{certificateId}',
      '/health',
      '/registros',
      '/registros/lote',
    ]);
    expect(response.body.components.securitySchemes.issuerKey.name).toBe('x-api-key');
    expect(response.body.components.schemas.RegistrationRequest.required).toEqual(
      expect.arrayContaining(['email', 'fullName', 'accountType', 'language', 'acceptTerms']),
    );
  });
});

describe('unknown routes', () => {
  it('return a problem with 404', async () => {
    const response = await ctx.api.get('/nothing-here');

    expect(response.status).toBe(404);
    expect(response.contentType).toContain('application/problem+json');
  });

  it.each(['//api/health', '/API/health', '/api'])('%s is not the web app', async (path) => {
    const response = await fetch(`${ctx.stack.url}${path}`);

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('oversized request line', () => {
  it('gets a problem with 431', async () => {
    const response = await fetch(
      `${ctx.stack.url}/api/registros?accountType=student&cursor=${'a'.repeat(20_000)}`,
    );

    expect(response.status).toBe(431);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('OpenAPI references', () => {
  it('all resolve', async () => {
    const document = (await ctx.api.get('/openapi.json')).body;
    const references = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)];

    expect(references.length).toBeGreaterThan(0);
    for (const [, name] of references) {
      expect(document.components.schemas, name).toHaveProperty(name!);
    }
  });
});
