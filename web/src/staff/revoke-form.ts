import {
  ApiError,
  AttemptKey,
  isAuthError,
  request,
  type Certificate,
  type PublicCertificate,
} from '../api.js';
import { h, type Attributes } from '../dom.js';
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
import { formatDateTime, t, text, type MessageKey } from '../i18n.js';
import { checkCertificateId, checkRevocationReason } from '../validation.js';
import type { StaffContext } from './context.js';

/** A certificate that was looked up and the reason that confirming would publish. */
interface PendingRevocation {
  certificate: PublicCertificate;
  reason: string;
}

function previewRow(list: HTMLDListElement, label: MessageKey, value: string, attributes: Attributes = {}): void {
  list.append(text('dt', label), h('dd', attributes, value));
}

/**
 * Revocation in two steps, because it is permanent: the first button looks
 * the certificate up and shows whose it is, and only the confirmation in that
 * preview sends the PATCH.
 */
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
  const button = submitButton('staff.revoke.review');
  const form = h(
    'form',
    { novalidate: true, class: 'form' },
    certificateId.wrapper,
    reason.wrapper,
    message.element,
    h('div', { class: 'actions' }, button),
  );
  const preview = h('div', {
    class: 'revoke-preview',
    role: 'group',
    tabindex: -1,
    'aria-labelledby': 'revoke-preview-heading',
    hidden: true,
  });
  const attemptKey = new AttemptKey();
  const runLookup = busyGuard(form, button, 'staff.revoke.reviewing', message);
  let pending: PendingRevocation | undefined;

  const closePreview = (): void => {
    pending = undefined;
    preview.hidden = true;
    preview.replaceChildren();
  };

  const revoke = async (): Promise<void> => {
    const issuerKey = context.issuerKey();
    if (pending === undefined || issuerKey === undefined) {
      return;
    }
    message.clear();
    const id = pending.certificate.certificateId;
    const body = { status: 'REVOKED', reason: pending.reason };
    try {
      const { data } = await request<Certificate>('PATCH', `/certificados/${encodeURIComponent(id)}`, {
        body,
        issuerKey,
        // The key covers the path too, so the same reason for another certificate gets a new one.
        idempotencyKey: attemptKey.keyFor({ id, ...body }),
        signal: context.signal,
      });
      attemptKey.settle();
      closePreview();
      const revokedAt = data.revokedAt ?? new Date().toISOString();
      message.show('success', () =>
        t('staff.revoke.done', { id: data.certificateId, date: formatDateTime(revokedAt) }),
      );
      certificateId.control.focus();
    } catch (error) {
      if (context.signal.aborted) {
        return;
      }
      attemptKey.settle(error);
      if (isAuthError(error)) {
        closePreview();
        context.rejectKey(error);

        return;
      }
      if (error instanceof ApiError && (error.status === 404 || error.is('certificate-revoked'))) {
        closePreview();
        message.show('error', () =>
          t(error.status === 404 ? 'staff.revoke.notFound' : 'staff.revoke.alreadyRevoked'),
        );
        certificateId.control.focus();

        return;
      }
      // The preview stays, so the same confirmation can be sent again.
      message.show('error', () => describeFailure(error));
    }
  };

  const showPreview = (next: PendingRevocation): void => {
    pending = next;
    const { certificate } = next;
    const details = h('dl', { class: 'details' });
    previewRow(details, 'verify.holder', certificate.holderName, { dir: 'auto', class: 'holder' });
    previewRow(details, 'verify.course', certificate.courseName, { dir: 'auto' });
    previewRow(details, 'verify.courseId', certificate.courseId, { class: 'break mono' });
    details.append(text('dt', 'staff.revoke.status'), text('dd', 'verify.status.issued'));
    previewRow(details, 'verify.certificateId', certificate.certificateId, { class: 'break mono' });
    previewRow(details, 'staff.revoke.reason', next.reason, { dir: 'auto', class: 'break' });

    const confirm = text('button', 'staff.revoke.confirm', { type: 'submit', class: 'button button-danger' });
    const cancel = text('button', 'staff.revoke.cancel', { type: 'button', class: 'button button-secondary' });
    const confirmForm = h('form', { novalidate: true }, h('div', { class: 'actions' }, confirm, cancel));
    const runRevoke = busyGuard(confirmForm, confirm, 'staff.revoke.submitting', message);
    confirmForm.addEventListener('submit', (event) => {
      event.preventDefault();
      void runRevoke(revoke, 'staff.revoke.confirm');
    });
    cancel.addEventListener('click', () => {
      closePreview();
      message.clear();
      button.focus();
    });

    preview.replaceChildren(
      text('h3', 'staff.revoke.previewTitle', { id: 'revoke-preview-heading' }),
      text('p', 'staff.revoke.previewBody', { id: 'revoke-preview-body' }),
      details,
      confirmForm,
    );
    preview.setAttribute('aria-describedby', 'revoke-preview-body');
    preview.hidden = false;
    // Focus on the group makes screen readers read its name and description.
    preview.focus();
  };

  const lookUp = async (): Promise<void> => {
    message.clear();
    closePreview();
    const id = checkCertificateId(certificateId.control.value);
    const checkedReason = checkRevocationReason(reason.control.value);
    applyCheck(certificateId, id);
    applyCheck(reason, checkedReason);
    if (!id.ok || !checkedReason.ok || context.issuerKey() === undefined) {
      message.show('error', () => t('form.fixErrors'));
      focusFirstError([certificateId, reason]);

      return;
    }
    let certificate: PublicCertificate;
    try {
      ({ data: certificate } = await request<PublicCertificate>(
        'GET',
        `/certificados/${encodeURIComponent(id.value)}`,
        { signal: context.signal },
      ));
    } catch (error) {
      if (context.signal.aborted) {
        return;
      }
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
        certificateId.setError('staff.revoke.notFound');
        message.show('error', () => t('staff.revoke.notFound'));
        certificateId.control.focus();

        return;
      }
      message.show('error', () => describeFailure(error));

      return;
    }
    if (certificate.status !== 'ISSUED') {
      message.show('error', () => t('staff.revoke.alreadyRevoked'));
      certificateId.control.focus();

      return;
    }
    showPreview({ certificate, reason: checkedReason.value });
  };

  // A preview describes the values it was made from, so editing them discards it.
  form.addEventListener('input', () => {
    if (pending !== undefined) {
      closePreview();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void runLookup(lookUp, 'staff.revoke.review');
  });

  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'revoke-heading' },
    text('h2', 'staff.revoke.title', { id: 'revoke-heading' }),
    form,
    preview,
  );
}
