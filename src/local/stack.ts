import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';

import { openApiModule } from '../api/openapi.js';
import { certificatesModule } from '../certificates/module.js';
import { registrationsModule } from '../registrations/module.js';
import { createApiApp } from '../shared/app.js';
import { readTableNames, type ApiConfig, type TableNames } from '../shared/config.js';
import { createDocumentClient } from '../shared/database.js';
import { NotFoundError, ShuttingDownError } from '../shared/errors.js';
import { createLogger } from '../shared/logger.js';
import { problemResponse } from '../shared/problem.js';
import { startEmbeddedDatabase } from './database.js';
import { createWebApp } from './web.js';

export interface StackOptions {
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly dataDir: string;
  readonly issuerApiKey: string;
  /** Folder of the built web app; a placeholder page is served without it. */
  readonly webRoot?: string;
  readonly publicBaseUrl?: string;
  readonly registrationTtlDays?: number;
  readonly tables?: TableNames;
  /** Powertools log level, such as INFO or SILENT. */
  readonly logLevel?: string;
}

export interface RunningStack {
  readonly url: string;
  readonly databaseEndpoint: string;
  readonly createdTables: readonly string[];
  /** Stops the embedded database alone, as when it fails; the server keeps running. */
  stopDatabase(): Promise<void>;
  /** Stops taking requests, lets those in flight finish, then closes the database. */
  close(): Promise<void>;
}

/**
 * Sends a problem document for requests that Node's HTTP parser rejects
 * before any route runs, such as a URL or headers over 16 KiB.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    type: `https://acredita.dev/problems/${tooLarge ? 'headers-too-large' : 'malformed-request'}`,
    title: tooLarge ? 'Request headers too large' : 'Malformed request',
    status,
    detail: tooLarge
      ? 'the URL and headers must be under 16 KiB; shorten the query string'
      : 'the HTTP request could not be parsed',
  });
  const reason = tooLarge ? 'Request Header Fields Too Large' : 'Bad Request';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/problem+json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function listen(app: Hono, host: string, port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, () => resolve(server));
    server.once('error', reject);
    server.on('clientError', answerClientError);
  });
}

function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    if ('closeIdleConnections' in server) {
      server.closeIdleConnections();
    }
  });
}

/**
 * Starts the whole product on one machine: the embedded database, the API of
 * both functions under `/api` and the web app at `/`, as CloudFront routes
 * them in AWS. The route handlers are the ones the Lambda functions run.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const tables = options.tables ?? readTableNames();
  const database = await startEmbeddedDatabase(options.dataDir, tables);
  const client = createDocumentClient({ endpoint: database.endpoint });
  const logger = createLogger('acredita-local', options.logLevel);

  // Filled in once the server listens, unless set, so that a Host header sent
  // by a client cannot choose the origin of verification URLs.
  const config: { -readonly [K in keyof ApiConfig]: ApiConfig[K] } = {
    tables,
    publicBaseUrl: options.publicBaseUrl,
    registrationTtlDays: options.registrationTtlDays,
  };
  const api = createApiApp([registrationsModule, certificatesModule, openApiModule], {
    client,
    config,
    issuerKey: { mode: 'local', issuerApiKey: options.issuerApiKey },
    logger,
  });

  let stopping = false;
  const root = new Hono();
  // Once stopping, requests that arrive on open keep-alive connections are
  // turned away before they write anything, and the connection is closed.
  root.use('*', async (c, next) => {
    if (stopping) {
      return problemResponse(
        new ShuttingDownError('the server is stopping; retry after the delay in Retry-After'),
        c.req.path,
      );
    }
    await next();
  });
  root.route('/api', api);
  // Paths that only look like the API, such as //api/health or /API/health,
  // get a problem document rather than the web app's index page.
  root.all('*', async (c, next) => {
    if (/^\/+api(\/|$)/i.test(c.req.path)) {
      return problemResponse(
        new NotFoundError(`no route for ${c.req.method} ${c.req.path}; see /api/openapi.json`),
        c.req.path,
      );
    }
    await next();
  });
  root.route('/', createWebApp(options.webRoot));

  let server: ServerType;
  try {
    server = await listen(root, options.host ?? '127.0.0.1', options.port ?? 3000);
  } catch (error) {
    client.destroy();
    await database.close();
    throw error;
  }
  let databaseStopped: Promise<void> | undefined;
  const stopDatabase = () => (databaseStopped ??= database.close());
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  config.publicBaseUrl ??= `http://${host}:${address.port}`;

  return {
    url: `http://${host}:${address.port}`,
    databaseEndpoint: database.endpoint,
    createdTables: database.createdTables,
    stopDatabase: () => stopDatabase(),
    async close() {
      stopping = true;
      await closeServer(server);
      client.destroy();
      await stopDatabase();
    },
  };
}
