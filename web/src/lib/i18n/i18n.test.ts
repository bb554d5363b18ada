import { describe, expect, it } from 'vitest';
import { createTranslator, LOCALES } from './index';
import { messagesFor, negotiateLocale } from './server';
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
  const forms = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const expected = new Map<string, string[]>();
  for (const [group, variables] of base) {
    const keys = plural.has(group) ? forms.map((f) => `${group}_${f}`) : [group];
    for (const key of keys) expected.set(key, [...variables].sort());
  }
  const actual = new Map(leavesOf(translated));
  for (const [key, variables] of expected) {
    if (!actual.has(key)) {
      problems.push(`${locale}: missing ${key}`);
      continue;
    }
    const message = actual.get(key);
    if (typeof message !== 'string') problems.push(`${locale}: ${key} is not text`);
    else if (variablesOf(message).join() !== variables.join())
      problems.push(`${locale}: ${key} uses {{${variablesOf(message).join('}}, {{')}}} where English has {{${variables.join('}}, {{')}}}`);
  }
  for (const key of actual.keys()) if (!expected.has(key)) problems.push(`${locale}: extra ${key}`);
  return problems;
}

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

  // Today only English exists (fr, es and ar are planned), so this checks no file yet; the
  // checker itself is shown to fail on broken catalogues below.
  it('every other catalogue has the English keys, the plural forms of its language and the English {{variables}}', () => {
    const problems = [...catalogues]
      .filter(([locale]) => locale !== 'en')
      .flatMap(([locale, messages]) => catalogueProblems(locale, en, messages));
    expect(problems).toEqual([]);
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
