/**
 * Prints the gzipped size of the JavaScript and CSS that each page of the
 * built web app loads, from the Vite manifest of a build.
 *
 *   npx tsx web/scripts/size.ts [dist folder]   (default: web/dist)
 *
 * Exits with status 1 when a public page loads more than PUBLIC_JS_BUDGET
 * bytes of gzipped JavaScript.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Gzipped JavaScript allowed for a public page: registration, verification and terms. */
export const PUBLIC_JS_BUDGET = 50 * 1024;

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  isEntry?: boolean;
}

type Manifest = Record<string, ManifestChunk>;

export interface PageSize {
  page: string;
  /** Whether anyone can open the page; only those count against the budget. */
  public: boolean;
  jsFiles: string[];
  jsBytes: number;
  jsGzipBytes: number;
  cssGzipBytes: number;
}

/** Manifest keys of the chunks a page module loads: the page chunk and its static imports. */
const PAGES: readonly { page: string; public: boolean; chunks: readonly string[] }[] = [
  { page: 'registration (/)', public: true, chunks: ['index.html'] },
  { page: 'verification (/verificar)', public: true, chunks: ['index.html'] },
  { page: 'terms (/terminos)', public: true, chunks: ['index.html'] },
  { page: 'staff (/gestion)', public: false, chunks: ['index.html', 'src/pages/staff.ts'] },
];

function collectFiles(manifest: Manifest, key: string, seen: Set<string>, js: Set<string>, css: Set<string>): void {
  if (seen.has(key)) {
    return;
  }
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) {
    throw new Error(`the Vite manifest has no chunk "${key}"; rebuild with npm run build:web`);
  }
  js.add(chunk.file);
  for (const file of chunk.css ?? []) {
    css.add(file);
  }
  for (const imported of chunk.imports ?? []) {
    collectFiles(manifest, imported, seen, js, css);
  }
}

function gzipSize(distDir: string, files: Iterable<string>): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const content = readFileSync(join(distDir, file));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }

  return { raw, gzip };
}

/**
 * Measures each page. Each file is gzipped on its own, as a server sends it.
 * The level is 9, so a server that compresses at a lower level sends a little more.
 */
export function measurePages(distDir: string): PageSize[] {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;

  return PAGES.map((definition) => {
    const js = new Set<string>();
    const css = new Set<string>();
    const seen = new Set<string>();
    for (const key of definition.chunks) {
      collectFiles(manifest, key, seen, js, css);
    }
    const jsSize = gzipSize(distDir, js);

    return {
      page: definition.page,
      public: definition.public,
      jsFiles: [...js],
      jsBytes: jsSize.raw,
      jsGzipBytes: jsSize.gzip,
      cssGzipBytes: gzipSize(distDir, css).gzip,
    };
  });
}

export function formatSizes(sizes: readonly PageSize[]): string {
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  const lines = sizes.map((size) => {
    const budget = size.public ? ` (budget ${kib(PUBLIC_JS_BUDGET)})` : '';

    return `${size.page}: JS ${kib(size.jsGzipBytes)} gzipped, ${kib(size.jsBytes)} raw${budget}; CSS ${kib(size.cssGzipBytes)} gzipped`;
  });

  return lines.join('\n');
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const distDir = resolve(process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url)));
  const sizes = measurePages(distDir);
  console.log(formatSizes(sizes));
  const over = sizes.filter((size) => size.public && size.jsGzipBytes > PUBLIC_JS_BUDGET);
  if (over.length > 0) {
    console.error(`over budget: ${over.map((size) => size.page).join(', ')}`);
    process.exitCode = 1;
  }
}
