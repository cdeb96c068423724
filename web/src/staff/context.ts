/** What each staff tool needs from the page around it. */
export interface StaffContext {
  readonly signal: AbortSignal;
  /** The issuer key, or undefined while the page asks for it. */
  issuerKey(): string | undefined;
  /** Forgets the key and asks for it again after a 401 or 403. */
  rejectKey(error: unknown): void;
}
