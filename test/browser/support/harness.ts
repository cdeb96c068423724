import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { build } from 'vite';

import { startTestStack, type TestStack } from '../../support/stack.js';

const REPOSITORY_ROOT = resolve(import.meta.dirname, '..', '..', '..');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(REPOSITORY_ROOT, 'test-results', 'screenshots');

/**
 * Chromium flags for this machine: no sandbox because the tests run as root,
 * and no background networking, which the closed network would refuse.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** WCAG 2.0 to 2.2 at levels A and AA, plus axe's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Throws an error with install instructions when Chromium is missing. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}; the browser tests need it. Install it with ` +
        '`apt-get install -y chromium` or `bash scripts/install-chromium.sh`, ' +
        'or set CHROMIUM_PATH to another Chromium binary.',
    );
  }
}

/** Launches headless Chromium with this machine's flags and any `extraArgs`. */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** Builds the web app with its own Vite config into a new temporary folder. */
export async function buildWebApp(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'acredita-web-'));
  await build({
    configFile: join(REPOSITORY_ROOT, 'web', 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });

  return outDir;
}

export interface ApiResult<T = unknown> {
  status: number;
  body: T;
}

export interface Harness {
  readonly stack: TestStack;
  readonly browser: Browser;
  readonly webRoot: string;
  /** Uncaught exceptions thrown in any page opened by newPage. */
  readonly pageErrors: Error[];
  newPage(options?: { width?: number; height?: number }): Promise<Page>;
  /** Calls the API directly, to prepare data that the test does not exercise. */
  api<T = unknown>(method: string, path: string, body?: unknown, withKey?: boolean): Promise<ApiResult<T>>;
  close(): Promise<void>;
}

/** Builds the app, starts the real local stack that serves it and launches Chromium. */
export async function startHarness(): Promise<Harness> {
  requireChromium();
  const webRoot = await buildWebApp();
  const stack = await startTestStack({ webRoot });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await stack.close();
    throw error;
  }
  const contexts: BrowserContext[] = [];
  const pageErrors: Error[] = [];

  return {
    stack,
    browser,
    webRoot,
    pageErrors,
    async newPage(options = {}) {
      const context = await browser.newContext({
        baseURL: stack.url,
        viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
        locale: 'es-ES',
        timezoneId: 'UTC',
        acceptDownloads: true,
      });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error));

      return page;
    },
    async api<T>(method: string, path: string, body?: unknown, withKey = true) {
      const headers: Record<string, string> = {};
      if (body !== undefined) {
        headers['content-type'] = 'application/json';
      }
      if (withKey) {
        headers['x-api-key'] = stack.issuerApiKey;
      }
      const response = await fetch(`${stack.url}/api${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();

      return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
    },
    async close() {
      for (const context of contexts) {
        await context.close().catch(() => undefined);
      }
      await browser.close();
      await stack.close();
      await rm(webRoot, { recursive: true, force: true });
    },
  };
}

/** Runs axe on the page and returns its violations, each with the elements it names. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();

  return results.violations.map((violation) => {
    const targets = violation.nodes.map((node) => node.target.join(' ')).join(', ');

    return `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help} at ${targets}`;
  });
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });

  return path;
}

/** Tells whether the page scrolls sideways, which a 360 px layout must not. */
export async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

let emailCounter = 0;

/** Returns an email address not used before in this test run. */
export function uniqueEmail(label: string): string {
  emailCounter += 1;

  return `${label}.${Date.now().toString(36)}.${emailCounter}@example.org`;
}

/**
 * Polls a value in the page until the assertion passes, for up to 10 seconds.
 * The message names the case in a failure, for checks run in a loop.
 */
export function eventually<T>(read: () => T | Promise<T>, message?: string) {
  return expect.poll(read, { timeout: 10_000, interval: 50, message });
}
