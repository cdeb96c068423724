/**
 * Client for the Acredita API under `/api`, as described in docs/api.md. Every
 * call resolves to the parsed body on 2xx and throws ApiError or NetworkError
 * otherwise, so pages only deal with the cases they can act on.
 */

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

/** The server answered with a status outside 2xx. */
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

/** The request got no answer: offline, refused, timed out or not JSON. */
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

function combineSignals(signal: AbortSignal | undefined): AbortSignal {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);

  return signal ? AbortSignal.any([signal, timeout]) : timeout;
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

  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: combineSignals(options.signal),
      credentials: 'same-origin',
    });
  } catch (error) {
    if (options.signal?.aborted) {
      throw error;
    }
    throw new NetworkError(`${method} /api${path} got no response`, { cause: error });
  }

  let data: unknown;
  try {
    const body = await response.text();
    data = body === '' ? undefined : JSON.parse(body);
  } catch (error) {
    if (response.ok) {
      throw new NetworkError(`${method} /api${path} returned a body that is not JSON`, {
        cause: error,
      });
    }
    // A proxy or gateway error page: keep the status, drop the body.
    data = undefined;
  }

  if (!response.ok) {
    const problem = typeof data === 'object' && data !== null ? (data as Problem) : {};
    throw new ApiError(response.status, problem, parseRetryAfter(response.headers.get('Retry-After')));
  }

  return { status: response.status, data: data as T };
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
 * an answer that may be repeated (network failure, 5xx, key in progress)
 * reuses the key, so a retry cannot create a second record. Any other body,
 * or the same body after a final answer, gets a new key.
 */
export class AttemptKey {
  private pending: { body: string; key: string } | undefined;

  keyFor(body: unknown): string {
    const serialized = JSON.stringify(body);
    if (this.pending?.body !== serialized) {
      this.pending = { body: serialized, key: crypto.randomUUID() };
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
