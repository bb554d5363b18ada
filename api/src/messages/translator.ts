/**
 * A plain-text translator over one language's catalogue, as the API words its answers (CAT
 * reporting text, the agenda, map images): i18next for interpolation and plurals, no HTML escaping
 * (the callers write text, calendars or escape for XML themselves), no fallback language.
 */
import i18next, { type TFunction } from 'i18next';
import type { Language } from '../domain/languages.js';

export function plainTextTranslator(language: Language, catalogue: object): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: false,
    resources: { [language]: { translation: catalogue } },
    initAsync: false,
    interpolation: { escapeValue: false }, // plain text, not HTML
    returnNull: false,
    showSupportNotice: false,
  });
  return instance.t;
}

/** Intl's locale for a language: British English, as the UN writes it. */
export const intlLocale = (language: Language) => (language === 'en' ? 'en-GB' : language);
