import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('src/lms', () => {
  it('bundles for the browser', async () => {
    // esbuild fails to resolve node: built-ins on the browser platform, so a
    // Node-only import in the parsers fails this build.
    const result = await build({
      entryPoints: ['src/lms/index.ts'],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });

    expect(result.errors).toEqual([]);
    expect(result.outputFiles[0]?.text).toContain('parseCompletions');
  });
});
