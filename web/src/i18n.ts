import { en } from './messages/en.js';
import { es, type MessageKey } from './messages/es.js';

export type { MessageKey } from './messages/es.js';

export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Params = Readonly<Record<string, string | number>>;

const dictionaries: Record<Language, Readonly<Record<MessageKey, string>>> = { es, en };
const STORAGE_KEY = 'acredita.language';
const DEFAULT_LANGUAGE: Language = 'es';

let current: Language = DEFAULT_LANGUAGE;

/**
 * Re-translation callbacks per element and slot ('text' or an attribute
 * name). Keeping one callback per slot means that replacing a message also
 * replaces what a later language switch writes there.
 */
const bindings = new Map<Element, Map<string, () => void>>();
const listeners: (() => void)[] = [];

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function readStoredLanguage(): Language | undefined {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);

    return isLanguage(stored) ? stored : undefined;
  } catch {
    // Storage can be blocked by the browser's privacy settings.
    return undefined;
  }
}

/** Fills `{name}` placeholders of the message for `key` in the current language. */
export function t(key: MessageKey, params: Params = {}): string {
  const template = dictionaries[current][key];

  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];

    return value === undefined ? placeholder : String(value);
  });
}

export function getLanguage(): Language {
  return current;
}

/** Applies the stored language, or Spanish, to `<html lang>`. */
export function initLanguage(): void {
  current = readStoredLanguage() ?? DEFAULT_LANGUAGE;
  document.documentElement.lang = current;
}

/** Switches the language, stores it and re-translates every bound element. */
export function setLanguage(language: Language): void {
  current = language;
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // The switch still applies to this page view.
  }
  for (const slots of bindings.values()) {
    for (const update of slots.values()) {
      update();
    }
  }
  for (const listener of listeners) {
    listener();
  }
}

/** Runs `listener` after every language switch, for text outside the page such as the title. */
export function onLanguageChange(listener: () => void): void {
  listeners.push(listener);
}

function bind(element: Element, slot: string, update: () => void): void {
  let slots = bindings.get(element);
  if (!slots) {
    slots = new Map();
    bindings.set(element, slots);
  }
  slots.set(slot, update);
  update();
}

/** Sets the element's text from a function that is run again on a language switch. */
export function bindText(element: Element, render: () => string): void {
  bind(element, 'text', () => {
    element.textContent = render();
  });
}

/** Sets the element's text to a message, kept in the current language. */
export function setText(element: Element, key: MessageKey, params?: Params): void {
  bindText(element, () => t(key, params));
}

export function setAttr(element: Element, name: string, key: MessageKey, params?: Params): void {
  bind(element, name, () => element.setAttribute(name, t(key, params)));
}

/** Empties the element and stops re-translating its text. */
export function clearText(element: Element): void {
  bindings.get(element)?.delete('text');
  element.textContent = '';
}

/** Forgets the elements that are no longer in the document, after a page change. */
export function pruneBindings(): void {
  for (const element of bindings.keys()) {
    if (!element.isConnected) {
      bindings.delete(element);
    }
  }
}

/** Creates an element whose text is a message in the current language. */
export function text<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  key: MessageKey,
  attributes: Record<string, string> = {},
  params?: Params,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value);
  }
  setText(element, key, params);

  return element;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Formats an API date for reading. A plain `YYYY-MM-DD` is a calendar date,
 * so it is shown without a time zone shift. A date-time is shown in the
 * reader's time zone.
 */
export function formatDate(value: string): string {
  const isDateOnly = DATE_ONLY.test(value);
  const date = new Date(isDateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  const options: Intl.DateTimeFormatOptions = isDateOnly
    ? { dateStyle: 'long', timeZone: 'UTC' }
    : { dateStyle: 'long' };

  return new Intl.DateTimeFormat(current, options).format(date);
}

export function formatDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }

  return new Intl.DateTimeFormat(current, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(current, { maximumFractionDigits: 2 }).format(value);
}
