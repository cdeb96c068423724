import { isAbort } from './api.js';
import { h } from './dom.js';
import { bindText, clearText, setText, t, text, type MessageKey, type Params } from './i18n.js';
import type { Checked } from './validation.js';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A labelled control with an optional hint and an error message tied to it. */
export interface Field<C extends Control> {
  readonly wrapper: HTMLDivElement;
  readonly control: C;
  setError(key: MessageKey, params?: Params): void;
  /** Shows a message from the server, which comes in English, under the field. */
  setServerError(detail: string): void;
  clearError(): void;
  hasError(): boolean;
}

function describe(control: Control | HTMLFieldSetElement, ids: string[]): void {
  if (ids.length > 0) {
    control.setAttribute('aria-describedby', ids.join(' '));
  } else {
    control.removeAttribute('aria-describedby');
  }
}

function wireErrors<C extends Control>(
  wrapper: HTMLDivElement,
  control: C,
  target: Control | HTMLFieldSetElement,
  hintId: string | undefined,
): Field<C> {
  const errorId = `${control.id}-error`;
  const error = h('p', { id: errorId, class: 'field-error' });
  wrapper.append(error);
  const baseIds = hintId ? [hintId] : [];
  describe(target, baseIds);

  const show = (render: () => string): void => {
    bindText(error, render);
    target.setAttribute('aria-invalid', 'true');
    describe(target, [...baseIds, errorId]);
    wrapper.classList.add('has-error');
  };

  return {
    wrapper,
    control,
    setError: (key, params) => show(() => t(key, params)),
    setServerError: (detail) => show(() => t('error.serverField', { detail })),
    clearError() {
      clearText(error);
      target.removeAttribute('aria-invalid');
      describe(target, baseIds);
      wrapper.classList.remove('has-error');
    },
    hasError: () => target.getAttribute('aria-invalid') === 'true',
  };
}

export interface FieldOptions {
  id: string;
  label: MessageKey;
  hint?: MessageKey;
  hintParams?: Params;
  attributes?: Record<string, string | boolean>;
}

function labelAndHint(options: FieldOptions): { wrapper: HTMLDivElement; hintId?: string } {
  const wrapper = h('div', { class: 'field' });
  wrapper.append(text('label', options.label, { for: options.id }));
  if (!options.hint) {
    return { wrapper };
  }
  const hintId = `${options.id}-hint`;
  wrapper.append(text('p', options.hint, { id: hintId, class: 'hint' }, options.hintParams));

  return { wrapper, hintId };
}

export function inputField(options: FieldOptions): Field<HTMLInputElement> {
  const { wrapper, hintId } = labelAndHint(options);
  const control = h('input', { type: 'text', id: options.id, name: options.id, ...options.attributes });
  wrapper.append(control);

  return wireErrors(wrapper, control, control, hintId);
}

export function textareaField(options: FieldOptions): Field<HTMLTextAreaElement> {
  const { wrapper, hintId } = labelAndHint(options);
  const control = h('textarea', { id: options.id, name: options.id, rows: 3, ...options.attributes });
  wrapper.append(control);

  return wireErrors(wrapper, control, control, hintId);
}

export interface SelectOption {
  value: string;
  label: MessageKey;
  /** Language of the label, for an option named in its own language. */
  lang?: string;
}

export function selectField(options: FieldOptions, choices: SelectOption[]): Field<HTMLSelectElement> {
  const { wrapper, hintId } = labelAndHint(options);
  const control = h('select', { id: options.id, name: options.id, ...options.attributes });
  for (const choice of choices) {
    control.append(text('option', choice.label, choice.lang ? { value: choice.value, lang: choice.lang } : { value: choice.value }));
  }
  wrapper.append(control);

  return wireErrors(wrapper, control, control, hintId);
}

export interface CheckboxOptions extends FieldOptions {
  /** A link shown in place of the `{link}` placeholder of the label message. */
  link?: { label: MessageKey; href: string };
}

/**
 * Builds a label whose message has a `{link}` placeholder. The text around the
 * link still toggles the checkbox, while a click on the link only follows it.
 */
function labelWithLink(options: CheckboxOptions, link: { label: MessageKey; href: string }): HTMLLabelElement {
  const before = h('span');
  const after = h('span');
  const splitLabel = (): string[] => t(options.label).split('{link}');
  bindText(before, () => splitLabel()[0] ?? '');
  bindText(after, () => splitLabel().slice(1).join(''));

  return h('label', { for: options.id }, before, text('a', link.label, { href: link.href }), after);
}

export function checkboxField(options: CheckboxOptions): Field<HTMLInputElement> {
  const wrapper = h('div', { class: 'field field-check' });
  const control = h('input', { type: 'checkbox', id: options.id, name: options.id, ...options.attributes });
  const label = options.link ? labelWithLink(options, options.link) : text('label', options.label, { for: options.id });
  wrapper.append(control, label);

  return wireErrors(wrapper, control, control, undefined);
}

/** A fieldset of radio buttons; `control` is the first radio, for focusing. */
export interface RadioGroup extends Field<HTMLInputElement> {
  readonly fieldset: HTMLFieldSetElement;
  value(): string;
  /** Checks the radio with this value. An unknown value changes nothing. */
  select(value: string): void;
}

export function radioGroup(
  options: { id: string; legend: MessageKey },
  choices: { value: string; label: MessageKey }[],
): RadioGroup {
  const fieldset = h('fieldset', { class: 'field radio-group', id: options.id });
  fieldset.append(text('legend', options.legend));
  const radios: HTMLInputElement[] = [];
  for (const [index, choice] of choices.entries()) {
    const id = `${options.id}-${choice.value}`;
    const radio = h('input', {
      type: 'radio',
      id,
      name: options.id,
      value: choice.value,
      checked: index === 0,
    });
    radios.push(radio);
    fieldset.append(h('div', { class: 'radio' }, radio, text('label', choice.label, { for: id })));
  }
  const wrapper = h('div', {}, fieldset);
  const first = radios[0];
  if (!first) {
    throw new Error(`radio group ${options.id} needs at least one choice`);
  }
  const field = wireErrors(wrapper, first, fieldset, undefined);

  return {
    ...field,
    fieldset,
    value: () => radios.find((radio) => radio.checked)?.value ?? first.value,
    select(value) {
      const radio = radios.find((candidate) => candidate.value === value);
      if (radio) {
        radio.checked = true;
      }
    },
  };
}

/**
 * A form-level message region. It stays in the page while empty, because
 * screen readers announce changes only in live regions that already exist.
 */
export interface Notice {
  readonly element: HTMLDivElement;
  show(kind: 'error' | 'success' | 'info', render: () => string): void;
  clear(): void;
}

export function notice(role: 'alert' | 'status'): Notice {
  const element = h('div', { role, class: 'notice' });

  return {
    element,
    show(kind, render) {
      element.className = `notice notice-${kind}`;
      bindText(element, render);
    },
    clear() {
      element.className = 'notice';
      clearText(element);
    },
  };
}

export function submitButton(label: MessageKey): HTMLButtonElement {
  return text('button', label, { type: 'submit', class: 'button' });
}

/**
 * Marks a form as busy while `work` runs and ignores a second submission in
 * the meantime. The controls stay enabled, so focus never gets lost. An error
 * other than an abort that `work` did not handle is logged and shown in
 * `message` as a generic failure, instead of leaving the form unchanged.
 */
export function busyGuard(form: HTMLFormElement, button: HTMLButtonElement, busyLabel: MessageKey, message: Notice) {
  let busy = false;

  return async (work: () => Promise<void>, idleLabel: MessageKey): Promise<void> => {
    if (busy) {
      return;
    }
    busy = true;
    form.setAttribute('aria-busy', 'true');
    button.setAttribute('aria-disabled', 'true');
    setText(button, busyLabel);
    try {
      await work();
    } catch (error) {
      if (!isAbort(error)) {
        console.error('form submission failed with an unexpected error', error);
        message.show('error', () => t('error.unexpected'));
      }
    } finally {
      busy = false;
      form.removeAttribute('aria-busy');
      button.removeAttribute('aria-disabled');
      setText(button, idleLabel);
    }
  };
}

/** Focuses the first field that has an error, so keyboard users land on it. */
export function focusFirstError(fields: Field<Control>[]): void {
  const first = fields.find((field) => field.hasError());
  first?.control.focus();
}

/** Shows or clears the field's error for the result of a check. */
export function applyCheck(field: Field<Control>, checked: Checked<unknown>): void {
  if (checked.ok) {
    field.clearError();
  } else {
    field.setError(checked.error);
  }
}
