import { readFile } from 'node:fs/promises';

import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { COURSE, issueCertificate, registerLearner } from './support/data.js';
import { eventually, saveScreenshot, startHarness, uniqueEmail, type Harness } from './support/harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

/** Opens the staff page and enters the issuer key. */
async function openStaffPage(width?: number): Promise<Page> {
  const page = await harness.newPage({ width });
  await page.goto('/gestion');
  await page.getByLabel('Clave de emisión').fill(harness.stack.issuerApiKey);
  await page.getByRole('button', { name: 'Continuar' }).click();
  await eventually(() => page.getByRole('heading', { name: 'Emitir un certificado' }).isVisible()).toBe(true);

  return page;
}

/** Registers learners through the staff batch route, 100 per request. */
async function registerMany(emails: readonly string[]): Promise<void> {
  for (let start = 0; start < emails.length; start += 100) {
    const items = emails.slice(start, start + 100).map((email, index) => ({
      email,
      fullName: `Estudiante ${start + index + 1}`,
      accountType: 'student',
      language: 'es',
    }));
    const result = await harness.api<{ summary: { created: number } }>('POST', '/registros/lote', { items });
    expect(result.status).toBe(200);
    expect(result.body.summary.created).toBe(items.length);
  }
}

const MOODLE_HEADER = 'ID,Name,Email address,Quiz 1,Course complete';

function moodleLine(id: number, name: string, email: string, completed: string): string {
  return `${id},${name},${email},Completed,"${completed}"`;
}

describe('staff page', () => {
  it('asks for the key and keeps it in the tab', async () => {
    const page = await harness.newPage();
    await page.goto('/gestion');

    await page.getByLabel('Clave de emisión').fill('wrong-key');
    await page.getByRole('button', { name: 'Continuar' }).click();
    await eventually(() => page.getByRole('alert').first().textContent()).toContain('no es válida');
    expect(await page.getByRole('heading', { name: 'Emitir un certificado' }).isVisible()).toBe(false);

    await page.getByLabel('Clave de emisión').fill(harness.stack.issuerApiKey);
    await page.getByRole('button', { name: 'Continuar' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Emitir un certificado' }).isVisible()).toBe(true);

    const stored = await page.evaluate(() => ({
      session: Object.values({ ...sessionStorage }),
      local: Object.values({ ...localStorage }),
    }));
    expect(stored.session).toContain(harness.stack.issuerApiKey);
    expect(stored.local).not.toContain(harness.stack.issuerApiKey);
  });

  it('issues one certificate by email', async () => {
    const email = uniqueEmail('single');
    await registerLearner(harness, email, 'Carla Gómez');
    const page = await openStaffPage();
    const requests: Request[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/certificados') {
        requests.push(request);
      }
    });

    await page.getByLabel('Correo de la persona').fill(email);
    await page.locator('#issue-course-id').fill(COURSE.courseId);
    await page.locator('#issue-course-name').fill(COURSE.courseName);
    await page.getByLabel('Fecha de finalización', { exact: true }).fill('2026-11-30');
    await page.getByLabel('Nota (opcional)').fill('88,5');
    await page.getByRole('button', { name: 'Emitir certificado' }).click();

    const link = page.locator('.issue-result a');
    await eventually(() => link.textContent()).toMatch(/^ACR-/);
    expect(await page.locator('.issue-result').textContent()).toContain('Certificado emitido');
    expect(requests[0]?.headers()['x-api-key']).toBe(harness.stack.issuerApiKey);
    expect(requests[0]?.postDataJSON()).toMatchObject({ email, grade: 88.5, completedAt: '2026-11-30' });
    await link.click();
    await eventually(() => page.locator('article.certificate .holder').textContent()).toBe('Carla Gómez');
  });

  it('reports an unregistered learner', async () => {
    const page = await openStaffPage();

    await page.getByLabel('Correo de la persona').fill(uniqueEmail('nobody'));
    await page.locator('#issue-course-id').fill(COURSE.courseId);
    await page.locator('#issue-course-name').fill(COURSE.courseName);
    await page.getByLabel('Fecha de finalización', { exact: true }).fill('2026-11-30');
    await page.getByRole('button', { name: 'Emitir certificado' }).click();

    await eventually(() => page.locator('#issue-recipient-error').textContent()).toContain('No hay ninguna cuenta');
  });

  it('uploads a completion file in batches', async () => {
    const emails = Array.from({ length: 150 }, (_, index) => uniqueEmail(`csv${index}`));
    await registerMany(emails);
    const existing = emails[0] ?? '';
    await issueCertificate(harness, existing, { courseId: 'course-v1:Acredita+CSV+2026', courseName: 'Datos en CSV' });
    const unregistered = uniqueEmail('unregistered');
    const lines = [
      MOODLE_HEADER,
      ...emails.map((email, index) => moodleLine(index + 1, `Estudiante ${index + 1}`, email, '30/11/26, 10:15')),
      moodleLine(900, 'Sin Registro', unregistered, '30/11/26, 10:15'),
      moodleLine(901, 'Correo Roto', 'no-es-correo', '30/11/26, 10:15'),
      '902,Sin Terminar,pending@example.org,,',
    ];
    const page = await openStaffPage();
    const batchRequests: Request[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/certificados/lote') {
        batchRequests.push(request);
      }
    });
    // Holding each batch back a little makes the progress between batches observable.
    await page.route('**/api/certificados/lote', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });

    expect(await page.locator('progress#upload-progress').isHidden()).toBe(true);
    await page.getByLabel('Archivo CSV').setInputFiles({
      name: 'finalizacion.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'),
    });
    await page.locator('#upload-course-id').fill('course-v1:Acredita+CSV+2026');
    await page.locator('#upload-course-name').fill('Datos en CSV');
    await page.getByRole('button', { name: 'Cargar y emitir' }).click();

    const progress = page.locator('progress#upload-progress');
    await eventually(() => page.locator('#upload-progress-text').textContent()).toBe('100 de 151 filas enviadas');
    expect(await progress.getAttribute('value')).toBe('100');
    expect(await progress.getAttribute('max')).toBe('151');
    await eventually(() => page.locator('#upload-progress-text').textContent()).toBe('151 de 151 filas enviadas');

    const summary = page.locator('.upload-results .summary');
    await eventually(() => summary.textContent()).toBe(
      'Emitidos: 149. Ya existían: 1. Rechazados: 2. Omitidos: 1. Sin enviar: 0.',
    );
    expect(batchRequests).toHaveLength(2);
    expect(batchRequests[0]?.postDataJSON().items).toHaveLength(100);
    expect(batchRequests[1]?.postDataJSON().items).toHaveLength(51);
    const keys = batchRequests.map((request) => request.headers()['idempotency-key']);
    expect(new Set(keys).size).toBe(2);

    const rows = page.locator('.results-table tbody tr');
    expect(await rows.count()).toBe(153);
    const firstRow = await rows.first().locator('td').allTextContents();
    expect(firstRow[0]).toBe('2');
    expect(firstRow[1]).toBe(existing);
    expect(firstRow[2]).toBe('Ya existía');
    expect(firstRow[3]).toMatch(/^ACR-/);
    const unregisteredRow = await page.locator('.results-table tbody tr', { hasText: unregistered }).locator('td').allTextContents();
    expect(unregisteredRow[2]).toBe('Rechazado');
    expect(unregisteredRow[3]).not.toBe('');
    const parserRow = await rows.nth(151).locator('td').allTextContents();
    expect(parserRow[0]).toBe('153');
    expect(parserRow[1]).toBe('no-es-correo');
    expect(parserRow[2]).toBe('Rechazado');
    expect(parserRow[3]).toContain('Email address');
    const skippedRow = await rows.nth(152).locator('td').allTextContents();
    expect(skippedRow[1]).toBe('pending@example.org');
    expect(skippedRow[2]).toBe('Omitido');
    await saveScreenshot(page, 'staff-upload-results');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Descargar resultados (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^acredita-course-v1_Acredita_CSV_2026-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    const csvLines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(csvLines[0]).toBe('row,email,status,certificate_id,reason');
    expect(csvLines).toHaveLength(154);
    expect(csvLines[1]).toMatch(new RegExp(`^2,${existing.replace(/[.+]/g, '\\$&')},existing,ACR-`));
    expect(csvLines.filter((line) => line.includes(',issued,'))).toHaveLength(149);
    expect(csvLines.some((line) => line.startsWith(`152,${unregistered},rejected,,`))).toBe(true);
    expect(csvLines.some((line) => line.startsWith('153,no-es-correo,rejected,,'))).toBe(true);
    expect(csvLines.some((line) => line.startsWith('154,pending@example.org,skipped,,'))).toBe(true);
  });

  it('clears the last upload for a new one', async () => {
    const email = uniqueEmail('first-upload');
    await registerLearner(harness, email, 'Primera Carga');
    const page = await openStaffPage();
    const csv = `${MOODLE_HEADER}\r\n${moodleLine(1, 'Primera Carga', email, '30/11/26, 10:15')}\r\n`;
    await page.getByLabel('Archivo CSV').setInputFiles({ name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator('#upload-course-id').fill('course-v1:Acredita+First+2026');
    await page.locator('#upload-course-name').fill('Primer curso');
    await page.getByRole('button', { name: 'Cargar y emitir' }).click();
    await eventually(() => page.locator('.results-table tbody tr').count()).toBe(1);

    const secondEmail = uniqueEmail('second-upload');
    const secondCsv = `${MOODLE_HEADER}\r\n${moodleLine(2, 'Segunda Carga', secondEmail, '30/11/26, 10:15')}\r\n`;
    await page.getByLabel('Archivo CSV').setInputFiles({ name: 'b.csv', mimeType: 'text/csv', buffer: Buffer.from(secondCsv) });

    expect(await page.locator('.upload-results').textContent()).toBe('');
    expect(await page.getByRole('button', { name: 'Descargar resultados (CSV)' }).count()).toBe(0);
    expect(await page.locator('progress#upload-progress').isHidden()).toBe(true);
    expect(await page.locator('#upload-progress-text').textContent()).toBe('');

    await page.route('**/api/certificados/lote', (route) => route.abort('connectionrefused'));
    await page.locator('#upload-course-id').fill('course-v1:Acredita+Second+2026');
    await page.getByRole('button', { name: 'Cargar y emitir' }).click();
    await eventually(() => page.getByRole('alert').filter({ hasText: 'El envío se detuvo' }).count()).toBe(1);
    const rows = await page.locator('.results-table tbody td:nth-child(2)').allTextContents();
    expect(rows).toEqual([secondEmail]);
    expect(await page.locator('.results-table tbody td.outcome').textContent()).toBe('Sin enviar');
  });

  it('guards formulas but not plain emails in the CSV', async () => {
    const plusEmail = `+${uniqueEmail('plus')}`;
    await registerLearner(harness, plusEmail, 'Más Uno');
    const formulaEmail = "=cmd|'/Ccalc'!A0@example.org";
    const lines = [
      MOODLE_HEADER,
      moodleLine(1, 'Más Uno', plusEmail, '30/11/26, 10:15'),
      moodleLine(2, 'Fórmula', formulaEmail, '30/11/26, 10:15'),
    ];
    const page = await openStaffPage();
    await page.getByLabel('Archivo CSV').setInputFiles({
      name: 'formulas.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'),
    });
    await page.locator('#upload-course-id').fill('course-v1:Acredita+Formula+2026');
    await page.locator('#upload-course-name').fill('Hojas de cálculo');
    await page.getByRole('button', { name: 'Cargar y emitir' }).click();
    await eventually(() => page.locator('.results-table tbody tr').count()).toBe(2);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Descargar resultados (CSV)' }).click(),
    ]);
    const csvLines = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(csvLines[1]).toMatch(new RegExp(`^2,${plusEmail.replace(/[.+]/g, '\\$&')},issued,ACR-`));
    expect(csvLines[2]?.startsWith(`3,"'${formulaEmail}",rejected,,`)).toBe(true);
  });

  it('reports a file that is not UTF-8', async () => {
    const page = await openStaffPage();

    await page.getByLabel('Archivo CSV').setInputFiles({
      name: 'latin1.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${MOODLE_HEADER}\r\n1,Jos\xe9,jose@example.org,Completed,"30/11/26, 10:15"\r\n`, 'latin1'),
    });
    await page.locator('#upload-course-id').fill(COURSE.courseId);
    await page.locator('#upload-course-name').fill(COURSE.courseName);
    await page.getByRole('button', { name: 'Cargar y emitir' }).click();

    await eventually(() => page.locator('#upload-file-error').textContent()).toContain('not valid UTF-8');
    expect(await page.getByLabel('Archivo CSV').getAttribute('aria-invalid')).toBe('true');
  });

  it('revokes a certificate after confirmation', async () => {
    const email = uniqueEmail('revoke');
    await registerLearner(harness, email, 'Diego Ruiz');
    const certificate = await issueCertificate(harness, email);
    const page = await openStaffPage();
    const patches: Request[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PATCH') {
        patches.push(request);
      }
    });

    await page.getByLabel('Código del certificado').fill(certificate.certificateId.toLowerCase());
    await page.getByLabel('Motivo de la revocación').fill('Plagio confirmado');
    await page.getByRole('button', { name: 'Revisar el certificado' }).click();

    const preview = page.getByRole('group', { name: '¿Revocar este certificado?' });
    await eventually(() => preview.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('revoke-preview');
    expect(await preview.locator('.holder').textContent()).toBe('Diego Ruiz');
    const previewText = (await preview.textContent()) ?? '';
    expect(previewText).toContain(COURSE.courseName);
    expect(previewText).toContain('Certificado válido');
    expect(previewText).toContain('Plagio confirmado');
    expect(patches).toHaveLength(0);

    await page.getByRole('button', { name: 'Cancelar' }).click();
    expect(await preview.isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Revisar el certificado');
    expect(patches).toHaveLength(0);

    await page.getByRole('button', { name: 'Revisar el certificado' }).click();
    await page.getByRole('button', { name: 'Confirmar revocación' }).click();
    await eventually(() => page.getByRole('alert').filter({ hasText: 'revocado el' }).count()).toBe(1);
    expect(patches).toHaveLength(1);
    expect(await preview.isHidden()).toBe(true);
    const verified = await harness.api<{ status: string; revocationReason: string }>(
      'GET',
      `/certificados/${certificate.certificateId}`,
      undefined,
      false,
    );
    expect(verified.body.status).toBe('REVOKED');
    expect(verified.body.revocationReason).toBe('Plagio confirmado');

    await page.getByRole('button', { name: 'Revisar el certificado' }).click();
    await eventually(() => page.getByRole('alert').filter({ hasText: 'ya estaba revocado' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Confirmar revocación' }).count()).toBe(0);
    expect(patches).toHaveLength(1);
  });

  it('offers no confirmation for an unknown code', async () => {
    const page = await openStaffPage();

    await page.getByLabel('Código del certificado').fill('ACR-0000-0000-0000-0000');
    await page.getByLabel('Motivo de la revocación').fill('Error de emisión');
    await page.getByRole('button', { name: 'Revisar el certificado' }).click();

    await eventually(() => page.locator('#revoke-id-error').textContent()).toBe('No existe ningún certificado con este código.');
    expect(await page.getByRole('button', { name: 'Confirmar revocación' }).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('revoke-id');
  });

  it('discards the preview when a field changes', async () => {
    const email = uniqueEmail('revoke-edit');
    await registerLearner(harness, email, 'Irene Soto');
    const certificate = await issueCertificate(harness, email);
    const page = await openStaffPage();

    await page.getByLabel('Código del certificado').fill(certificate.certificateId);
    await page.getByLabel('Motivo de la revocación').fill('Motivo provisional');
    await page.getByRole('button', { name: 'Revisar el certificado' }).click();
    await eventually(() => page.getByRole('button', { name: 'Confirmar revocación' }).isVisible()).toBe(true);
    await page.getByLabel('Motivo de la revocación').fill('Otro motivo');

    expect(await page.getByRole('button', { name: 'Confirmar revocación' }).count()).toBe(0);
    const stored = await harness.api<{ status: string }>('GET', `/certificados/${certificate.certificateId}`, undefined, false);
    expect(stored.body.status).toBe('ISSUED');
  });

  it('asks staff for the person\'s email', async () => {
    const page = await openStaffPage();

    await page.getByRole('button', { name: 'Emitir certificado' }).click();
    await eventually(() => page.locator('#issue-recipient-error').textContent()).toBe(
      'Escribe el correo electrónico de la persona.',
    );
    await page.getByRole('button', { name: 'Buscar' }).click();
    await eventually(() => page.locator('#lookup-email-error').textContent()).toBe(
      'Escribe el correo electrónico de la persona.',
    );

    await page.getByRole('button', { name: 'Switch to English' }).click();
    expect(await page.locator('#issue-recipient-error').textContent()).toBe("Enter the person's email address.");
    expect(await page.locator('#lookup-email-error').textContent()).toBe("Enter the person's email address.");
  });

  it('looks up a registration by email', async () => {
    const email = uniqueEmail('lookup');
    await registerLearner(harness, email, 'Elena Vidal');
    const page = await openStaffPage();

    await page.locator('#lookup-email').fill(email.toUpperCase());
    await page.getByRole('button', { name: 'Buscar' }).click();

    await eventually(() => page.locator('.lookup-results .holder').textContent()).toBe('Elena Vidal');
    await page.locator('#lookup-email').fill(uniqueEmail('missing'));
    await page.getByRole('button', { name: 'Buscar' }).click();
    await eventually(() => page.getByRole('alert').filter({ hasText: 'No hay ningún registro' }).count()).toBe(1);
  });

  it('asks for the key again after a 403', async () => {
    const page = await harness.newPage();
    await page.goto('/gestion');
    await page.evaluate(() => sessionStorage.setItem('acredita.issuerKey', 'revoked-key'));
    await page.reload();

    await page.locator('#lookup-email').fill('ana@example.org');
    await page.getByRole('button', { name: 'Buscar' }).click();

    await eventually(() => page.getByLabel('Clave de emisión').isVisible()).toBe(true);
    expect(await page.getByRole('alert').first().textContent()).toContain('no es válida');
    expect(await page.evaluate(() => sessionStorage.getItem('acredita.issuerKey'))).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('staff-key');
  });
});
