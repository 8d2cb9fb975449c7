import { en } from './en.js';
import { LANGUAGE_ALIASES, LANGUAGES } from './languages.js';
import type { Messages } from './messages.js';

export type { Messages, FailureGroup } from './messages.js';

/** Languages ready to use: English, those registered by the page, and built-in ones once loaded. */
const catalogue = new Map<string, Messages>([['en', en]]);
const loading = new Map<string, Promise<Messages | undefined>>();

const normalize = (tag: string) => tag.trim().toLowerCase().replaceAll('_', '-');

/** Adds or replaces a language (`registerMessages('de', de)`); element code needs no change. */
export function registerMessages(language: string, messages: Messages): void {
  catalogue.set(normalize(language), messages);
}

/**
 * The language to use for a BCP 47 tag: the tag, then each shorter prefix (`zh-hant-tw`,
 * `zh-hant`, `zh`), each also through its alias, first one registered or built in; else `en`.
 */
export function resolveLanguage(locale: string | undefined): string {
  const parts = normalize(locale ?? '')
    .split('-')
    .filter(Boolean);
  for (let n = parts.length; n > 0; n--) {
    const tag = parts.slice(0, n).join('-');
    for (const candidate of [tag, LANGUAGE_ALIASES[tag]]) {
      if (candidate && (catalogue.has(candidate) || candidate in LANGUAGES)) return candidate;
    }
  }
  return 'en';
}

/** A built-in language's chunk, loaded once; `undefined` when it failed (it may be retried later). */
function load(language: string): Promise<Messages | undefined> {
  const ready = catalogue.get(language);
  if (ready) return Promise.resolve(ready);
  const loader = LANGUAGES[language];
  if (!loader) return Promise.resolve(undefined);
  let pending = loading.get(language);
  if (!pending) {
    pending = loader().then(
      (module) => {
        if (!catalogue.has(language)) catalogue.set(language, module.default);
        return catalogue.get(language);
      },
      () => undefined,
    );
    loading.set(language, pending);
    void pending.finally(() => loading.delete(language));
  }
  return pending;
}

/** The messages for a BCP 47 tag once its language has loaded (English if it cannot be). */
export const loadMessages = async (locale: string | undefined): Promise<Messages> => (await load(resolveLanguage(locale))) ?? en;

/**
 * Messages for a BCP 47 tag, now: English until a built-in language's chunk has arrived, then
 * `onLoaded` runs once (the element re-renders in the payer's language).
 */
export function messagesFor(locale: string | undefined, onLoaded?: () => void): Messages {
  const language = resolveLanguage(locale);
  const ready = catalogue.get(language);
  if (ready) return ready;
  void load(language).then((messages) => messages && onLoaded?.());
  return en;
}

/** Google's `buttonLocale` for a tag: its language part, through the aliases Google does not know (`nb` → `no`). */
export function buttonLocaleFor(locale: string | undefined): string | undefined {
  const language = normalize(locale ?? '').split('-')[0];
  return language ? (LANGUAGE_ALIASES[language] ?? language) : undefined;
}

/** The language the page declares around an element: the nearest `lang`, then `<html lang>`. */
export const pageLanguage = (element: Element): string | undefined =>
  element.closest('[lang]')?.getAttribute('lang') || element.ownerDocument.documentElement.lang || undefined;

/** The language of an element: its `locale` attribute, the page's language, then the browser's. */
export const localeOf = (element: Element): string => element.getAttribute('locale') || pageLanguage(element) || navigator.language;
