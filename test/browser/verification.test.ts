import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { COURSE, issueCertificate, registerLearner, revokeCertificate, type Certificate } from './support/data.js';
import { eventually, startHarness, uniqueEmail, type Harness } from './support/harness.js';

let harness: Harness;
let valid: Certificate;
let revoked: Certificate;
const HOLDER = 'Ana Muñoz <script>alert("x")</script>';
const REASON = `Plagio confirmado <img src=x onerror="window.injected = true"> "copia"`;

beforeAll(async () => {
  harness = await startHarness();
  const holderEmail = uniqueEmail('holder');
  await registerLearner(harness, holderEmail, HOLDER);
  valid = await issueCertificate(harness, holderEmail);
  const revokedEmail = uniqueEmail('revoked');
  await registerLearner(harness, revokedEmail, 'Bruno Díaz');
  revoked = await issueCertificate(harness, revokedEmail, { courseId: 'course-v1:Acredita+ML201+2026', courseName: 'Aprendizaje automático' });
  await revokeCertificate(harness, revoked.certificateId, REASON);
});

afterAll(async () => {
  await harness?.close();
});

describe('verification page', () => {
  it('shows a certificate from a deep link', async () => {
    const page = await harness.newPage();

    await page.goto(`/verificar/${valid.certificateId}`);

    const card = page.locator('article.certificate');
    await eventually(() => card.isVisible()).toBe(true);
    expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe('Certificado válido');
    expect(await card.locator('.holder').textContent()).toBe(HOLDER);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(COURSE.courseName);
    expect(text).toContain(COURSE.courseId);
    expect(text).toContain('30 de noviembre de 2026');
    expect(text).toContain(valid.certificateId);
    expect(text).not.toContain('91');
    expect(await page.locator('main script').count()).toBe(0);
    expect(await page.title()).toBe('Verificación de certificado · Acredita');
    expect(harness.pageErrors).toEqual([]);
  });

  it('opens the deep link for a typed code', async () => {
    const page = await harness.newPage();
    await page.goto('/verificar');

    await page.getByLabel('Código del certificado').fill(`  ${valid.certificateId.toLowerCase()} `);
    await page.getByRole('button', { name: 'Verificar' }).click();

    await eventually(() => new URL(page.url()).pathname).toBe(`/verificar/${valid.certificateId}`);
    await eventually(() => page.locator('article.certificate .holder').textContent()).toBe(HOLDER);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  });

  it('accepts pasted forms of a code', async () => {
    const groups = valid.certificateId.split('-');
    const toFullWidth = (value: string) =>
      Array.from(value, (character) => String.fromCodePoint((character.codePointAt(0) ?? 0) + 0xfee0)).join('');
    const pasted = [
      groups.join(' '),
      groups.join('\u2013').toLowerCase(),
      groups.join('\u2014'),
      groups.join('\u2011'),
      toFullWidth(valid.certificateId),
      ` ${groups.slice(1).join('')} `,
      `https://acredita.example/verificar/${valid.certificateId.toLowerCase()}?utm_source=pdf`,
      `http://127.0.0.1:3000/verificar/${groups.join('%20')}`,
    ];
    const page = await harness.newPage();

    for (const input of pasted) {
      await page.goto('/verificar');
      await page.getByLabel('Código del certificado').fill(input);
      await page.getByRole('button', { name: 'Verificar' }).click();

      await eventually(() => new URL(page.url()).pathname, input).toBe(`/verificar/${valid.certificateId}`);
      await eventually(() => page.locator('article.certificate .holder').textContent(), input).toBe(HOLDER);
    }
  });

  it('normalizes a deep link with spaces', async () => {
    const page = await harness.newPage();

    await page.goto(`/verificar/${valid.certificateId.toLowerCase().replaceAll('-', '%20')}`);

    await eventually(() => page.locator('article.certificate .holder').textContent()).toBe(HOLDER);
    expect(new URL(page.url()).pathname).toBe(`/verificar/${valid.certificateId}`);
    expect(await page.locator('.lead').textContent()).toBe(`Código: ${valid.certificateId}`);
  });

  it('accepts a lower-case deep link', async () => {
    const page = await harness.newPage();

    await page.goto(`/verificar/${valid.certificateId.toLowerCase()}`);

    await eventually(() => page.locator('article.certificate .holder').textContent()).toBe(HOLDER);
  });

  it('shows a revocation plainly', async () => {
    const page = await harness.newPage();

    await page.goto(`/verificar/${revoked.certificateId}`);

    const card = page.locator('article.certificate');
    await eventually(() => card.isVisible()).toBe(true);
    expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe('Certificado revocado');
    const revocation = card.locator('.revocation');
    expect(await revocation.textContent()).toContain('fue revocado');
    expect(await revocation.textContent()).toContain('Fecha de revocación');
    expect(await revocation.textContent()).toMatch(/\d{1,2} de [a-z]+ de 20\d\d/);
    expect(await revocation.locator('dd').last().textContent()).toBe(REASON);
    expect(await revocation.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { injected?: boolean }).injected)).toBeUndefined();
  });

  it('reports an unknown code', async () => {
    const page = await harness.newPage();

    await page.goto('/verificar/ACR-0000-0000-0000-0000');

    await eventually(() => page.getByRole('alert').textContent()).toContain(
      'No encontramos ningún certificado con el código ACR-0000-0000-0000-0000',
    );
    expect(await page.locator('article.certificate').count()).toBe(0);
  });

  it('rejects a code with other characters', async () => {
    const page = await harness.newPage();
    await page.goto('/verificar');

    await page.getByLabel('Código del certificado').fill('ACR/../x');
    await page.getByRole('button', { name: 'Verificar' }).click();

    const field = page.getByLabel('Código del certificado');
    await eventually(() => field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#verify-code-error').textContent()).toContain('letras, números y guiones');
    expect(new URL(page.url()).pathname).toBe('/verificar');
  });

  it('moves back and forward in history', async () => {
    const page = await harness.newPage();
    await page.goto('/');

    await page.getByRole('link', { name: 'Verificar' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Verificar un certificado');
    await page.goBack();

    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Crear una cuenta');
    expect(new URL(page.url()).pathname).toBe('/');
  });
});
