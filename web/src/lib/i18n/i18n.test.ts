import { describe, expect, it } from 'vitest';
import { createTranslator, delocalizePath, localeOfPath, localizePath, LOCALES, type Locale } from './index';
import { messagesFor, preferredLocale } from './server';
import { CAT_REPORTING_MESSAGES_EN } from '@tracker/api/domain';

// Every catalogue file under ./locales, whether or not LOCALES lists it yet.
const files = import.meta.glob<Record<string, unknown>>('./locales/*.json', { eager: true, import: 'default' });
const catalogues = new Map(Object.entries(files).map(([path, messages]) => [path.replace(/^.*\/(.+)\.json$/, '$1'), messages]));
/** English as pages get it: its file and the CAT reporting messages the API shares (api/src/messages). */
const en = messagesFor('en');

/** Every leaf of a catalogue, by dotted key. */
const leavesOf = (obj: object, prefix = ''): [string, unknown][] =>
  Object.entries(obj).flatMap(([k, v]): [string, unknown][] =>
    v && typeof v === 'object' ? leavesOf(v as object, `${prefix}${k}.`) : [[`${prefix}${k}`, v]],
  );

/** The {{variables}} a message interpolates, sorted and without duplicates. */
const variablesOf = (message: string) => [...new Set([...message.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((m) => m[1]!))].sort();

const PLURAL = /_(zero|one|two|few|many|other)$/;

/**
 * What is wrong with a translated catalogue, compared with the English one: keys missing or
 * extra, messages that are not text, and messages whose {{variables}} differ from the English.
 * i18next plural keys (`key_one`, `key_other`, ...) are compared as a group: the translation needs
 * exactly the plural forms its language has (Intl.PluralRules), each with the English variables.
 */
function catalogueProblems(locale: string, english: object, translated: object): string[] {
  const problems: string[] = [];
  const base = new Map<string, Set<string>>(); // English key without plural suffix -> its variables
  for (const [key, message] of leavesOf(english)) {
    const group = key.replace(PLURAL, '');
    const variables = base.get(group) ?? new Set<string>();
    if (typeof message === 'string') for (const v of variablesOf(message)) variables.add(v);
    base.set(group, variables);
  }
  const plural = new Set(
    leavesOf(english)
      .filter(([k]) => PLURAL.test(k))
      .map(([k]) => k.replace(PLURAL, '')),
  );
  // Ordinal plurals (`key_ordinal_one`, i18next's `ordinal: true`) follow the language's ordinal rules.
  const formsOf = (group: string) =>
    new Intl.PluralRules(locale, { type: group.endsWith('_ordinal') ? 'ordinal' : 'cardinal' }).resolvedOptions().pluralCategories;
  const expected = new Map<string, string[]>();
  for (const [group, variables] of base) {
    const keys = plural.has(group) ? formsOf(group).map((f) => `${group}_${f}`) : [group];
    for (const key of keys) expected.set(key, [...variables].sort());
  }
  const actual = new Map(leavesOf(translated));
  for (const [key, variables] of expected) {
    if (!actual.has(key)) {
      problems.push(`${locale}: missing ${key}`);
      continue;
    }
    const message = actual.get(key);
    // The forms for none, one and two may say the number in words ("يومان", two days) and leave
    // out a variable; no form may use one the English does not give.
    const spelledOut =
      /_(zero|one|two)$/.test(key) && typeof message === 'string' && variablesOf(message).every((v) => variables.includes(v));
    if (typeof message !== 'string') problems.push(`${locale}: ${key} is not text`);
    else if (!spelledOut && variablesOf(message).join() !== variables.join())
      problems.push(`${locale}: ${key} uses {{${variablesOf(message).join('}}, {{')}}} where English has {{${variables.join('}}, {{')}}}`);
  }
  for (const key of actual.keys()) if (!expected.has(key)) problems.push(`${locale}: extra ${key}`);
  return problems;
}

describe('preferredLocale (for a visit to /)', () => {
  it.each([
    [{ cookie: 'en', acceptLanguage: 'fr-FR,fr;q=0.9' }, 'en'],
    [{ cookie: 'ar', acceptLanguage: 'en-GB,en;q=0.8' }, 'ar'],
    [{ cookie: 'xx', acceptLanguage: 'es-419,es;q=0.9' }, 'es'],
    [{ cookie: undefined, acceptLanguage: 'fr-CA,fr;q=0.9,en;q=0.5' }, 'fr'],
    [{ cookie: undefined, acceptLanguage: 'ar-TN,ar;q=0.9' }, 'ar'],
    [{ cookie: undefined, acceptLanguage: 'de-DE,de;q=0.9,es;q=0.5,en;q=0.4' }, 'es'],
    [{ cookie: undefined, acceptLanguage: 'zz' }, 'en'],
    [{ cookie: undefined, acceptLanguage: null }, 'en'],
  ] as const)('%o -> %s', (input, expected) => {
    expect(preferredLocale(input)).toBe(expected);
  });
});

describe('localised addresses', () => {
  it.each([
    ['/maps?asOf=2002-07-01', 'fr', '/fr/maps?asOf=2002-07-01'],
    ['/', 'ar', '/ar'],
    ['/', 'en', '/'],
    ['/fr/states/TUN#upr', 'es', '/es/states/TUN#upr'],
    ['/fr/states/TUN', 'en', '/states/TUN'],
    ['/ar', 'en', '/'],
    ['/api/states?format=csv', 'fr', '/api/states?format=csv'],
    ['/api', 'ar', '/api'],
    ['/_app/immutable/x.js', 'fr', '/_app/immutable/x.js'],
    ['#main', 'fr', '#main'],
    ['?/publish', 'fr', '?/publish'],
    ['https://treaties.un.org/', 'fr', 'https://treaties.un.org/'],
    ['//example.org/x', 'fr', '//example.org/x'],
    // A route that only starts with a language's letters is not a language.
    ['/frontier', 'fr', '/fr/frontier'],
  ] as const)('%s in %s -> %s', (path, locale, expected) => {
    expect(localizePath(path, locale)).toBe(expected);
  });

  it.each([
    ['/fr/maps', 'fr', '/maps'],
    ['/ar', 'ar', '/'],
    ['/es/', 'es', '/'],
    ['/maps', 'en', '/maps'],
    ['/en/maps', 'en', '/en/maps'],
    ['/frontier', 'en', '/frontier'],
  ] as const)('%s is the %s page of route %s', (pathname, locale, route) => {
    expect(localeOfPath(pathname)).toBe(locale);
    expect(delocalizePath(pathname)).toBe(route);
  });
});

describe('message catalogues', () => {
  it('has one catalogue file per listed locale, and lists every catalogue file', () => {
    expect([...catalogues.keys()].sort()).toEqual([...LOCALES].sort());
    for (const locale of LOCALES) expect(messagesFor(locale)).toMatchObject(catalogues.get(locale)!);
  });

  it("English takes in the API's CAT reporting messages, which en.json does not repeat (other languages translate them in their own file)", () => {
    expect(en.catReportingText).toBe(CAT_REPORTING_MESSAGES_EN.catReportingText);
    expect(Object.keys(catalogues.get('en')!)).not.toContain('catReportingText');
  });

  it('English has messages, every one of them text', () => {
    const leaves = leavesOf(en);
    expect(leaves.length).toBeGreaterThan(100);
    expect(leaves.filter(([, m]) => typeof m !== 'string' || m === '').map(([k]) => k)).toEqual([]);
  });

  it('every other catalogue has the English keys, the plural forms of its language and the English {{variables}}', () => {
    const problems = [...catalogues]
      .filter(([locale]) => locale !== 'en')
      .flatMap(([locale]) => catalogueProblems(locale, en, messagesFor(locale as Locale)));
    expect(problems).toEqual([]);
  });

  // A word may be the same in two languages ("Source", "Date", "Session" in French), but a
  // catalogue that is mostly English has been left untranslated.
  it.each(LOCALES.filter((l) => l !== 'en'))('%s is translated, not English left in place', (locale) => {
    const english = new Map(leavesOf(en));
    const words = (m: unknown) => typeof m === 'string' && /\p{L}{2,}/u.test(m.replace(/\{\{[^}]*\}\}/g, ''));
    const translated = leavesOf(messagesFor(locale)).filter(([, m]) => words(m));
    const same = translated.filter(([key, m]) => english.get(key) === m);
    expect(translated.length).toBeGreaterThan(1000);
    expect(same.length / translated.length, same.map(([k]) => k).join(', ')).toBeLessThan(0.08);
  });

  describe('the comparison fails on a broken translation', () => {
    const english = { a: { greet: 'Hello {{name}}', plain: 'Maps' }, party_one: '{{count}} party', party_other: '{{count}} parties' };
    const good = {
      a: { greet: 'Bonjour {{name}}', plain: 'Cartes' },
      party_one: '{{count}} partie',
      party_many: '{{count}} parties',
      party_other: '{{count}} parties',
    };

    it('accepts a complete French catalogue (with the plural forms French has)', () => {
      expect(new Intl.PluralRules('fr').resolvedOptions().pluralCategories).toContain('many');
      expect(catalogueProblems('fr', english, good)).toEqual([]);
    });
    it('finds a missing key, an extra key, a changed variable and a non-text message', () => {
      expect(catalogueProblems('fr', english, { ...good, a: { greet: 'Bonjour {{nom}}' }, extra: 'x' })).toEqual([
        'fr: a.greet uses {{nom}} where English has {{name}}',
        'fr: missing a.plain',
        'fr: extra extra',
      ]);
      expect(catalogueProblems('fr', english, { ...good, a: { greet: 'Bonjour {{name}}', plain: { nested: 'x' } } })).toEqual([
        'fr: missing a.plain',
        'fr: extra a.plain.nested',
      ]);
      expect(catalogueProblems('fr', english, { ...good, a: { greet: 'Bonjour {{name}}', plain: 3 } })).toEqual([
        'fr: a.plain is not text',
      ]);
    });
    it('asks Arabic for its six plural forms and English for two', () => {
      const ar = catalogueProblems('ar', english, good);
      expect(ar).toEqual(expect.arrayContaining(['ar: missing party_zero', 'ar: missing party_two', 'ar: missing party_few']));
      expect(catalogueProblems('en', english, english)).toEqual([]);
      expect(catalogueProblems('en', english, good)).toEqual(['en: extra party_many']);
    });
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
