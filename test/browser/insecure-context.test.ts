import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { registerLearner } from './support/data.js';
import { eventually, launchChromium, startHarness, uniqueEmail, type Harness } from './support/harness.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let harness: Harness;
let browser: Browser;

beforeAll(async () => {
  harness = await startHarness();
  // A host name other than localhost over plain HTTP makes an insecure context,
  // as a LAN address does. Chromium resolves the name to the loopback stack.
  browser = await launchChromium(['--host-resolver-rules=MAP qa.test 127.0.0.1']);
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

/** Opens a page on http://qa.test:<port>, where crypto.randomUUID does not exist. */
async function openInsecurePage(path: string): Promise<Page> {
  const port = new URL(harness.stack.url).port;
  const context = await browser.newContext({ baseURL: `http://qa.test:${port}`, locale: 'es-ES', timezoneId: 'UTC' });
  const page = await context.newPage();
  await page.goto(path);
  expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
  expect(await page.evaluate(() => typeof crypto.randomUUID)).toBe('undefined');

  return page;
}

function watchPosts(page: Page, pathname: string): Request[] {
  const requests: Request[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === pathname) {
      requests.push(request);
    }
  });

  return requests;
}

describe('insecure context', () => {
  it('registers without crypto.randomUUID', async () => {
    const page = await openInsecurePage('/');
    const requests = watchPosts(page, '/api/registros');
    const errors: Error[] = [];
    page.on('pageerror', (error) => errors.push(error));

    await page.getByLabel('Correo electrónico').fill(uniqueEmail('insecure'));
    await page.getByLabel('Nombre completo').fill('Lucía Sin Https');
    await page.getByLabel('Acepto los términos y condiciones').check();
    await page.getByRole('button', { name: 'Crear cuenta' }).click();

    await eventually(() => page.locator('section.result .holder').textContent()).toBe('Lucía Sin Https');
    expect(requests).toHaveLength(1);
    expect(await requests[0]?.headerValue('idempotency-key')).toMatch(UUID_V4);
    expect(errors).toEqual([]);
  });

  it('uploads a completion file without crypto.randomUUID', async () => {
    const email = uniqueEmail('insecure-csv');
    await registerLearner(harness, email, 'Mateo Sin Https');
    const page = await openInsecurePage('/gestion');
    const requests = watchPosts(page, '/api/certificados/lote');
    await page.getByLabel('Clave de emisión').fill(harness.stack.issuerApiKey);
    await page.getByRole('button', { name: 'Continuar' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Emitir un certificado' }).isVisible()).toBe(true);

    const csv = `ID,Name,Email address,Course complete\r\n1,Mateo,${email},"30/11/26, 10:15"\r\n`;
    await page.getByLabel('Archivo CSV').setInputFiles({ name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator('#upload-course-id').fill('course-v1:Acredita+HTTP+2026');
    await page.locator('#upload-course-name').fill('Redes locales');
    await page.getByRole('button', { name: 'Cargar y emitir' }).click();

    await eventually(() => page.locator('.upload-results .summary').textContent()).toBe(
      'Emitidos: 1. Ya existían: 0. Rechazados: 0. Omitidos: 0. Sin enviar: 0.',
    );
    expect(requests).toHaveLength(1);
    expect(await requests[0]?.headerValue('idempotency-key')).toMatch(UUID_V4);
  });
});
