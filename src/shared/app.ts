import { randomUUID } from 'node:crypto';

import type { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';

import type { IssuerKeyCheck } from './auth.js';
import type { ApiConfig } from './config.js';
import {
  AppError,
  NotFoundError,
  PayloadTooLargeError,
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

/**
 * Creates the HTTP application of one or more modules, with the middleware
 * that every route shares: request ids, structured access logs, the body size
 * limit and the mapping of errors to `application/problem+json`.
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

  for (const module of modules) {
    module.register(app, dependencies);
  }

  app.notFound((c) =>
    problemResponse(
      new NotFoundError(
        `no route for ${c.req.method} ${new URL(c.req.url).pathname}; see /api/openapi.json`,
      ),
      requestInstance(c),
    ),
  );
  app.onError(handleError);

  return app;
}

export { AppError };
