import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';

import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** Content Security Policy of the web app, the same that CloudFront adds in AWS. */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

const PLACEHOLDER_PAGE = `<!doctype html>
<html lang="es">
<head><meta charset="utf-8"><title>Acredita</title></head>
<body>
<h1>Acredita</h1>
<p>The web app is not built. Run <code>npm run build:web</code>, or read the API description at
<a href="/api/openapi.json">/api/openapi.json</a>.</p>
</body>
</html>
`;

/**
 * Serves the built web app as CloudFront does: files from the folder, hashed
 * assets cached for a year, and `index.html` for app paths such as
 * `/verificar/ACR-…` that have no file extension.
 */
export function createWebApp(webRoot: string | undefined): Hono {
  const web = new Hono();
  web.use('*', secureHeaders({ contentSecurityPolicy: CONTENT_SECURITY_POLICY }));

  const indexPath = webRoot ? join(webRoot, 'index.html') : undefined;
  if (!webRoot || !indexPath || !existsSync(indexPath)) {
    web.get('*', (c) => c.html(PLACEHOLDER_PAGE));
    return web;
  }

  // Dot files such as .vite/manifest.json are build details, not part of the app.
  web.use('*', async (c, next) => {
    if (c.req.path.split('/').some((segment) => segment.startsWith('.'))) {
      return c.text('Not found', 404);
    }
    await next();
  });
  web.use(
    '/assets/*',
    async (c, next) => {
      await next();
      if (c.res.status === 200) {
        c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
      }
    },
  );
  web.use('*', serveStatic({ root: webRoot }));
  web.get('*', async (c) => {
    if (extname(c.req.path) !== '') {
      return c.text('Not found', 404);
    }
    c.header('Cache-Control', 'no-cache');

    return c.html(await readFile(indexPath, 'utf8'));
  });

  return web;
}
