import { CAT_REPORTING_MESSAGES_EN } from '@tracker/api/domain';
import Negotiator from 'negotiator';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale, type Messages } from './index';

// Every catalogue, read at build time; only the one a page needs is sent to the browser.
const catalogues = import.meta.glob<Messages>('./locales/*.json', { eager: true, import: 'default' });

/**
 * The English words for CAT reporting's codes live with the API, which words its own text fields
 * with them (api/src/messages/cat-reporting.en.json, under `catReportingText`); the English
 * catalogue here takes them in. Other languages translate them in their own catalogue files.
 */
const SHARED: Partial<Record<Locale, Messages>> = { en: CAT_REPORTING_MESSAGES_EN };

export function messagesFor(locale: Locale): Messages {
  const messages = catalogues[`./locales/${locale}.json`];
  if (!messages) throw new Error(`No message catalogue for locale "${locale}"`);
  return { ...SHARED[locale], ...messages };
}

/**
 * The language for a request: an explicit ?lang=, then the `lang` cookie, then the browser's
 * Accept-Language preferences (matched by `negotiator`), then English.
 */
export function negotiateLocale({
  query,
  cookie,
  acceptLanguage,
}: {
  query: string | null;
  cookie: string | undefined;
  acceptLanguage: string | null;
}): Locale {
  if (isLocale(query)) return query;
  if (isLocale(cookie)) return cookie;
  const negotiator = new Negotiator({ headers: { 'accept-language': acceptLanguage ?? '' } });
  const preferred = negotiator.languages([...LOCALES]).find(isLocale);
  return preferred ?? DEFAULT_LOCALE;
}
