import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { en } from '../../src/i18n/en.js';
import { enFailure } from '../../src/i18n/en-failure.js';
import { LANGUAGE_ALIASES, LANGUAGES } from '../../src/i18n/languages.js';
import { buttonLocaleFor, loadMessages, messagesFor, registerMessages, resolveLanguage, type Messages } from '../../src/i18n/index.js';

/** Google's ButtonOptions.buttonLocale languages (docs/languages.md says where the list comes from). */
const GOOGLE_BUTTON_LOCALES = 'en ar bg ca cs da de el es et fi fr hr id it ja ko ms nl no pl pt ru sk sl sr sv th tr uk zh'.split(' ');

/** English whole: what the page holds before a payment (en.ts) and the failure texts after the click (en-failure.ts). */
const english: Messages = { ...en, failure: { ...en.failure, ...enFailure } };

/** Every key path of a messages object, e.g. `failure.declined`. */
const keyPaths = (value: object, prefix = ''): string[] =>
  Object.entries(value).flatMap(([key, v]) => (typeof v === 'object' && v !== null ? keyPaths(v, `${prefix}${key}.`) : [`${prefix}${key}`]));
const at = (messages: Messages, path: string): unknown => path.split('.').reduce<any>((v, k) => v?.[k], messages);

describe('payer languages', () => {
  test('every language of Google’s button is built in (English in the entry, the rest lazily), plus Traditional Chinese', () => {
    assert.deepEqual(Object.keys(LANGUAGES).sort(), [...GOOGLE_BUTTON_LOCALES.filter((l) => l !== 'en'), 'zh-tw'].sort());
    const files = readdirSync('src/i18n/locales').map((f) => f.replace(/\.ts$/, ''));
    assert.deepEqual(files.sort(), Object.keys(LANGUAGES).sort(), 'one file per language, nothing unused');
  });

  for (const [language, load] of Object.entries(LANGUAGES)) {
    test(`${language} covers every message key with its own text`, async () => {
      const messages = (await load()).default;
      assert.deepEqual(keyPaths(messages).sort(), keyPaths(english).sort());
      for (const path of keyPaths(english)) {
        const text = at(messages, path);
        assert.equal(typeof text, 'string', path);
        assert.ok((text as string).trim().length > 1, `${path} is empty`);
        assert.notEqual(text, at(english, path), `${path} is still English`);
        assert.doesNotMatch(text as string, /TODO|XXX|\{\w+\}/, path);
      }
    });
  }

  test('docs/languages.md lists every language, and every file says who wrote it', () => {
    const doc = readFileSync('docs/languages.md', 'utf8');
    for (const language of ['en', ...Object.keys(LANGUAGES)]) {
      assert.match(doc, new RegExp(`^\\| \`${language}\` \\|`, 'm'), `${language} is missing from docs/languages.md`);
    }
    for (const language of Object.keys(LANGUAGES)) {
      const source = readFileSync(`src/i18n/locales/${language}.ts`, 'utf8');
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${language}\` |`))!;
      const machine = /machine-written/.test(source.split('\n')[0]!);
      assert.equal(/machine-written/.test(row), machine, `${language}: the file header and docs/languages.md disagree on who wrote it`);
    }
  });

  test('a tag resolves to the closest language: region, script and aliases, else English', () => {
    const cases: [string | undefined, string][] = [
      ['de', 'de'],
      ['de-AT', 'de'],
      ['DE_ch', 'de'],
      ['pt-BR', 'pt'],
      ['nb-NO', 'no'],
      ['nn', 'no'],
      ['zh-CN', 'zh'],
      ['zh-Hans-SG', 'zh'],
      ['zh-TW', 'zh-tw'],
      ['zh-Hant-HK', 'zh-tw'],
      ['zh-HK', 'zh-tw'],
      ['sr-Cyrl-RS', 'sr'],
      ['en-GB', 'en'],
      ['xx', 'en'],
      ['', 'en'],
      [undefined, 'en'],
    ];
    for (const [tag, language] of cases) assert.equal(resolveLanguage(tag), language, String(tag));
    for (const target of Object.values(LANGUAGE_ALIASES)) assert.ok(target in LANGUAGES, target);
  });

  test('Google’s button gets the language part of the tag, in a code Google knows', () => {
    const cases: [string | undefined, string | undefined][] = [
      ['de-AT', 'de'],
      ['nb-NO', 'no'],
      ['nn', 'no'],
      ['zh-Hant-TW', 'zh'],
      ['PT_br', 'pt'],
      ['', undefined],
      [undefined, undefined],
    ];
    for (const [tag, locale] of cases) assert.equal(buttonLocaleFor(tag), locale, String(tag));
  });

  test('messagesFor answers English at once, then the language when its chunk has arrived', async () => {
    let loaded = 0;
    const first = messagesFor('fi-FI', () => loaded++);
    assert.equal(first, en);
    const finnish = await loadMessages('fi');
    assert.equal(finnish.payByCard, 'Maksa kortilla');
    assert.equal(loaded, 1);
    assert.equal(
      messagesFor('fi-FI', () => loaded++),
      finnish,
    );
    assert.equal(loaded, 1, 'no second callback once loaded');
  });

  test('registerMessages wins over a built-in language, and can add one that is not built in', async () => {
    const custom: Messages = { ...english, payByCard: 'Mit Karte zahlen (Shop-Text)' };
    registerMessages('de-CH', custom);
    assert.equal(messagesFor('de-CH'), custom);
    assert.equal((await loadMessages('de-DE')).payByCard, 'Mit Karte bezahlen', 'other German regions keep the built-in text');
    registerMessages('is', { ...english, payByCard: 'Greiða með korti' });
    assert.equal(messagesFor('is-IS').payByCard, 'Greiða með korti');
  });
});
