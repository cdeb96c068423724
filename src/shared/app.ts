import { randomUUID } from 'node:crypto';

import type { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context as LambdaContext } from 'aws-lambda';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';

import type { IssuerKeyCheck } from './auth.js';
import type { ApiConfig } from './config.js';
import {
  AppError,
  MalformedRequestError,
  MethodNotAllowedError,
  NotFoundError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  ValidationError,
} from './errors.js';
import {
  PROBLEM_CONTENT_TYPE,
  fieldErrorsFromZod,
  problemResponse,
  requestInstance,
  toAppError,
} from './problem.js';

export const MAX_BODY_BYTES = 64 * 1024;

export interface ApiDependencies {
  readonly client: DynamoDBDocumentClient;
  readonly config: ApiConfig;
  readonly issuerKey: IssuerKeyCheck;
  readonly logger: Logger;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    log: Logger;
  };
}

export type ApiApp = OpenAPIHono<AppEnv>;

/** A set of routes that one Lambda function serves; the local stack serves all. */
export interface ApiModule {
  register(app: ApiApp, dependencies: ApiDependencies): void;
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,128}$/;

interface LambdaBindings {
  readonly lambdaContext?: { readonly awsRequestId?: string };
}

function requestIdOf(c: Context<AppEnv>): string {
  const lambdaRequestId = (c.env as LambdaBindings | undefined)?.lambdaContext
    ?.awsRequestId;
  if (lambdaRequestId) {
    return lambdaRequestId;
  }
  const header = c.req.header('x-request-id');

  return header && REQUEST_ID_PATTERN.test(header) ? header : randomUUID();
}

function handleError(error: Error, c: Context<AppEnv>): Response {
  const known = toAppError(error);
  const log = c.get('log');
  if (known) {
    if (known.status >= 500) {
      log?.error('request failed', { error, status: known.status });
    }

    return problemResponse(known, requestInstance(c));
  }

  log?.error('unexpected error', { error });
  const body = {
    type: 'about:blank',
    title: 'Internal server error',
    status: 500,
    detail: `the server failed to handle the request; report request id ${c.get('requestId')}`,
  };

  return new Response(JSON.stringify(body), {
    status: 500,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE },
  });
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Rejects a body in another character set than UTF-8, and bytes that are not
 * valid UTF-8, which a plain decode would turn into U+FFFD and store.
 */
async function requireUtf8Body(c: Context<AppEnv>, next: () => Promise<void>) {
  if (BODY_METHODS.has(c.req.method)) {
    const contentType = c.req.header('content-type') ?? '';
    const charset = /;\s*charset="?([^";\s]+)/i.exec(contentType)?.[1]?.toLowerCase();
    if (charset && charset !== 'utf-8' && charset !== 'utf8') {
      throw new UnsupportedMediaTypeError(
        `the body must be UTF-8, not ${charset}; send Content-Type: application/json`,
      );
    }
    // Read errors, such as the body size limit, propagate as they are.
    const bytes = await c.req.arrayBuffer();
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new MalformedRequestError('the body is not valid UTF-8; send JSON encoded as UTF-8');
    }
  }
  await next();
}

interface RoutePattern {
  readonly method: string;
  readonly pattern: RegExp;
  readonly hasParameters: boolean;
}

/** Lists the method and path pattern of every route the modules registered. */
function routePatterns(app: ApiApp): RoutePattern[] {
  return app.routes
    .filter((route) => route.method !== 'ALL')
    .map((route) => {
      const source = route.path
        .split('/')
        .map((segment) =>
          segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
        )
        .join('/');

      return {
        method: route.method,
        pattern: new RegExp(`^${source}/?$`),
        hasParameters: route.path.includes('/:'),
      };
    });
}

/**
 * Creates the HTTP application of one or more modules, with the middleware
 * that every route shares: request ids, structured access logs, the body size
 * limit, the UTF-8 check, 404 and 405 responses for unmatched requests, and the
 * mapping of errors to `application/problem+json`.
 */
export function createApiApp(
  modules: readonly ApiModule[],
  dependencies: ApiDependencies,
  basePath = '/',
): ApiApp {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new ValidationError(fieldErrorsFromZod(result.error));
      }
    },
  }).basePath(basePath) as ApiApp;

  app.use('*', async (c, next) => {
    const requestId = requestIdOf(c);
    const log = dependencies.logger.createChild({ persistentKeys: { requestId } });
    const lambdaContext = (c.env as LambdaBindings | undefined)?.lambdaContext;
    if (lambdaContext) {
      // Adds the function name, version and cold start flag to every line.
      log.addContext(lambdaContext as LambdaContext);
    }
    c.set('requestId', requestId);
    c.set('log', log);
    const started = performance.now();

    await next();

    c.res.headers.set('x-request-id', requestId);
    // The route pattern, never the URL: query strings can hold emails.
    log.info('request', {
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      durationMs: Math.round(performance.now() - started),
    });
  });

  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new PayloadTooLargeError(
          `the body must be at most ${MAX_BODY_BYTES} bytes; send large batches in parts of up to 100 items`,
        );
      },
    }),
  );

  app.use('*', requireUtf8Body);

  for (const module of modules) {
    module.register(app, dependencies);
  }

  // Runs only when no route matched: 405 for a known path, else 404.
  const routes = routePatterns(app);
  const unmatched = (c: Context<AppEnv>) => {
    const path = new URL(c.req.url).pathname;
    // Mounted under a prefix (the local stack's /api), this route is `/api/*`.
    const mountPath = c.req.routePath.replace(/\/?\*$/, '');
    const relativePath = path.slice(mountPath.length) || '/';
    const matching = routes.filter((route) => route.pattern.test(relativePath));
    // A static path such as /certificados/lote wins over /certificados/:id.
    const exact = matching.filter((route) => !route.hasParameters);
    const allowed = (exact.length > 0 ? exact : matching).map((route) => route.method);
    if (allowed.length > 0) {
      const allow = [...new Set(allowed)].join(', ');
      throw new MethodNotAllowedError(
        `${c.req.method} is not allowed on ${path}; use ${allow}`,
        { headers: { Allow: allow } },
      );
    }
    throw new NotFoundError(`no route for ${c.req.method} ${path}; see /api/openapi.json`);
  };
  app.all('*', unmatched);
  app.notFound((c) =>
    problemResponse(
      new NotFoundError(`no route for ${c.req.method} ${new URL(c.req.url).pathname}`),
      requestInstance(c),
    ),
  );
  app.onError(handleError);

  return app;
}

export { AppError };
