/**
 * Domain errors. Each carries the HTTP status and problem type it maps to, so
 * the mapping to `application/problem+json` happens in one place (problem.ts).
 */

export interface FieldError {
  /** Dotted path of the value that failed, such as `items.3.email`. */
  readonly field: string;
  readonly message: string;
}

export interface AppErrorOptions {
  readonly cause?: unknown;
  readonly headers?: Record<string, string>;
  /** Extra members added to the problem document. */
  readonly extensions?: Record<string, unknown>;
}

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly type: string;
  abstract readonly title: string;
  readonly headers: Record<string, string>;
  readonly extensions: Record<string, unknown>;

  constructor(detail: string, options: AppErrorOptions = {}) {
    super(detail, { cause: options.cause });
    this.name = new.target.name;
    this.headers = options.headers ?? {};
    this.extensions = options.extensions ?? {};
  }
}

export class ValidationError extends AppError {
  readonly status = 400;
  readonly type = 'validation';
  readonly title = 'Invalid request';
  readonly errors: readonly FieldError[];

  constructor(errors: readonly FieldError[], options: AppErrorOptions = {}) {
    super(
      errors.map((error) => `${error.field}: ${error.message}`).join('; '),
      options,
    );
    this.errors = errors;
  }
}

export class MalformedRequestError extends AppError {
  readonly status = 400;
  readonly type = 'malformed-request';
  readonly title = 'Malformed request';
}

export class MissingApiKeyError extends AppError {
  readonly status = 401;
  readonly type = 'missing-api-key';
  readonly title = 'Issuer key required';
}

export class InvalidApiKeyError extends AppError {
  readonly status = 403;
  readonly type = 'invalid-api-key';
  readonly title = 'Issuer key not accepted';
}

export class NotFoundError extends AppError {
  readonly status = 404;
  readonly type = 'not-found';
  readonly title = 'Not found';
}

export class MethodNotAllowedError extends AppError {
  readonly status = 405;
  readonly type = 'method-not-allowed';
  readonly title = 'Method not allowed';
}

export class EmailAlreadyRegisteredError extends AppError {
  readonly status = 409;
  readonly type = 'email-already-registered';
  readonly title = 'Email already registered';
}

export class CertificateRevokedError extends AppError {
  readonly status = 409;
  readonly type = 'certificate-revoked';
  readonly title = 'Certificate revoked';
}

export class IdempotencyInProgressError extends AppError {
  readonly status = 409;
  readonly type = 'idempotency-in-progress';
  readonly title = 'Request with this Idempotency-Key in progress';
}

export class PayloadTooLargeError extends AppError {
  readonly status = 413;
  readonly type = 'payload-too-large';
  readonly title = 'Request body too large';
}

export class UnsupportedMediaTypeError extends AppError {
  readonly status = 415;
  readonly type = 'unsupported-media-type';
  readonly title = 'Unsupported media type';
}

export class UserNotRegisteredError extends AppError {
  readonly status = 422;
  readonly type = 'user-not-registered';
  readonly title = 'User not registered';
}

export class IdempotencyKeyReusedError extends AppError {
  readonly status = 422;
  readonly type = 'idempotency-key-reused';
  readonly title = 'Idempotency-Key reused with a different request';
}

export class DatabaseUnavailableError extends AppError {
  readonly status = 503;
  readonly type = 'database-unavailable';
  readonly title = 'Database unavailable';

  constructor(detail: string, options: AppErrorOptions = {}) {
    super(detail, {
      ...options,
      headers: { 'Retry-After': '2', ...options.headers },
    });
  }
}

export class ShuttingDownError extends AppError {
  readonly status = 503;
  readonly type = 'shutting-down';
  readonly title = 'Server shutting down';

  constructor(detail: string, options: AppErrorOptions = {}) {
    super(detail, {
      ...options,
      headers: { 'Retry-After': '5', Connection: 'close', ...options.headers },
    });
  }
}
