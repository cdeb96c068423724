import {
  ApiError,
  AttemptKey,
  request,
  type AccountType,
  type Registration,
  type RegistrationRequest,
} from '../api.js';
import { h } from '../dom.js';
import { describeFailure } from '../failures.js';
import {
  bindText,
  formatDateTime,
  getLanguage,
  t,
  text,
  type MessageKey,
} from '../i18n.js';
import {
  applyCheck,
  busyGuard,
  checkboxField,
  focusFirstError,
  inputField,
  notice,
  radioGroup,
  selectField,
  submitButton,
  type Field,
} from '../forms.js';
import type { Page, PageContext } from '../router.js';
import { checkEmail, checkFullName } from '../validation.js';

/** Languages a learner can choose for the courses, each named in its own language. */
const COURSE_LANGUAGES: readonly { value: string; label: MessageKey }[] = [
  { value: 'es', label: 'languageName.es' },
  { value: 'en', label: 'languageName.en' },
  { value: 'pt', label: 'languageName.pt' },
];

/** Values typed in the registration form, kept while the learner reads another page. */
interface RegistrationDraft {
  email: string;
  fullName: string;
  accountType: string;
  language: string;
  acceptTerms: boolean;
}

/**
 * Values of a form the learner left without sending, such as to read the
 * terms. They live in memory only, so a reload or a closed tab discards them.
 */
let draft: RegistrationDraft | undefined;

const ACCOUNT_TYPE_LABELS: Record<AccountType, MessageKey> = {
  student: 'register.accountType.student',
  instructor: 'register.accountType.instructor',
};

export function describeRegistration(registration: Registration): HTMLDListElement {
  const list = h('dl', { class: 'details' });
  const row = (label: MessageKey, value: HTMLElement) => {
    list.append(text('dt', label), value);
  };
  row('register.result.fullName', h('dd', { dir: 'auto', class: 'holder' }, registration.fullName));
  row('register.result.email', h('dd', { class: 'break' }, registration.email));
  const accountType = h('dd');
  bindText(accountType, () => {
    const key = ACCOUNT_TYPE_LABELS[registration.accountType];

    return key ? t(key) : registration.accountType;
  });
  row('register.result.accountType', accountType);
  const language = h('dd');
  bindText(language, () => {
    const choice = COURSE_LANGUAGES.find((option) => option.value === registration.language);

    return choice ? t(choice.label) : registration.language;
  });
  row('register.result.language', language);
  const created = h('dd');
  bindText(created, () => formatDateTime(registration.createdAt));
  row('register.result.createdAt', created);
  row('register.result.userId', h('dd', { class: 'break mono' }, registration.userId));

  return list;
}

function render(main: HTMLElement, context: PageContext): void {
  context.setTitle('register.title');

  const email = inputField({
    id: 'register-email',
    label: 'register.email',
    hint: 'register.emailHint',
    attributes: {
      inputmode: 'email',
      autocomplete: 'email',
      autocapitalize: 'none',
      spellcheck: 'false',
      required: true,
      maxlength: '320',
    },
  });
  const fullName = inputField({
    id: 'register-name',
    label: 'register.fullName',
    hint: 'register.fullNameHint',
    attributes: { autocomplete: 'name', required: true, spellcheck: 'false' },
  });
  const accountType = radioGroup({ id: 'register-account-type', legend: 'register.accountType' }, [
    { value: 'student', label: 'register.accountType.student' },
    { value: 'instructor', label: 'register.accountType.instructor' },
  ]);
  const language = selectField(
    { id: 'register-language', label: 'register.language' },
    COURSE_LANGUAGES.map((choice) => ({ ...choice, lang: choice.value })),
  );
  language.control.value = getLanguage();
  const terms = checkboxField({
    id: 'register-terms',
    label: 'register.terms',
    link: { label: 'register.termsLink', href: '/terminos' },
    attributes: { required: true },
  });

  const message = notice('alert');
  const button = submitButton('register.submit');
  const form = h(
    'form',
    { novalidate: true, class: 'form', 'aria-labelledby': 'register-heading' },
    email.wrapper,
    fullName.wrapper,
    accountType.wrapper,
    language.wrapper,
    terms.wrapper,
    message.element,
    h('div', { class: 'actions' }, button),
  );
  const fields: Field<HTMLInputElement | HTMLSelectElement>[] = [
    email,
    fullName,
    accountType,
    language,
    terms,
  ];

  const success = h('section', { class: 'result', hidden: true, 'aria-labelledby': 'register-done' });
  const heading = text('h1', 'register.title', { id: 'register-heading', tabindex: '-1' });
  main.append(heading, text('p', 'register.intro', { class: 'lead' }), form, success);

  if (draft) {
    email.control.value = draft.email;
    fullName.control.value = draft.fullName;
    accountType.select(draft.accountType);
    language.control.value = draft.language;
    terms.control.checked = draft.acceptTerms;
    draft = undefined;
  }
  context.signal.addEventListener('abort', () => {
    if (!form.hidden) {
      draft = {
        email: email.control.value,
        fullName: fullName.control.value,
        accountType: accountType.value(),
        language: language.control.value,
        acceptTerms: terms.control.checked,
      };
    }
  });

  const attemptKey = new AttemptKey();
  let submitted = false;
  const runBusy = busyGuard(form, button, 'register.submitting', message);

  /** Checks every field, shows the messages and returns the request when all pass. */
  const validate = (): RegistrationRequest | undefined => {
    const checkedEmail = checkEmail(email.control.value);
    const checkedName = checkFullName(fullName.control.value);
    applyCheck(email, checkedEmail);
    applyCheck(fullName, checkedName);
    if (terms.control.checked) {
      terms.clearError();
    } else {
      terms.setError('validation.termsRequired');
    }
    if (!checkedEmail.ok || !checkedName.ok || !terms.control.checked) {
      return undefined;
    }

    return {
      email: checkedEmail.value,
      fullName: checkedName.value,
      accountType: accountType.value() as AccountType,
      language: language.control.value,
      acceptTerms: true,
    };
  };

  // After the first attempt, fields are checked again as the reader types,
  // so a message disappears as soon as its value is fixed.
  form.addEventListener('input', () => {
    if (submitted) {
      validate();
    }
  });

  const showServerError = (error: unknown): void => {
    if (error instanceof ApiError && error.is('email-already-registered')) {
      email.setError('register.error.duplicate');
      message.show('error', () => t('register.error.duplicate'));
      email.control.focus();

      return;
    }
    if (error instanceof ApiError && error.status === 400 && error.problem.errors?.length) {
      const byName: Record<string, Field<HTMLInputElement | HTMLSelectElement>> = {
        email,
        fullName,
        accountType,
        language,
        acceptTerms: terms,
      };
      for (const fieldError of error.problem.errors) {
        byName[fieldError.field]?.setServerError(fieldError.message);
      }
      message.show('error', () => t('form.fixErrors'));
      focusFirstError(fields);

      return;
    }
    message.show('error', () => describeFailure(error));
  };

  const submit = async (): Promise<void> => {
    submitted = true;
    message.clear();
    const body = validate();
    if (!body) {
      message.show('error', () => t('form.fixErrors'));
      focusFirstError(fields);

      return;
    }
    const idempotencyKey = attemptKey.keyFor(body);
    try {
      const { data } = await request<Registration>('POST', '/registros', {
        body,
        idempotencyKey,
        signal: context.signal,
      });
      attemptKey.settle();
      showSuccess(data);
    } catch (error) {
      if (context.signal.aborted) {
        return;
      }
      attemptKey.settle(error);
      showServerError(error);
    }
  };

  const showSuccess = (registration: Registration): void => {
    const doneHeading = text('h2', 'register.done', { id: 'register-done', tabindex: '-1' });
    const again = text('button', 'register.again', { type: 'button', class: 'button button-secondary' });
    again.addEventListener('click', () => {
      form.reset();
      language.control.value = getLanguage();
      submitted = false;
      for (const field of fields) {
        field.clearError();
      }
      message.clear();
      success.hidden = true;
      success.replaceChildren();
      form.hidden = false;
      email.control.focus();
    });
    success.replaceChildren(
      doneHeading,
      text('p', 'register.doneBody'),
      describeRegistration(registration),
      h('div', { class: 'actions' }, again),
    );
    form.hidden = true;
    success.hidden = false;
    doneHeading.focus();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void runBusy(submit, 'register.submit');
  });
}

export const registerPage: Page = { render };
