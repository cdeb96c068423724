import { rm } from 'node:fs/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { formatSizes, measurePages, PUBLIC_JS_BUDGET, type PageSize } from '../../web/scripts/size.js';
import { buildWebApp } from './support/harness.js';

let distDir: string;
let sizes: PageSize[];

beforeAll(async () => {
  distDir = await buildWebApp();
  sizes = measurePages(distDir);
  console.log(`JavaScript per page of the web app:\n${formatSizes(sizes)}`);
});

afterAll(async () => {
  await rm(distDir, { recursive: true, force: true });
});

describe('web app size', () => {
  it('keeps public pages under the JS budget', () => {
    const publicPages = sizes.filter((size) => size.public);

    expect(publicPages.length).toBeGreaterThan(0);
    for (const size of publicPages) {
      expect(size.jsGzipBytes, size.page).toBeLessThanOrEqual(PUBLIC_JS_BUDGET);
    }
  });

  it('loads the CSV parser only on the staff page', () => {
    const registration = sizes.find((size) => size.page.startsWith('registration'));
    const staff = sizes.find((size) => size.page.startsWith('staff'));

    expect(staff?.jsFiles.length).toBeGreaterThan(registration?.jsFiles.length ?? 0);
    expect(staff?.jsGzipBytes).toBeGreaterThan(registration?.jsGzipBytes ?? 0);
  });
});
