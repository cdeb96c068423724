/**
 * Client for the Acredita API under `/api`, as described in docs/api.md. Every
 * call resolves to the parsed body on 2xx and throws ApiError or NetworkError
 * otherwise, so pages only deal with the cases they can act on.
 */

import { randomUuid } from './random-uuid.js';

export type AccountType = 'student' | 'instructor';

export interface RegistrationRequest {
  email: string;
  fullName: string;
  accountType: AccountType;
  language: string;
  acceptTerms: boolean;
}

export interface Registration {
  userId: string;
  email: string;
  fullName: string;
  accountType: AccountType;
  language: string;
  status: string;
  source: 'self' | 'staff';
  createdAt: string;
  termsAcceptedAt?: string;
}

export type IssuanceRequest = (
  | { email: string; userId?: never }
  | { userId: string; email?: never }
) & {
  courseId: string;
  courseName: string;
  completedAt: string;
  grade?: number;
};

export type CertificateStatus = 'ISSUED' | 'REVOKED';

export interface Certificate {
  certificateId: string;
  userId: string;
  holderName: string;
  courseId: string;
  courseName: string;
  completedAt: string;
  grade?: number;
  issuedAt: string;
  status: CertificateStatus;
  verificationUrl: string;
  revokedAt?: string;
  revocationReason?: string;
}

/** Public verification: a certificate without email, user id or grade. */
export type PublicCertificate = Omit<Certificate, 'userId' | 'grade'>;

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

export interface BatchItemResult {
  index: number;
  status: number;
  certificate?: Certificate;
  registration?: Registration;
  problem?: Problem;
}

export interface BatchAnswer {
  items: BatchItemResult[];
  summary: { created: number; existing: number; rejected: number };
}

export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** A response with a status outside 2xx. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Seconds from the `Retry-After` header, when the server sent one. */
  readonly retryAfter: number | undefined;

  constructor(status: number, problem: Problem, retryAfter?: number) {
    super(problem.detail ?? problem.title ?? `request failed with status ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  /** Tells whether the problem type ends with `name`, such as `email-already-registered`. */
  is(name: string): boolean {
    const type = this.problem.type ?? '';

    return type === name || type.endsWith(`/${name}`);
  }
}

/** A request without a usable response: the connection failed or timed out, or a 2xx body was not JSON. */
export class NetworkError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NetworkError';
  }
}

export interface RequestOptions {
  body?: unknown;
  issuerKey?: string;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  status: number;
  data: T;
}

const REQUEST_TIMEOUT_MS = 20_000;

function parseRetryAfter(header: string | null): number | undefined {
  if (header === null) {
    return undefined;
  }
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) {
    return seconds;
  }
  const date = Date.parse(header);

  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * Aborts when the caller's signal aborts or after REQUEST_TIMEOUT_MS. Built
 * by hand because AbortSignal.any is missing from browsers before 2024.
 */
function requestSignal(signal: AbortSignal | undefined): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('request timed out', 'TimeoutError')),
    REQUEST_TIMEOUT_MS,
  );
  const forward = () => controller.abort(signal?.reason);
  if (signal?.aborted) {
    forward();
  }
  signal?.addEventListener('abort', forward, { once: true });

  return {
    signal: controller.signal,
    release() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
    },
  };
}

/** Sends one request to `/api{path}`; a body is sent as JSON. */
export async function request<T>(
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (options.issuerKey !== undefined) {
    headers['x-api-key'] = options.issuerKey;
  }
  if (options.idempotencyKey !== undefined) {
    headers['Idempotency-Key'] = options.idempotencyKey;
  }

  const { signal, release } = requestSignal(options.signal);
  let response: Response;
  let data: unknown;
  try {
    try {
      response = await fetch(`/api${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal,
        credentials: 'same-origin',
      });
    } catch (error) {
      if (options.signal?.aborted) {
        throw error;
      }
      throw new NetworkError(`${method} /api${path} got no response`, { cause: error });
    }
    data = await readBody(response, `${method} /api${path}`);
  } finally {
    release();
  }

  if (!response.ok) {
    const problem = typeof data === 'object' && data !== null ? (data as Problem) : {};
    throw new ApiError(response.status, problem, parseRetryAfter(response.headers.get('Retry-After')));
  }

  return { status: response.status, data: data as T };
}

/** Parses a JSON body; an error page that is not JSON leaves only the status. */
async function readBody(response: Response, label: string): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new NetworkError(`${label} lost the connection while reading the response`, { cause: error });
  }
  if (text === '') {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    if (response.ok) {
      throw new NetworkError(`${label} returned a body that is not JSON`, { cause: error });
    }

    return undefined;
  }
}

/** Tells whether the issuer key was missing (401) or not accepted (403). */
export function isAuthError(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.status === 403);
}

/** Tells whether repeating the same request later may succeed. */
export function isTransient(error: unknown): boolean {
  if (error instanceof NetworkError) {
    return true;
  }
  if (!(error instanceof ApiError)) {
    return false;
  }

  return error.status >= 500 || error.status === 429 || error.is('idempotency-in-progress');
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * Idempotency-Key per submission attempt. Sending the same body again after
 * a failure that a retry may fix (network failure, 5xx, key in progress)
 * reuses the key, so a retry cannot create a second record. Any other body,
 * or the same body after a final response, gets a new key.
 */
export class AttemptKey {
  private pending: { body: string; key: string } | undefined;

  keyFor(body: unknown): string {
    const serialized = JSON.stringify(body);
    if (this.pending?.body !== serialized) {
      this.pending = { body: serialized, key: randomUuid() };
    }

    return this.pending.key;
  }

  /** Records the outcome of the attempt; pass the error when it failed. */
  settle(error?: unknown): void {
    if (error === undefined || !isTransient(error)) {
      this.pending = undefined;
    }
  }
}
