import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';

import {
  AppError,
  MalformedRequestError,
  MethodNotAllowedError,
  UnsupportedMediaTypeError,
  ValidationError,
  type FieldError,
} from './errors.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const PROBLEM_TYPE_BASE = 'https://acredita.dev/problems/';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
}

/** Builds the RFC 9457 problem document of a domain error. */
export function toProblem(error: AppError, instance?: string): Problem {
  const problem: Problem = {
    ...error.extensions,
    type: PROBLEM_TYPE_BASE + error.type,
    title: error.title,
    status: error.status,
    detail: error.message,
  };
  if (instance) {
    problem.instance = instance;
  }
  if (error instanceof ValidationError) {
    problem.errors = [...error.errors];
  }

  return problem;
}

export function problemResponse(error: AppError, instance?: string): Response {
  return new Response(JSON.stringify(toProblem(error, instance)), {
    status: error.status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, ...error.headers },
  });
}

/** Renders a path such as `['items', 3, 'email']` as `items.3.email`. */
function fieldPath(path: readonly PropertyKey[], prefix?: string): string {
  const parts = [prefix, ...path.map(String)].filter(Boolean);

  return parts.length > 0 ? parts.join('.') : '(body)';
}

/** Turns zod issues into one field error per failed value. */
export function fieldErrorsFromZod(error: ZodError, prefix?: string): FieldError[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: fieldPath([...issue.path, key], prefix),
        message: 'is not a known field; remove it',
      }));
    }

    return [{ field: fieldPath(issue.path, prefix), message: issue.message }];
  });
}

/** Maps framework errors raised before a handler runs to domain errors. */
export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) {
    return error;
  }
  if (error instanceof HTTPException) {
    if (error.status === 415) {
      return new UnsupportedMediaTypeError(
        'the body must be JSON; send the header Content-Type: application/json',
      );
    }
    if (error.status === 405) {
      return new MethodNotAllowedError(error.message);
    }
    if (error.status === 400) {
      return new MalformedRequestError(
        'the body is not valid JSON; check quotes, commas and brackets',
      );
    }
  }

  return undefined;
}

export function requestInstance(c: Context): string {
  return new URL(c.req.url).pathname;
}
