import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { registerLearner } from './support/data.js';
import { eventually, startHarness, uniqueEmail, type Harness } from './support/harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

async function fillRegistration(page: Page, email: string, fullName: string): Promise<void> {
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Nombre completo').fill(fullName);
  await page.getByLabel('Acepto los términos y condiciones').check();
}

/** Collects the registration requests that the page sends. */
function watchRegistrations(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/registros') {
      requests.push(request);
    }
  });

  return requests;
}

describe('registration page', () => {
  it('registers and shows the stored name', async () => {
    const page = await harness.newPage();
    const email = uniqueEmail('ana');
    const fullName = 'Ana María Núñez 李小龍 Zoë';
    await page.goto('/');

    await fillRegistration(page, `  ${email.toUpperCase()} `, fullName);
    await page.getByLabel('Instructor').check();
    await page.getByLabel('Idioma de los cursos').selectOption('pt');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();

    const result = page.locator('section.result');
    await eventually(() => result.isVisible()).toBe(true);
    await eventually(() => page.getByRole('heading', { name: 'Registro completado' }).isVisible()).toBe(true);
    expect(await result.locator('.holder').textContent()).toBe(fullName);
    expect(await result.textContent()).toContain(email.toLowerCase());
    expect(await result.textContent()).toContain('Instructor');
    expect(await result.textContent()).toContain('Português');
    expect(await page.locator('form').isHidden()).toBe(true);
    const stored = await harness.api<{ items: { fullName: string; language: string }[] }>(
      'GET',
      `/registros?email=${encodeURIComponent(email.toLowerCase())}`,
    );
    expect(stored.body.items[0]?.fullName).toBe(fullName);
    expect(stored.body.items[0]?.language).toBe('pt');

    await page.getByRole('button', { name: 'Registrar otra cuenta' }).click();
    expect(await page.locator('form').isVisible()).toBe(true);
    expect(await result.isHidden()).toBe(true);
    expect(await page.getByLabel('Correo electrónico').inputValue()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('register-email');
    expect(harness.pageErrors).toEqual([]);
  });

  it('checks fields in the page before sending', async () => {
    const page = await harness.newPage();
    const requests = watchRegistrations(page);
    await page.goto('/');

    await page.getByLabel('Correo electrónico').fill('no-es-un-correo');
    await page.getByLabel('Nombre completo').fill('   ');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();

    const email = page.getByLabel('Correo electrónico');
    await eventually(() => email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain('register-email-error');
    expect(await page.locator('#register-email-error').textContent()).toContain('correo válido');
    expect(await page.getByLabel('Nombre completo').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Acepto los términos y condiciones').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('alert').first().textContent()).toContain('Revisa los campos marcados');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('register-email');
    expect(requests).toHaveLength(0);
  });

  it('rejects a name with a control character', async () => {
    const page = await harness.newPage();
    const requests = watchRegistrations(page);
    await page.goto('/');

    await fillRegistration(page, uniqueEmail('bidi'), 'Mallory \u202Eevil');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();

    await eventually(() => page.locator('#register-name-error').textContent()).toContain('caracteres de control');
    expect(requests).toHaveLength(0);
  });

  it('reports a duplicate email and keeps the form', async () => {
    const email = uniqueEmail('dup');
    await registerLearner(harness, email, 'Primera Persona');
    const page = await harness.newPage();
    await page.goto('/');

    await fillRegistration(page, email, 'Segunda Persona');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();

    const alert = page.getByRole('alert').first();
    await eventually(() => alert.textContent()).toBe('Ya existe una cuenta con este correo electrónico.');
    expect(await page.getByLabel('Correo electrónico').inputValue()).toBe(email);
    expect(await page.getByLabel('Nombre completo').inputValue()).toBe('Segunda Persona');
    expect(await page.getByLabel('Correo electrónico').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('form').isVisible()).toBe(true);
  });

  it('keeps the data and the key after a failure', async () => {
    const page = await harness.newPage();
    const requests = watchRegistrations(page);
    const email = uniqueEmail('retry');
    const fullName = 'Renée Ødegård';
    await page.goto('/');
    await fillRegistration(page, email, fullName);

    // First attempt: the connection fails.
    await page.route('**/api/registros', (route) => route.abort('connectionrefused'));
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await eventually(() => page.getByRole('alert').first().textContent()).toContain('No se pudo conectar');
    expect(await page.getByLabel('Nombre completo').inputValue()).toBe(fullName);

    // Second attempt: the server is unavailable.
    await page.unroute('**/api/registros');
    await page.route('**/api/registros', (route) =>
      route.fulfill({
        status: 503,
        headers: { 'content-type': 'application/problem+json', 'retry-after': '2' },
        body: JSON.stringify({ type: 'https://acredita.dev/problems/database-unavailable', title: 'Database unavailable', status: 503, detail: 'down' }),
      }),
    );
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await eventually(() => page.getByRole('alert').first().textContent()).toContain('dentro de 2 s');
    expect(await page.getByLabel('Correo electrónico').inputValue()).toBe(email);

    // Third attempt reaches the real server.
    await page.unroute('**/api/registros');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await eventually(() => page.locator('section.result .holder').textContent()).toBe(fullName);

    expect(requests).toHaveLength(3);
    const keys = await Promise.all(requests.map((request) => request.headerValue('idempotency-key')));
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys).size).toBe(1);
  });

  it('uses a new key when the data changes', async () => {
    const page = await harness.newPage();
    const requests = watchRegistrations(page);
    await page.goto('/');
    await page.route('**/api/registros', (route) => route.abort('connectionrefused'));
    await fillRegistration(page, uniqueEmail('change'), 'Primer Nombre');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await eventually(() => requests.length).toBe(1);

    await page.getByLabel('Nombre completo').fill('Otro Nombre');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await eventually(() => requests.length).toBe(2);

    const keys = await Promise.all(requests.map((request) => request.headerValue('idempotency-key')));
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('reports an unexpected exception', async () => {
    const page = await harness.newPage();
    const requests = watchRegistrations(page);
    await page.addInitScript(() => {
      Crypto.prototype.randomUUID = () => {
        throw new Error('no random source');
      };
    });
    await page.goto('/');

    await fillRegistration(page, uniqueEmail('broken'), 'Fallo Inesperado');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();

    await eventually(() => page.getByRole('alert').first().textContent()).toBe('Algo salió mal. Vuelve a intentarlo.');
    expect(await page.getByRole('button', { name: 'Crear cuenta' }).getAttribute('aria-disabled')).toBeNull();
    expect(requests).toHaveLength(0);
  });

  it('renders markup in a name as text', async () => {
    const page = await harness.newPage();
    const fullName = `<script>window.injected = true</script><img src=x onerror="window.injected = true"> "O'Brien"`;
    await page.goto('/');

    await fillRegistration(page, uniqueEmail('xss'), fullName);
    await page.getByRole('button', { name: 'Crear cuenta' }).click();

    const holder = page.locator('section.result .holder');
    await eventually(() => holder.textContent()).toBe(fullName);
    expect(await holder.locator('script, img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { injected?: boolean }).injected)).toBeUndefined();
  });

  it('opens the terms and keeps typed values', async () => {
    const page = await harness.newPage();
    const email = uniqueEmail('terms');
    await page.goto('/');
    await fillRegistration(page, email, 'Lectora De Términos');
    await page.getByLabel('Instructor').check();
    await page.getByLabel('Idioma de los cursos').selectOption('pt');

    await page.getByRole('link', { name: 'términos y condiciones', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: 'Términos y condiciones' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/terminos');
    expect(await page.title()).toBe('Términos y condiciones · Acredita');

    await page.goBack();

    await page.getByRole('heading', { name: 'Crear una cuenta' }).waitFor();
    expect(await page.getByLabel('Correo electrónico').inputValue()).toBe(email);
    expect(await page.getByLabel('Nombre completo').inputValue()).toBe('Lectora De Términos');
    expect(await page.getByLabel('Instructor').isChecked()).toBe(true);
    expect(await page.getByLabel('Idioma de los cursos').inputValue()).toBe('pt');
    expect(await page.getByLabel('Acepto los términos y condiciones').isChecked()).toBe(true);
    expect(harness.pageErrors).toEqual([]);
  });

  it('follows the terms link without ticking the box', async () => {
    const page = await harness.newPage();
    await page.goto('/');
    const checkbox = page.getByLabel('Acepto los términos y condiciones');

    await page.getByRole('link', { name: 'términos y condiciones', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Términos y condiciones' }).waitFor();
    await page.getByRole('link', { name: 'Volver al registro' }).click();
    await page.getByRole('heading', { name: 'Crear una cuenta' }).waitFor();

    expect(await checkbox.isChecked()).toBe(false);
    await page.locator('label[for="register-terms"] span').first().click();
    expect(await checkbox.isChecked()).toBe(true);
  });

  it('works with the keyboard alone', async () => {
    const page = await harness.newPage();
    const email = uniqueEmail('keyboard');
    await page.goto('/');

    // Skip link, brand, three navigation links, the language toggle, then the form.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Saltar al contenido');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('register-email');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Teclado Sin Ratón');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');

    await eventually(() => page.locator('section.result .holder').textContent()).toBe('Teclado Sin Ratón');
    expect(await page.locator('section.result').textContent()).toContain('Instructor');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('register-done');
  });
});
