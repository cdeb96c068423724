import { describe, expect, it } from 'vitest';

import { CHROMIUM_PATH, requireChromium } from './support/harness.js';

// The other browser test files stop in beforeAll without Chromium, which
// vitest reports as a failed file with skipped tests; this one fails as a test.
describe('browser test setup', () => {
  it('finds Chromium', () => {
    expect(CHROMIUM_PATH).not.toBe('');
    requireChromium();
  });
});
