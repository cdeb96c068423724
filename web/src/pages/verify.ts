import { ApiError, isAbort, request, type PublicCertificate } from '../api.js';
import { h } from '../dom.js';
import { describeFailure } from '../failures.js';
import { bindText, formatDate, formatDateTime, setText, t, text, type MessageKey } from '../i18n.js';
import { inputField, notice, submitButton } from '../forms.js';
import type { Page, PageContext } from '../router.js';
import { checkCertificateId } from '../validation.js';

const STATUS_LABELS: Record<string, MessageKey> = {
  ISSUED: 'verify.status.issued',
  REVOKED: 'verify.status.revoked',
};

function detailRow(list: HTMLDListElement, label: MessageKey, value: HTMLElement): void {
  list.append(text('dt', label), value);
}

function dateValue(value: string, format: (value: string) => string): HTMLElement {
  const element = h('dd');
  bindText(element, () => format(value));

  return element;
}

/** Renders a verified certificate; a revocation comes first, where it cannot be missed. */
export function certificateCard(certificate: PublicCertificate): HTMLElement {
  const revoked = certificate.status === 'REVOKED';
  const card = h('article', {
    class: revoked ? 'certificate certificate-revoked' : 'certificate',
    'aria-labelledby': 'certificate-status',
  });

  const status = h('h2', { id: 'certificate-status', class: 'certificate-status' });
  const statusKey = STATUS_LABELS[certificate.status];
  bindText(status, () => (statusKey ? t(statusKey) : t('verify.status.other', { status: certificate.status })));
  card.append(status);

  if (revoked) {
    const revocation = h('div', { class: 'revocation' });
    revocation.append(text('p', 'verify.revokedExplanation'));
    const revocationDetails = h('dl', { class: 'details' });
    if (certificate.revokedAt) {
      detailRow(revocationDetails, 'verify.revokedAt', dateValue(certificate.revokedAt, formatDateTime));
    }
    const reason = h('dd', { dir: 'auto' });
    if (certificate.revocationReason) {
      reason.textContent = certificate.revocationReason;
    } else {
      setText(reason, 'verify.noReason');
    }
    detailRow(revocationDetails, 'verify.revocationReason', reason);
    revocation.append(revocationDetails);
    card.append(revocation);
  } else if (statusKey) {
    card.append(text('p', 'verify.validExplanation'));
  }

  const details = h('dl', { class: 'details' });
  detailRow(details, 'verify.holder', h('dd', { dir: 'auto', class: 'holder' }, certificate.holderName));
  detailRow(details, 'verify.course', h('dd', { dir: 'auto' }, certificate.courseName));
  detailRow(details, 'verify.courseId', h('dd', { class: 'break mono' }, certificate.courseId));
  detailRow(details, 'verify.completedAt', dateValue(certificate.completedAt, formatDate));
  detailRow(details, 'verify.issuedAt', dateValue(certificate.issuedAt, formatDate));
  detailRow(details, 'verify.certificateId', h('dd', { class: 'break mono' }, certificate.certificateId));
  card.append(details);
  // TODO: link the PDF download and the LinkedIn share here once certificates have them.

  return card;
}

/** Builds the form that turns a typed code into the certificate's deep link. */
function codeForm(context: PageContext): HTMLFormElement {
  const code = inputField({
    id: 'verify-code',
    label: 'verify.code',
    hint: 'verify.codeHint',
    attributes: {
      autocomplete: 'off',
      autocapitalize: 'characters',
      spellcheck: 'false',
      required: true,
      class: 'mono',
    },
  });
  const form = h(
    'form',
    { novalidate: true, class: 'form form-inline', role: 'search' },
    code.wrapper,
    h('div', { class: 'actions' }, submitButton('verify.submit')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const checked = checkCertificateId(code.control.value);
    if (!checked.ok) {
      code.setError(checked.error);
      code.control.focus();

      return;
    }
    code.clearError();
    context.navigate(`/verificar/${encodeURIComponent(checked.value)}`);
  });

  return form;
}

async function loadCertificate(
  certificateId: string,
  result: HTMLElement,
  context: PageContext,
): Promise<void> {
  const message = notice('alert');
  result.setAttribute('aria-busy', 'true');
  result.replaceChildren(text('p', 'verify.loading', { class: 'loading' }), message.element);
  try {
    const { data } = await request<PublicCertificate>(
      'GET',
      `/certificados/${encodeURIComponent(certificateId)}`,
      { signal: context.signal },
    );
    result.replaceChildren(certificateCard(data));
  } catch (error) {
    if (isAbort(error) || context.signal.aborted) {
      return;
    }
    const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
    if (missing) {
      result.replaceChildren(message.element);
      message.show('error', () => t('verify.notFound', { id: certificateId }));

      return;
    }
    const retry = text('button', 'verify.retry', { type: 'button', class: 'button button-secondary' });
    retry.addEventListener('click', () => void loadCertificate(certificateId, result, context));
    result.replaceChildren(message.element, h('div', { class: 'actions' }, retry));
    message.show('error', () => describeFailure(error));
  } finally {
    result.removeAttribute('aria-busy');
  }
}

/**
 * Returns the code to look up for a deep link. A link with a code in another
 * form, such as `/verificar/acr%20d7se%20…`, is replaced in the address bar
 * by the canonical one, so that copying the address gives a clean link.
 */
function canonicalCode(requested: string): string {
  const checked = checkCertificateId(requested);
  if (!checked.ok) {
    return requested;
  }
  if (checked.value !== requested) {
    const path = `/verificar/${encodeURIComponent(checked.value)}`;
    history.replaceState(history.state, '', path + location.search + location.hash);
  }

  return checked.value;
}

function render(main: HTMLElement, context: PageContext): void {
  const requested = context.params[0];
  if (requested === undefined) {
    context.setTitle('verify.title');
    main.append(
      text('h1', 'verify.title', { tabindex: '-1' }),
      text('p', 'verify.intro', { class: 'lead' }),
      codeForm(context),
    );

    return;
  }

  const certificateId = canonicalCode(requested);
  context.setTitle('verify.resultTitle');
  const result = h('div', { class: 'verification' });
  const heading = text('h1', 'verify.resultTitle', { tabindex: '-1' });
  const subtitle = h('p', { class: 'lead break' });
  bindText(subtitle, () => t('verify.resultFor', { id: certificateId }));
  const anotherCode = h('section', { class: 'another', 'aria-labelledby': 'verify-another' });
  anotherCode.append(text('h2', 'verify.another', { id: 'verify-another' }), codeForm(context));
  main.append(heading, subtitle, result, anotherCode);
  void loadCertificate(certificateId, result, context);
}

export const verifyPage: Page = { render };
