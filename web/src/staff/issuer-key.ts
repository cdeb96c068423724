const STORAGE_KEY = 'acredita.issuerKey';

/**
 * Reads the issuer key. It lives in sessionStorage only, so it is gone when
 * the tab closes and never reaches localStorage or a cookie.
 */
export function readIssuerKey(): string | undefined {
  try {
    return sessionStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function storeIssuerKey(key: string): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, key);
  } catch {
    // Without storage the key is kept for this page view only, by the caller.
  }
}

export function forgetIssuerKey(): void {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing was stored.
  }
}
