/**
 * The languages the tracker speaks: those its users read and in which the UN publishes. English is
 * the default; the API answers in another when asked (`?lang=` or Accept-Language) and the
 * dashboard puts the language in its addresses (`/fr/...`).
 */
export const LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** A State's UN short name in each language, as the `state` table holds them. */
export interface StateNameColumns {
  nameEn: string;
  nameFr: string;
  nameEs: string;
  nameAr: string;
}
const NAME_COLUMN = { en: 'nameEn', fr: 'nameFr', es: 'nameEs', ar: 'nameAr' } as const satisfies Record<Language, keyof StateNameColumns>;

/** A State's UN short name in a language (every State has all four in the data). */
export const stateNameIn = (state: StateNameColumns, language: Language): string => state[NAME_COLUMN[language]];
