import { isAuthError, request, type ListPage, type Registration } from '../api.js';
import { h } from '../dom.js';
import { describeFailure } from '../failures.js';
import { applyCheck, busyGuard, inputField, notice, submitButton } from '../forms.js';
import { t, text } from '../i18n.js';
import { describeRegistration } from '../pages/register.js';
import { checkEmail } from '../validation.js';
import type { StaffContext } from './context.js';

export function lookupSection(context: StaffContext): HTMLElement {
  const email = inputField({
    id: 'lookup-email',
    label: 'staff.lookup.email',
    attributes: { inputmode: 'email', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false', required: true },
  });
  const message = notice('alert');
  const button = submitButton('staff.lookup.submit');
  const form = h(
    'form',
    { novalidate: true, class: 'form form-inline', role: 'search' },
    email.wrapper,
    h('div', { class: 'actions' }, button),
  );
  const results = h('div', { class: 'lookup-results' });
  const runBusy = busyGuard(form, button, 'staff.lookup.submitting', message);

  const submit = async (): Promise<void> => {
    message.clear();
    results.replaceChildren();
    const checked = checkEmail(email.control.value, 'validation.staffEmailRequired');
    applyCheck(email, checked);
    const issuerKey = context.issuerKey();
    if (!checked.ok || issuerKey === undefined) {
      email.control.focus();

      return;
    }
    try {
      const query = new URLSearchParams({ email: checked.value });
      const { data } = await request<ListPage<Registration>>('GET', `/registros?${query.toString()}`, {
        issuerKey,
        signal: context.signal,
      });
      if (data.items.length === 0) {
        message.show('info', () => t('staff.lookup.none', { email: checked.value }));

        return;
      }
      message.show('success', () => t('staff.lookup.found', { count: data.items.length }));
      for (const registration of data.items) {
        results.append(h('div', { class: 'record' }, describeRegistration(registration)));
      }
    } catch (error) {
      if (context.signal.aborted) {
        return;
      }
      if (isAuthError(error)) {
        context.rejectKey(error);

        return;
      }
      message.show('error', () => describeFailure(error));
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void runBusy(submit, 'staff.lookup.submit');
  });

  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'lookup-heading' },
    text('h2', 'staff.lookup.title', { id: 'lookup-heading' }),
    form,
    message.element,
    results,
  );
}
