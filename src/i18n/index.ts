import { en } from './en.js';
import { pl } from './pl.js';
import { failureGroup, type Messages } from './messages.js';

export type { Messages, FailureGroup } from './messages.js';

const catalogue = new Map<string, Messages>([
  ['en', en],
  ['pl', pl],
]);

/** Adds or replaces a language (`registerMessages('de', de)`); element code needs no change. */
export function registerMessages(language: string, messages: Messages): void {
  catalogue.set(language.toLowerCase(), messages);
}

/** Messages for a BCP 47 tag: exact match, then its language, then English. */
export function messagesFor(locale: string | undefined): Messages {
  const tag = (locale ?? '').toLowerCase();
  return catalogue.get(tag) ?? catalogue.get(tag.split('-')[0]!) ?? en;
}

/** The language the page declares around an element: the nearest `lang`, then `<html lang>`. */
export const pageLanguage = (element: Element): string | undefined =>
  element.closest('[lang]')?.getAttribute('lang') || element.ownerDocument.documentElement.lang || undefined;

/** The language of an element: its `locale` attribute, the page's language, then the browser's. */
export const localeOf = (element: Element): string =>
  element.getAttribute('locale') || pageLanguage(element) || navigator.language;

/** The payer-facing message for a failure code; `gatewayGroups` is the gateway profile's `failureGroups`. */
export const failureMessage = (messages: Messages, code: string, gatewayGroups?: string): string =>
  messages.failure[failureGroup(code, gatewayGroups)];
