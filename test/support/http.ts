import type { TestStack } from './stack.js';

export interface ApiResponse<T = any> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
  readonly contentType: string;
}

export interface RequestOptions {
  /** Sends the stack's issuer key; a string sends that key instead. */
  readonly issuerKey?: boolean | string;
  readonly headers?: Record<string, string>;
  /** Raw body sent as is; otherwise `json` is serialized. */
  readonly rawBody?: string | Uint8Array;
  readonly json?: unknown;
}

/** Creates a small HTTP client for the API of a test stack. */
export function apiClient(stack: TestStack) {
  async function request<T = any>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.issuerKey) {
      headers['x-api-key'] =
        typeof options.issuerKey === 'string' ? options.issuerKey : stack.issuerApiKey;
    }
    let body: string | Uint8Array | undefined = options.rawBody;
    if (body === undefined && options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] ??= 'application/json';
    }

    const response = await fetch(`${stack.url}/api${path}`, {
      method,
      headers,
      body: body as BodyInit | undefined,
    });
    const contentType = response.headers.get('content-type') ?? '';
    const text = await response.text();
    const parsed = contentType.includes('json') && text ? JSON.parse(text) : text;

    return { status: response.status, headers: response.headers, body: parsed, contentType };
  }

  return {
    request,
    get: <T = any>(path: string, options?: RequestOptions) =>
      request<T>('GET', path, options),
    post: <T = any>(path: string, json: unknown, options?: RequestOptions) =>
      request<T>('POST', path, { ...options, json }),
    patch: <T = any>(path: string, json: unknown, options?: RequestOptions) =>
      request<T>('PATCH', path, { ...options, json }),
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

let sequence = 0;

/** Builds a valid self-registration with a unique email. */
export function registrationRequest(overrides: Record<string, unknown> = {}) {
  sequence += 1;

  return {
    email: `learner${sequence}-${Date.now()}@example.org`,
    fullName: 'María José Ñúñez',
    accountType: 'student',
    language: 'es',
    acceptTerms: true,
    ...overrides,
  };
}

/** Builds a valid issuance; pass `email` or `userId` to name the learner. */
export function issuanceRequest(overrides: Record<string, unknown> = {}) {
  return {
    courseId: 'course-v1:Acredita+DS101+2026',
    courseName: 'Ciencia de datos',
    completedAt: '2026-11-30',
    grade: 91.5,
    ...overrides,
  };
}
