import { describe, expect, it } from 'vitest';

import { CHROMIUM_PATH, requireChromium } from './support/harness.js';

// Without Chromium, the other browser test files stop in beforeAll, and vitest
// reports each as a failed file with skipped tests. This test fails by itself.
describe('browser test setup', () => {
  it('finds Chromium', () => {
    expect(CHROMIUM_PATH).not.toBe('');
    requireChromium();
  });
});
