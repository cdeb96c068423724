/**
 * HTTP client for the batch routes of the Acredita API, with retries of
 * transient failures. Every request carries an Idempotency-Key, so sending a
 * batch again after a lost response cannot apply it twice.
 */

/** Problem document (RFC 9457) returned by the API for an error. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
}

/** Result of one item of a batch, in request order. */
export interface BatchItemResult {
  index: number;
  status: number;
  problem?: Problem;
}

export interface BatchResponse {
  items: BatchItemResult[];
  /** True when the API replayed the stored response of an earlier request with the same key. */
  replayed: boolean;
}

export interface ApiClientOptions {
  /** Base URL of Acredita, such as `http://localhost:3000`; the API is under `/api`. */
  baseUrl: string;
  apiKey: string;
  /** Attempts per request, the first one included. */
  maxAttempts?: number;
  /** Time limit of one attempt, in milliseconds. */
  timeoutMs?: number;
  /** Maximum wait between attempts, in milliseconds, even when Retry-After requests more. */
  maxDelayMs?: number;
  /** Wait before the second attempt without Retry-After; it doubles for each later attempt. */
  baseDelayMs?: number;
  fetch?: typeof fetch;
  sleep?: (milliseconds: number) => Promise<void>;
  /** Called before each wait, for progress output. */
  onRetry?: (retry: RetryNotice) => void;
}

export interface RetryNotice {
  /** Attempt that failed, from 1. */
  attempt: number;
  maxAttempts: number;
  delayMs: number;
  /** Why the attempt failed, such as "HTTP 503" or "connect ECONNREFUSED 127.0.0.1:3000". */
  reason: string;
}

/** Base class of the errors of a batch request that the client did not retry or gave up on. */
export class ApiError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The API refused the issuer key (401 or 403); no later batch can succeed either. */
export class ApiAuthError extends ApiError {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    const detail = problem?.detail ?? problem?.title ?? 'no detail';
    // The local server's detail names ISSUER_API_KEY already, but API Gateway's does not.
    const fix = detail.includes('ISSUER_API_KEY') ? '' : '; check ISSUER_API_KEY';
    super(`the API rejected the issuer key (HTTP ${status}: ${detail})${fix}`);
  }
}

/** The API could not be reached, or returned a transient error, on every attempt. */
export class ApiUnavailableError extends ApiError {}

/** The API rejected the whole batch with a status that a retry cannot change, such as 413. */
export class ApiRequestError extends ApiError {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    const detail = problem?.detail ?? problem?.title ?? 'no detail';
    super(`the API rejected the whole batch (HTTP ${status}: ${detail})`);
  }
}

/**
 * Statuses worth another attempt: rate limiting, the gateway or database
 * being unavailable, and 409, which the batch routes return for the whole
 * request only while an earlier request with the same Idempotency-Key is in
 * progress.
 */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([409, 429, 502, 503, 504]);

const DEFAULTS = {
  maxAttempts: 5,
  timeoutMs: 30_000,
  maxDelayMs: 60_000,
  baseDelayMs: 1_000,
} as const;

export class ApiClient {
  private readonly baseUrl: string;
  private readonly apiKey: string;
  private readonly maxAttempts: number;
  private readonly timeoutMs: number;
  private readonly maxDelayMs: number;
  private readonly baseDelayMs: number;
  private readonly fetch: typeof fetch;
  private readonly sleep: (milliseconds: number) => Promise<void>;
  private readonly onRetry: ((retry: RetryNotice) => void) | undefined;

  constructor(options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.apiKey = options.apiKey;
    this.maxAttempts = options.maxAttempts ?? DEFAULTS.maxAttempts;
    this.timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
    this.maxDelayMs = options.maxDelayMs ?? DEFAULTS.maxDelayMs;
    this.baseDelayMs = options.baseDelayMs ?? DEFAULTS.baseDelayMs;
    this.fetch = options.fetch ?? globalThis.fetch;
    this.sleep = options.sleep ?? sleep;
    this.onRetry = options.onRetry;
  }

  /**
   * Posts `{ items }` to a batch route such as `/api/registros/lote` and
   * returns the per-item results. Retries network errors, time-outs and the
   * statuses in RETRYABLE_STATUSES, waiting as Retry-After requests or with
   * exponential backoff. Raises ApiAuthError, ApiRequestError or, when every
   * attempt fails, ApiUnavailableError.
   */
  async postBatch(
    path: string,
    items: readonly unknown[],
    idempotencyKey: string,
  ): Promise<BatchResponse> {
    const url = `${this.baseUrl}${path}`;
    const body = JSON.stringify({ items });

    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.attempt(url, body, idempotencyKey);
      if (outcome.kind === 'done') {
        return parseBatchResponse(outcome.response, await readJson(outcome.response), items.length);
      }

      if (attempt >= this.maxAttempts) {
        throw new ApiUnavailableError(
          `the API at ${this.baseUrl} failed ${attempt} times (last: ${outcome.reason}); ` +
            'check ACREDITA_URL and that the API is running, then run the import again',
          { cause: outcome.cause },
        );
      }
      const delayMs = this.delayBefore(attempt + 1, outcome.retryAfter);
      this.onRetry?.({ attempt, maxAttempts: this.maxAttempts, delayMs, reason: outcome.reason });
      await this.sleep(delayMs);
    }
  }

  private async attempt(
    url: string,
    body: string,
    idempotencyKey: string,
  ): Promise<
    | { kind: 'done'; response: Response }
    | { kind: 'retry'; reason: string; retryAfter?: string | null; cause?: unknown }
  > {
    let response: Response;
    try {
      response = await this.fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, application/problem+json',
          'x-api-key': this.apiKey,
          'idempotency-key': idempotencyKey,
        },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      return { kind: 'retry', reason: describeFetchError(error, this.timeoutMs), cause: error };
    }

    if (RETRYABLE_STATUSES.has(response.status)) {
      const problem = await readProblem(response);
      const detail = problem?.detail === undefined ? '' : `: ${problem.detail}`;

      return {
        kind: 'retry',
        reason: `HTTP ${response.status}${detail}`,
        retryAfter: response.headers.get('retry-after'),
      };
    }
    if (response.status === 401 || response.status === 403) {
      throw new ApiAuthError(response.status, await readProblem(response));
    }
    if (response.status !== 200) {
      throw new ApiRequestError(response.status, await readProblem(response));
    }

    return { kind: 'done', response };
  }

  /** Wait before an attempt: Retry-After when the API sent one, else backoff with jitter. */
  private delayBefore(attempt: number, retryAfter: string | null | undefined): number {
    const requested = parseRetryAfter(retryAfter);
    if (requested !== undefined) {
      return Math.min(requested, this.maxDelayMs);
    }

    const exponential = this.baseDelayMs * 2 ** (attempt - 2);
    // Up to 20% of random spread, so parallel imports do not retry in step.
    const jitter = exponential * 0.2 * Math.random();

    return Math.min(Math.round(exponential + jitter), this.maxDelayMs);
  }
}

/**
 * Converts a Retry-After value, either delay seconds or an HTTP date, to
 * milliseconds. Returns undefined when it is missing or unreadable.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value === undefined || value.trim() === '') {
    return undefined;
  }

  const text = value.trim();
  if (/^\d+$/.test(text)) {
    return Number(text) * 1000;
  }
  const date = Date.parse(text);
  if (Number.isNaN(date)) {
    return undefined;
  }

  return Math.max(0, date - now);
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return `no response within ${timeoutMs / 1000} s`;
  }
  // Node's fetch raises TypeError("fetch failed") with the socket error as the cause.
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error && cause.message !== '') {
    return cause.message;
  }

  return error instanceof Error ? error.message : String(error);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function readProblem(response: Response): Promise<Problem | undefined> {
  const body = await readJson(response);
  if (typeof body !== 'object' || body === null) {
    return undefined;
  }

  const problem = body as Problem & { message?: unknown };
  // API Gateway rejects a request before it reaches the API with a body such
  // as {"message": "Forbidden"}, not a problem document.
  if (problem.detail === undefined && typeof problem.message === 'string') {
    return { ...problem, detail: problem.message };
  }

  return problem;
}

function parseBatchResponse(response: Response, body: unknown, itemCount: number): BatchResponse {
  const items = (body as { items?: unknown } | undefined)?.items;
  const isWellFormed =
    Array.isArray(items) &&
    items.length === itemCount &&
    items.every(
      (item: unknown) =>
        typeof item === 'object' &&
        item !== null &&
        Number.isInteger((item as BatchItemResult).index) &&
        Number.isInteger((item as BatchItemResult).status),
    );
  if (!isWellFormed) {
    throw new ApiRequestError(200, {
      detail: `the batch response does not have one result per item (${itemCount} sent)`,
    });
  }

  return {
    items: items as BatchItemResult[],
    replayed: response.headers.get('idempotent-replayed') === 'true',
  };
}
