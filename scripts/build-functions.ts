/**
 * Bundles each Lambda function with esbuild (minified, tree-shaken, with a
 * source map) and packs it into build/<name>.zip, the artifact that Terraform
 * deploys. The zips are reproducible: same sources, same bytes, same hash.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

import { build } from 'esbuild';
import { ZipFile } from 'yazl';

const FUNCTIONS = {
  registrations: 'src/registrations/handler.ts',
  certificates: 'src/certificates/handler.ts',
} as const;

const OUTPUT_DIR = 'build';
// A fixed timestamp keeps the zip bytes independent of when it was built.
const FIXED_MTIME = new Date('2020-01-01T00:00:00Z');

async function bundle(name: string, entryPoint: string): Promise<string> {
  const outdir = join(OUTPUT_DIR, name);
  await rm(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { index: entryPoint },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    // The Lambda runtime nodejs22.x.
    target: 'node22',
    format: 'esm',
    minify: true,
    treeShaking: true,
    sourcemap: true,
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
    // Some dependencies are CommonJS and call require(); give the ES module one.
    banner: {
      js: "import{createRequire as __createRequire}from'node:module';const require=__createRequire(import.meta.url);",
    },
  });

  return outdir;
}

async function zip(name: string, folder: string): Promise<string> {
  const zipPath = join(OUTPUT_DIR, `${name}.zip`);
  const archive = new ZipFile();
  for (const file of ['index.mjs', 'index.mjs.map']) {
    archive.addBuffer(await readFile(join(folder, file)), file, {
      mtime: FIXED_MTIME,
      mode: 0o644,
    });
  }
  archive.end();
  await pipeline(archive.outputStream, createWriteStream(zipPath));

  return zipPath;
}

function kibibytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

await mkdir(OUTPUT_DIR, { recursive: true });
for (const [name, entryPoint] of Object.entries(FUNCTIONS)) {
  const folder = await bundle(name, entryPoint);
  const zipPath = await zip(name, folder);
  const bundleSize = (await stat(join(folder, 'index.mjs'))).size;
  const zipSize = (await stat(zipPath)).size;
  console.log(
    `${name.padEnd(14)} bundle ${kibibytes(bundleSize).padStart(10)}   zip ${kibibytes(zipSize).padStart(10)}   ${zipPath}`,
  );
}
