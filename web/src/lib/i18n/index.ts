import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '@tracker/api/domain';
import i18next, { type TFunction } from 'i18next';
import { getContext, setContext } from 'svelte';

/**
 * Languages with a message catalogue in ./locales: the four in which the tracker's users read and
 * the UN publishes, as the API lists them (one list for both). Direction (rtl for Arabic) comes
 * from i18next, so layouts need no change.
 */
export const LOCALES = LANGUAGES;
export type Locale = Language;

/** Each language by its own name, as the language switcher offers it (not translated, on purpose). */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français', es: 'Español', ar: 'العربية' };
export const DEFAULT_LOCALE: Locale = DEFAULT_LANGUAGE;

export type Messages = Record<string, unknown>;

export const isLocale = (value: string | null | undefined): value is Locale => !!value && (LOCALES as readonly string[]).includes(value);

export interface Translator {
  t: TFunction;
  locale: Locale;
  dir: 'ltr' | 'rtl';
  /** A link to a page of the dashboard, in this language (see localizePath). */
  localHref: (path: string) => string;
}

/**
 * English pages keep the addresses they always had; the other languages put their code first
 * (`/fr/maps`, `/ar/states/TUN`). One set of routes serves them all: `reroute` (hooks.ts) reads
 * the page's route without the prefix.
 */
export function localeOfPath(pathname: string): Locale {
  const first = pathname.split('/')[1];
  return first && first !== DEFAULT_LOCALE && isLocale(first) ? first : DEFAULT_LOCALE;
}

/** The route a localised path names: `/fr/maps` -> `/maps`, `/fr` -> `/`. */
export function delocalizePath(pathname: string): string {
  const locale = localeOfPath(pathname);
  if (locale === DEFAULT_LOCALE) return pathname;
  return pathname.slice(locale.length + 1) || '/';
}

/**
 * A dashboard link in a language: `/maps?x=1` -> `/fr/maps?x=1`. Anything that is not a page of
 * the dashboard passes unchanged: the API (`/api/...`, one address for every language), built
 * assets, fragments (`#main`), form actions (`?/publish`) and other sites. A path that already
 * carries a language is first taken back to its route, so a link built from the current address
 * never gets two prefixes.
 */
export function localizePath(path: string, locale: Locale): string {
  if (!path.startsWith('/') || path.startsWith('//') || /^\/(api|_app)(\/|$|\?)/.test(path)) return path;
  const cut = path.search(/[?#]/);
  const [pathname, rest] = cut < 0 ? [path, ''] : [path.slice(0, cut), path.slice(cut)];
  const route = delocalizePath(pathname);
  if (locale === DEFAULT_LOCALE) return route + rest;
  return (route === '/' ? `/${locale}` : `/${locale}${route}`) + rest;
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
  return { t: instance.t.bind(instance), locale, dir: textDirection(locale), localHref: (path) => localizePath(path, locale) };
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
