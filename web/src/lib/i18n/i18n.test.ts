import { describe, expect, it } from 'vitest';
import { createTranslator, LOCALES } from './index';
import { messagesFor, negotiateLocale } from './server';
import en from './locales/en.json';

/** Every leaf key of a catalogue, dotted. */
const keysOf = (obj: object, prefix = ''): string[] =>
  Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

describe('negotiateLocale', () => {
  it.each([
    [{ query: 'en', cookie: undefined, acceptLanguage: 'fr-FR,fr;q=0.9' }, 'en'],
    [{ query: 'xx', cookie: undefined, acceptLanguage: 'en-GB,en;q=0.8' }, 'en'],
    [{ query: null, cookie: 'en', acceptLanguage: null }, 'en'],
    [{ query: null, cookie: undefined, acceptLanguage: 'de-DE,de;q=0.9,en;q=0.5' }, 'en'],
    [{ query: null, cookie: undefined, acceptLanguage: 'zz' }, 'en'],
  ] as const)('%o -> %s', (input, expected) => {
    expect(negotiateLocale(input)).toBe(expected);
  });
});

describe('message catalogues', () => {
  it.each(LOCALES)('%s has every key the English catalogue has', (locale) => {
    expect(keysOf(messagesFor(locale)).sort()).toEqual(keysOf(en).sort());
  });

  it('translates keys and reports the writing direction', () => {
    const { t, dir } = createTranslator('en', messagesFor('en'));
    expect(t('nav.maps')).toBe('Maps');
    expect(dir).toBe('ltr');
  });

  it('makes Arabic right-to-left from its locale code alone', () => {
    // The mechanism for adding a catalogue: direction comes from the language, not from layout code.
    expect(createTranslator('ar' as never, {}).dir).toBe('rtl');
  });
});
