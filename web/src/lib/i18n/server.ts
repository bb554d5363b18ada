import { CAT_REPORTING_MESSAGES, MAP_MESSAGES } from '@tracker/api/domain';
import Negotiator from 'negotiator';
import type { TFunction } from 'i18next';
import { createTranslator, DEFAULT_LOCALE, isLocale, LOCALES, type Locale, type Messages } from './index';

// Every catalogue, read at build time; only the one a page needs is sent to the browser.
const catalogues = import.meta.glob<Messages>('./locales/*.json', { eager: true, import: 'default' });

/**
 * The words for CAT reporting's codes live with the API, which words its own text fields with them
 * (api/src/messages/cat-reporting.<language>.json, under `catReportingText`); each catalogue here
 * takes in its language's, so pages and the API say the same thing. So do the map's words (status
 * names, the key), which the API's map images use (api/src/messages/map.<language>.json).
 */
export function messagesFor(locale: Locale): Messages {
  const messages = catalogues[`./locales/${locale}.json`];
  if (!messages) throw new Error(`No message catalogue for locale "${locale}"`);
  return { ...CAT_REPORTING_MESSAGES[locale], ...MAP_MESSAGES[locale], ...messages };
}

/**
 * The language a reader prefers, for a visit to the home page `/` (every other address names its
 * language): the choice they made with the language switcher (the `lang` cookie), else their
 * browser's Accept-Language preferences (matched by `negotiator`), else English.
 */
export function preferredLocale({ cookie, acceptLanguage }: { cookie: string | undefined; acceptLanguage: string | null }): Locale {
  if (isLocale(cookie)) return cookie;
  const negotiator = new Negotiator({ headers: { 'accept-language': acceptLanguage ?? '' } });
  const preferred = negotiator.languages([...LOCALES]).find(isLocale);
  return preferred ?? DEFAULT_LOCALE;
}

/** The remembered choice: a year, for the whole site, readable only by the server. */
export const LANG_COOKIE = { name: 'lang', maxAge: 365 * 24 * 60 * 60 } as const;

const serverTranslators = new Map<Locale, TFunction>();

/** Words for what the server itself says (errors, refused forms), in the request's language. */
export function serverT(locale: Locale): TFunction {
  let t = serverTranslators.get(locale);
  if (!t) serverTranslators.set(locale, (t = createTranslator(locale, messagesFor(locale)).t));
  return t;
}
