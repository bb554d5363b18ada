import i18next, { type TFunction } from 'i18next';
import { getContext, setContext } from 'svelte';

/**
 * Languages with a message catalogue in ./locales. Adding French, Spanish or Arabic means adding
 * `fr.json`, `es.json` or `ar.json` there and its code here; direction (rtl for Arabic) comes from
 * i18next, so layouts need no change.
 */
export const LOCALES = ['en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export type Messages = Record<string, unknown>;

export const isLocale = (value: string | null | undefined): value is Locale => !!value && (LOCALES as readonly string[]).includes(value);

export interface Translator {
  t: TFunction;
  locale: Locale;
  dir: 'ltr' | 'rtl';
}

/**
 * A translator for one request or page. Each gets its own i18next instance, so concurrent
 * server renders in different languages never share state.
 */
export function createTranslator(locale: Locale, messages: Messages): Translator {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: false,
    resources: { [locale]: { translation: messages } },
    initAsync: false,
    interpolation: { escapeValue: false }, // Svelte escapes on output
    returnNull: false,
    showSupportNotice: false, // no console advertising in server logs
  });
  return { t: instance.t.bind(instance), locale, dir: textDirection(locale) };
}

const directions = new Map<string, 'ltr' | 'rtl'>();

/** The writing direction of a language (rtl for Arabic), from i18next's list; worked out once per language. */
export function textDirection(locale: Locale): 'ltr' | 'rtl' {
  let dir = directions.get(locale);
  if (!dir) {
    dir = i18next.createInstance().dir(locale) === 'rtl' ? 'rtl' : 'ltr';
    directions.set(locale, dir);
  }
  return dir;
}

const KEY = Symbol('translator');
export const setTranslator = (translator: Translator) => setContext(KEY, translator);
/** The page's translator; call during component initialisation. */
export const getTranslator = (): Translator => getContext<Translator>(KEY);
