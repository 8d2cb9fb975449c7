import type { Messages } from './messages.js';

type Loader = () => Promise<{ default: Messages }>;

/**
 * The payer languages besides English (built in): every language Google's button supports
 * (`buttonLocale`), plus Traditional Chinese. Each is its own chunk, imported only when a page
 * asks for it, so languages never weigh on the critical path. Who wrote and who reviewed each:
 * docs/languages.md.
 */
export const LANGUAGES: Readonly<Record<string, Loader>> = {
  ar: () => import('./locales/ar.js'),
  bg: () => import('./locales/bg.js'),
  ca: () => import('./locales/ca.js'),
  cs: () => import('./locales/cs.js'),
  da: () => import('./locales/da.js'),
  de: () => import('./locales/de.js'),
  el: () => import('./locales/el.js'),
  es: () => import('./locales/es.js'),
  et: () => import('./locales/et.js'),
  fi: () => import('./locales/fi.js'),
  fr: () => import('./locales/fr.js'),
  hr: () => import('./locales/hr.js'),
  id: () => import('./locales/id.js'),
  it: () => import('./locales/it.js'),
  ja: () => import('./locales/ja.js'),
  ko: () => import('./locales/ko.js'),
  ms: () => import('./locales/ms.js'),
  nl: () => import('./locales/nl.js'),
  no: () => import('./locales/no.js'),
  pl: () => import('./locales/pl.js'),
  pt: () => import('./locales/pt.js'),
  ru: () => import('./locales/ru.js'),
  sk: () => import('./locales/sk.js'),
  sl: () => import('./locales/sl.js'),
  sr: () => import('./locales/sr.js'),
  sv: () => import('./locales/sv.js'),
  th: () => import('./locales/th.js'),
  tr: () => import('./locales/tr.js'),
  uk: () => import('./locales/uk.js'),
  zh: () => import('./locales/zh.js'),
  'zh-tw': () => import('./locales/zh-tw.js'),
};

/** Tags that mean one of the languages above (BCP 47, lower case). */
export const LANGUAGE_ALIASES: Readonly<Record<string, string>> = {
  nb: 'no',
  nn: 'no',
  'zh-hans': 'zh',
  'zh-cn': 'zh',
  'zh-sg': 'zh',
  'zh-hant': 'zh-tw',
  'zh-hk': 'zh-tw',
  'zh-mo': 'zh-tw',
};
