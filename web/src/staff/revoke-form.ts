import { ApiError, AttemptKey, isAuthError, request, type Certificate } from '../api.js';
import { h } from '../dom.js';
import { describeFailure } from '../failures.js';
import {
  applyCheck,
  busyGuard,
  focusFirstError,
  inputField,
  notice,
  submitButton,
  textareaField,
} from '../forms.js';
import { formatDateTime, t, text } from '../i18n.js';
import { checkCertificateId, checkRevocationReason } from '../validation.js';
import type { StaffContext } from './context.js';

export function revokeSection(context: StaffContext): HTMLElement {
  const certificateId = inputField({
    id: 'revoke-id',
    label: 'staff.revoke.certificateId',
    attributes: { autocomplete: 'off', spellcheck: 'false', autocapitalize: 'characters', required: true, class: 'mono' },
  });
  const reason = textareaField({
    id: 'revoke-reason',
    label: 'staff.revoke.reason',
    hint: 'staff.revoke.reasonHint',
    attributes: { required: true },
  });
  const message = notice('alert');
  const button = submitButton('staff.revoke.submit');
  button.classList.add('button-danger');
  const form = h(
    'form',
    { novalidate: true, class: 'form' },
    certificateId.wrapper,
    reason.wrapper,
    message.element,
    h('div', { class: 'actions' }, button),
  );
  const attemptKey = new AttemptKey();
  const runBusy = busyGuard(form, button, 'staff.revoke.submitting');

  const submit = async (): Promise<void> => {
    message.clear();
    const id = checkCertificateId(certificateId.control.value);
    const checkedReason = checkRevocationReason(reason.control.value);
    applyCheck(certificateId, id);
    applyCheck(reason, checkedReason);
    const issuerKey = context.issuerKey();
    if (!id.ok || !checkedReason.ok || issuerKey === undefined) {
      message.show('error', () => t('form.fixErrors'));
      focusFirstError([certificateId, reason]);

      return;
    }
    const body = { status: 'REVOKED', reason: checkedReason.value };
    try {
      const { data } = await request<Certificate>('PATCH', `/certificados/${encodeURIComponent(id.value)}`, {
        body,
        issuerKey,
        // The key covers the path too, so the same reason for another certificate gets a new one.
        idempotencyKey: attemptKey.keyFor({ id: id.value, ...body }),
        signal: context.signal,
      });
      attemptKey.settle();
      const revokedAt = data.revokedAt ?? new Date().toISOString();
      message.show('success', () =>
        t('staff.revoke.done', { id: data.certificateId, date: formatDateTime(revokedAt) }),
      );
    } catch (error) {
      if (context.signal.aborted) {
        return;
      }
      attemptKey.settle(error);
      if (isAuthError(error)) {
        context.rejectKey(error);

        return;
      }
      if (error instanceof ApiError && error.status === 404) {
        certificateId.setError('staff.revoke.notFound');
        message.show('error', () => t('staff.revoke.notFound'));
        certificateId.control.focus();

        return;
      }
      if (error instanceof ApiError && error.is('certificate-revoked')) {
        message.show('error', () => t('staff.revoke.alreadyRevoked'));

        return;
      }
      message.show('error', () => describeFailure(error));
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void runBusy(submit, 'staff.revoke.submit');
  });

  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'revoke-heading' },
    text('h2', 'staff.revoke.title', { id: 'revoke-heading' }),
    form,
  );
}
