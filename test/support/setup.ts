import { afterAll, beforeAll } from 'vitest';

import { apiClient, type ApiClient } from './http.js';
import { startTestStack, type TestStack, type TestStackOptions } from './stack.js';

export interface StackContext {
  stack: TestStack;
  api: ApiClient;
}

/**
 * Starts a fresh test stack before the tests of the file and stops it after
 * them. The returned object is filled in once `beforeAll` has run.
 */
export function useTestStack(options?: TestStackOptions): StackContext {
  const context = {} as StackContext;
  beforeAll(async () => {
    context.stack = await startTestStack(options);
    context.api = apiClient(context.stack);
  });
  afterAll(async () => {
    await context.stack?.close();
  });

  return context;
}
