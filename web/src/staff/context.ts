/** Page services that each staff tool uses. */
export interface StaffContext {
  readonly signal: AbortSignal;
  /** The issuer key, or undefined while the page prompts for it. */
  issuerKey(): string | undefined;
  /** Forgets the key and prompts for it again after a 401 or 403. */
  rejectKey(error: unknown): void;
}
