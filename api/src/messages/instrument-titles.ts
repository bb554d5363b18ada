/**
 * Instrument titles in French, Spanish and Arabic, as the UN, the Court and States publish them
 * (instrument-titles.json, each with where it was found). Where no official title in a language was
 * found, the English one is kept and the answer says so (`titleLanguage: "en"`): a title is never
 * made up.
 */
import type { Language } from '../domain/languages.js';
import titles from './instrument-titles.json' with { type: 'json' };

interface Title {
  name: string;
  shortName: string;
  source: string;
}

const TITLES = titles as Record<string, Partial<Record<Language, Title>>>;

/** The instrument's titles in `language`, or its English ones where no official title in that language is recorded. */
export function titlesIn<T extends { id: string; name: string; shortName: string }>(
  instrument: T,
  language: Language,
): { name: string; shortName: string; titleLanguage: Language } {
  const found = language === 'en' ? undefined : TITLES[instrument.id]?.[language];
  return found
    ? { name: found.name, shortName: found.shortName, titleLanguage: language }
    : { name: instrument.name, shortName: instrument.shortName, titleLanguage: 'en' };
}
