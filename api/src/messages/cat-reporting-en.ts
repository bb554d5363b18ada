/**
 * The API's words for CAT reporting: English by default (the seed records computed dates in it), and
 * French, Spanish or Arabic when an answer is asked for in them, from the catalogues the dashboard
 * also uses (cat-reporting.<language>.json): i18next for interpolation and plurals (ordinals with
 * Intl.PluralRules), Intl for month names. Days stay ISO dates (YYYY-MM-DD), as everywhere else in
 * the API.
 */
import type { CatDeadline, CatDeadlineFacts, CatDueDate, CatDueDateText, CatReportRef } from '../domain/cat-reporting.js';
import { LANGUAGES, type Language } from '../domain/languages.js';
import {
  CAT_REPORTING_MESSAGES,
  dueNote,
  followUpShortLabel,
  overdueBasisText,
  reportName,
  reportShortLabel,
  ruleText,
  type CatWording,
} from './cat-reporting.js';
import { intlLocale, plainTextTranslator } from './translator.js';

function wordingIn(language: Language): CatWording {
  const t = plainTextTranslator(language, CAT_REPORTING_MESSAGES[language]);
  const monthYear = new Intl.DateTimeFormat(intlLocale(language), { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const list = new Intl.ListFormat(intlLocale(language), { style: 'long', type: 'conjunction' });
  return {
    t: (key, values) => t(key, values ?? {}),
    date: (iso, precision = 'day') =>
      precision === 'day' ? iso : precision === 'year' ? iso.slice(0, 4) : monthYear.format(Date.parse(`${iso}T00:00:00Z`)),
    list: (items) => list.format(items),
  };
}

const wordings = Object.fromEntries(LANGUAGES.map((language) => [language, wordingIn(language)])) as Record<Language, CatWording>;

/**
 * The API's words for CAT reporting in a language, with ISO days ("2002-07-28"), months as Intl
 * words them ("November 2025", "novembre 2025") and years as "2016".
 */
export const catWording = (language: Language): CatWording => wordings[language];

/** English: the words the seed records computed dates with, and the default of every answer. */
export const catEnglish: CatWording = wordings.en;

/** "initial", "2nd periodic", "6th-7th periodic (combined)": a report as the sources name one. */
export const reportLabel = (number: number, lastNumber = number): string =>
  reportShortLabel({ reportNumber: number, lastReportNumber: lastNumber }, catEnglish);

/** "2024-07" -> "July 2024". */
export const monthName = (yyyyMm: string): string => catEnglish.date(`${yyyyMm}-01`, 'month');

/** A computed due date with its words (English, as the seed records it, unless asked otherwise). */
export function catDueDateText(due: CatDueDate, w: CatWording = catEnglish): CatDueDateText {
  // In the seed's field order, so that the stored JSON reads the same way for every record.
  return {
    date: due.date,
    precision: due.precision,
    notBefore: due.notBefore,
    basis: due.basis,
    sourceId: due.sourceId,
    rule: due.ruleId ? ruleText(due.ruleId, w) : null,
    asStated: due.asStated,
    note: dueNote(due.reasons, w),
  };
}

/** A deadline with its words, for the calendar feed. */
export function catDeadlineText(d: CatDeadlineFacts, w: CatWording = catEnglish): CatDeadline {
  const ref: CatReportRef | null =
    d.reportNumber === null ? null : { reportNumber: d.reportNumber, lastReportNumber: d.lastReportNumber ?? d.reportNumber };
  const label = d.kind === 'report' && ref ? reportName(ref, w) : followUpShortLabel(d, w);
  return {
    ...d,
    label,
    rule: d.ruleId ? ruleText(d.ruleId, w) : null,
    note: dueNote(d.dueReasons, w),
    overdueBasis: d.overdueReason ? overdueBasisText(d.overdueReason, w) : null,
  };
}
