import { ApiError, NetworkError } from './api.js';
import { t } from './i18n.js';

/** Explains a failed request in a sentence with the next step for the reader. */
export function describeFailure(error: unknown): string {
  if (error instanceof NetworkError) {
    return t('error.network');
  }
  if (!(error instanceof ApiError)) {
    return t('error.unexpected');
  }
  if (error.is('idempotency-in-progress')) {
    return t('error.inProgress');
  }
  if (error.status === 503) {
    return error.retryAfter === undefined
      ? t('error.unavailable')
      : t('error.unavailableRetry', { seconds: error.retryAfter });
  }
  if (error.status >= 500) {
    return t('error.server');
  }
  if (error.status === 413) {
    return t('error.tooLarge');
  }

  return t('error.rejected', { detail: error.problem.detail ?? error.problem.title ?? String(error.status) });
}
