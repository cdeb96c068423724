import { ApiError, isAuthError, request, type Certificate, type ListPage } from '../api.js';
import { h } from '../dom.js';
import { describeFailure } from '../failures.js';
import { busyGuard, inputField, notice, submitButton } from '../forms.js';
import { t, text, type MessageKey } from '../i18n.js';
import type { Page, PageContext } from '../router.js';
import type { StaffContext } from '../staff/context.js';
import { issueSection } from '../staff/issue-form.js';
import { forgetIssuerKey, readIssuerKey, storeIssuerKey } from '../staff/issuer-key.js';
import { lookupSection } from '../staff/lookup-form.js';
import { revokeSection } from '../staff/revoke-form.js';
import { uploadSection } from '../staff/upload-form.js';

/** Asks the API for one page of a list, only to learn whether it accepts the key. */
async function checkKey(issuerKey: string, signal: AbortSignal): Promise<void> {
  await request<ListPage<Certificate>>('GET', '/certificados?status=REVOKED&limit=1', {
    issuerKey,
    signal,
  });
}

function render(main: HTMLElement, context: PageContext): void {
  context.setTitle('staff.title');
  let issuerKey = readIssuerKey();

  const keyField = inputField({
    id: 'staff-key',
    label: 'staff.key.label',
    hint: 'staff.key.hint',
    attributes: { type: 'password', autocomplete: 'off', spellcheck: 'false', required: true },
  });
  const keyNotice = notice('alert');
  const keyButton = submitButton('staff.key.submit');
  const keyForm = h(
    'form',
    { novalidate: true, class: 'form' },
    keyField.wrapper,
    keyNotice.element,
    h('div', { class: 'actions' }, keyButton),
  );
  const gate = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'staff-key-heading' },
    text('h2', 'staff.key.title', { id: 'staff-key-heading', tabindex: '-1' }),
    keyForm,
  );

  const forget = text('button', 'staff.key.forget', { type: 'button', class: 'button button-secondary' });
  const toolbar = h('div', { class: 'toolbar' }, text('p', 'staff.key.stored', { id: 'staff-key-stored' }), forget);
  const tools = h('div', { class: 'staff-tools' }, toolbar);

  const showGate = (reason?: MessageKey): void => {
    tools.hidden = true;
    gate.hidden = false;
    keyField.control.value = '';
    if (reason) {
      keyField.setError(reason);
      keyNotice.show('error', () => t(reason));
    }
    keyField.control.focus();
  };

  const showTools = (): void => {
    gate.hidden = true;
    tools.hidden = false;
    keyField.clearError();
    keyNotice.clear();
  };

  const staffContext: StaffContext = {
    signal: context.signal,
    issuerKey: () => issuerKey,
    rejectKey(error: unknown) {
      issuerKey = undefined;
      forgetIssuerKey();
      const missing = error instanceof ApiError && error.status === 401;
      showGate(missing ? 'staff.key.missing' : 'staff.key.rejected');
    },
  };
  tools.append(
    issueSection(staffContext),
    uploadSection(staffContext),
    revokeSection(staffContext),
    lookupSection(staffContext),
  );

  forget.addEventListener('click', () => {
    issuerKey = undefined;
    forgetIssuerKey();
    showGate();
  });

  const runBusy = busyGuard(keyForm, keyButton, 'staff.key.checking', keyNotice);
  keyForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void runBusy(async () => {
      keyNotice.clear();
      const candidate = keyField.control.value.trim();
      if (candidate === '') {
        keyField.setError('staff.key.required');
        keyField.control.focus();

        return;
      }
      try {
        await checkKey(candidate, context.signal);
      } catch (error) {
        if (context.signal.aborted) {
          return;
        }
        if (isAuthError(error)) {
          keyField.setError('staff.key.rejected');
          keyNotice.show('error', () => t('staff.key.rejected'));
        } else {
          keyNotice.show('error', () => describeFailure(error));
        }
        keyField.control.focus();

        return;
      }
      issuerKey = candidate;
      storeIssuerKey(candidate);
      showTools();
      const firstTool = tools.querySelector('h2');
      firstTool?.setAttribute('tabindex', '-1');
      firstTool?.focus();
    }, 'staff.key.submit');
  });

  main.append(text('h1', 'staff.title', { tabindex: '-1' }), text('p', 'staff.intro', { class: 'lead' }), gate, tools);
  if (issuerKey === undefined) {
    tools.hidden = true;
  } else {
    gate.hidden = true;
  }
}

export const staffPage: Page = { render };
