import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  // The app makes no requests to other hosts, so the build must not add any.
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    // web/scripts/size.ts reads the manifest to add up the JS of each page.
    manifest: true,
    target: 'es2022',
    // Every browser that runs ES2022 supports modulepreload natively.
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: {
    // Only for `vite --config web/vite.config.ts` during development: start the
    // local stack with PORT=3000, or point API_PROXY_TARGET at where it listens.
    proxy: { '/api': process.env.API_PROXY_TARGET ?? 'http://127.0.0.1:3000' },
  },
});
