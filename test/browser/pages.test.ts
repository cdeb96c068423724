import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { issueCertificate, registerLearner, revokeCertificate, type Certificate } from './support/data.js';
import {
  axeViolations,
  eventually,
  hasHorizontalScroll,
  saveScreenshot,
  startHarness,
  uniqueEmail,
  type Harness,
} from './support/harness.js';

let harness: Harness;
let valid: Certificate;
let revoked: Certificate;

beforeAll(async () => {
  harness = await startHarness();
  const email = uniqueEmail('pages');
  await registerLearner(harness, email, 'María José Fernández-Castellanos de la Vega');
  valid = await issueCertificate(harness, email);
  revoked = await issueCertificate(harness, email, {
    courseId: 'course-v1:Acredita+Una+Clave+Muy+Larga+Para+Probar+El+Ajuste+2026',
    courseName: 'Introducción a la visualización de datos con herramientas libres',
  });
  await revokeCertificate(harness, revoked.certificateId, 'Se detectó una copia de otro trabajo entregado.');
});

afterAll(async () => {
  await harness?.close();
});

/** A page state worth checking: how to reach it and the heading that shows it is ready. */
interface PageState {
  name: string;
  open(page: Page): Promise<void>;
}

async function enterKey(page: Page): Promise<void> {
  await page.goto('/gestion');
  await page.getByLabel('Clave de emisión').fill(harness.stack.issuerApiKey);
  await page.getByRole('button', { name: 'Continuar' }).click();
  await eventually(() => page.getByRole('heading', { name: 'Emitir un certificado' }).isVisible()).toBe(true);
}

const STATES: PageState[] = [
  {
    name: 'registration',
    async open(page) {
      await page.goto('/');
      await page.getByRole('heading', { name: 'Crear una cuenta' }).waitFor();
    },
  },
  {
    name: 'registration-errors',
    async open(page) {
      await page.goto('/');
      await page.getByLabel('Correo electrónico').fill('roto@');
      await page.getByRole('button', { name: 'Crear cuenta' }).click();
      await page.locator('#register-email-error').filter({ hasText: 'correo' }).waitFor();
    },
  },
  {
    name: 'registration-done',
    async open(page) {
      await page.goto('/');
      await page.getByLabel('Correo electrónico').fill(uniqueEmail('done'));
      await page.getByLabel('Nombre completo').fill('Zoë Ängström 山田太郎');
      await page.getByLabel('Acepto los términos y condiciones').check();
      await page.getByRole('button', { name: 'Crear cuenta' }).click();
      await page.getByRole('heading', { name: 'Registro completado' }).waitFor();
    },
  },
  {
    name: 'verification-form',
    async open(page) {
      await page.goto('/verificar');
      await page.getByRole('heading', { name: 'Verificar un certificado' }).waitFor();
    },
  },
  {
    name: 'verification-valid',
    async open(page) {
      await page.goto(`/verificar/${valid.certificateId}`);
      await page.getByRole('heading', { name: 'Certificado válido' }).waitFor();
    },
  },
  {
    name: 'verification-revoked',
    async open(page) {
      await page.goto(`/verificar/${revoked.certificateId}`);
      await page.getByRole('heading', { name: 'Certificado revocado' }).waitFor();
    },
  },
  {
    name: 'verification-not-found',
    async open(page) {
      await page.goto('/verificar/ACR-0000-0000-0000-0000');
      await page.getByRole('alert').filter({ hasText: 'No encontramos' }).waitFor();
    },
  },
  {
    name: 'verification-long-code',
    async open(page) {
      await page.goto(`/verificar/${'X'.repeat(64)}`);
      await page.getByRole('alert').filter({ hasText: 'No encontramos' }).waitFor();
    },
  },
  {
    name: 'staff-key',
    async open(page) {
      await page.goto('/gestion');
      await page.getByLabel('Clave de emisión').waitFor();
    },
  },
  {
    name: 'staff-tools',
    async open(page) {
      await enterKey(page);
      const header = 'ID,Name,Email address,Course complete';
      const csv = `${header}\r\n1,Ana,no-registrada@example.org,"30/11/26, 10:15"\r\n2,Bea,roto,"30/11/26, 10:15"\r\n`;
      await page.getByLabel('Archivo CSV').setInputFiles({ name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.locator('#upload-course-id').fill('course-v1:Acredita+DS101+2026');
      await page.locator('#upload-course-name').fill('Ciencia de datos');
      await page.getByRole('button', { name: 'Cargar y emitir' }).click();
      await page.locator('.results-table').waitFor();
    },
  },
  {
    name: 'staff-lookup-none',
    async open(page) {
      await enterKey(page);
      await page.locator('#lookup-email').fill(`${'a'.repeat(64)}@${'b'.repeat(60)}.example.org`);
      await page.getByRole('button', { name: 'Buscar' }).click();
      await page.getByRole('alert').filter({ hasText: 'No hay ningún registro' }).waitFor();
    },
  },
  {
    name: 'staff-revoke-preview',
    async open(page) {
      await enterKey(page);
      await page.getByLabel('Código del certificado').fill(valid.certificateId);
      await page.getByLabel('Motivo de la revocación').fill('Revisión de prueba');
      await page.getByRole('button', { name: 'Revisar el certificado' }).click();
      await page.getByRole('button', { name: 'Confirmar revocación' }).waitFor();
    },
  },
  {
    name: 'terms',
    async open(page) {
      await page.goto('/terminos');
      await page.getByRole('heading', { level: 1, name: 'Términos y condiciones' }).waitFor();
    },
  },
  {
    name: 'terms-en',
    async open(page) {
      await page.addInitScript(() => localStorage.setItem('acredita.language', 'en'));
      await page.goto('/terminos');
      await page.getByRole('heading', { level: 1, name: 'Terms and conditions' }).waitFor();
    },
  },
  {
    name: 'not-found',
    async open(page) {
      await page.goto('/no-existe');
      await page.getByRole('heading', { name: 'Página no encontrada' }).waitFor();
    },
  },
];

describe('every page', () => {
  it.each(STATES)('$name has no axe violations', async (state) => {
    const page = await harness.newPage();

    await state.open(page);

    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, state.name);
  });

  it.each(STATES)('$name fits 360 px without sideways scroll', async (state) => {
    const page = await harness.newPage({ width: 360, height: 740 });

    await state.open(page);

    expect(await hasHorizontalScroll(page)).toBe(false);
    await saveScreenshot(page, `${state.name}-360`);
  });

  it('throws no uncaught errors', () => {
    expect(harness.pageErrors).toEqual([]);
  });
});

describe('terms page', () => {
  it('loads from a deep link in Spanish', async () => {
    const page = await harness.newPage();

    await STATES.find((state) => state.name === 'terms')?.open(page);

    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await page.title()).toBe('Términos y condiciones · Acredita');
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toContain('correo electrónico');
    expect(body).toContain('Nunca ve tu correo electrónico');
    expect(body).toContain('corrija o borre tus datos');
  });

  it('loads from a deep link in English', async () => {
    const page = await harness.newPage();

    await STATES.find((state) => state.name === 'terms-en')?.open(page);

    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.title()).toBe('Terms and conditions · Acredita');
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toContain('They never see your email address');
    expect(body).toContain('correct or delete your data');
  });

  it('switches language in place', async () => {
    const page = await harness.newPage();
    await STATES.find((state) => state.name === 'terms')?.open(page);

    await page.getByRole('button', { name: 'Switch to English' }).click();

    await page.getByRole('heading', { level: 1, name: 'Terms and conditions' }).waitFor();
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      'Data we store',
      'Public certificates',
      'Staff access',
      'Correction and deletion',
    ]);
  });

  it.each(['/', '/verificar', '/gestion', '/terminos', '/no-existe'])(
    'footer of %s links to the terms',
    async (path) => {
      const page = await harness.newPage();
      await page.goto(path);
      const link = page.getByRole('contentinfo').getByRole('link', { name: 'Términos y condiciones' });

      await link.click();

      await page.getByRole('heading', { level: 1, name: 'Términos y condiciones' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/terminos');
    },
  );
});

describe('language switch', () => {
  it('switches to English and keeps typed values', async () => {
    const page = await harness.newPage();
    await page.goto('/');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await page.getByLabel('Correo electrónico').fill('roto@');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await page.locator('#register-email-error').filter({ hasText: 'correo' }).waitFor();

    await page.getByRole('button', { name: 'Switch to English' }).click();

    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Create an account');
    expect(await page.getByLabel('Email address').inputValue()).toBe('roto@');
    expect(await page.locator('#register-email-error').textContent()).toBe(
      'Enter a valid email address, such as name@example.org.',
    );
    expect(await page.getByRole('alert').first().textContent()).toBe('Check the marked fields before sending.');
    expect(await page.title()).toBe('Create an account · Acredita');
    expect(await page.getByRole('navigation').textContent()).toBe('Sign upVerifyStaff');
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'registration-en');
  });

  it('keeps the choice after a reload', async () => {
    const page = await harness.newPage();
    await page.goto(`/verificar/${revoked.certificateId}`);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Revoked certificate' }).waitFor();

    await page.reload();

    await page.getByRole('heading', { name: 'Revoked certificate' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('.revocation').textContent()).toContain('Revoked on');
    await page.getByRole('button', { name: 'Cambiar a español' }).click();
    await page.getByRole('heading', { name: 'Certificado revocado' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('acredita.language'))).toBe('es');
  });

  it('translates the staff results', async () => {
    const page = await harness.newPage();
    await STATES.find((state) => state.name === 'staff-tools')?.open(page);

    await page.getByRole('button', { name: 'Switch to English' }).click();

    expect(await page.locator('.upload-results .summary').textContent()).toBe(
      'Issued: 0. Already issued: 0. Rejected: 2. Skipped: 0. Not sent: 0.',
    );
    expect(await page.locator('.results-table thead').textContent()).toBe('RowEmailStatusCertificate or reason');
    expect(await page.locator('.results-table tbody td.outcome').first().textContent()).toBe('Rejected');
    expect(await axeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'staff-tools-en');
  });
});
