/**
 * The API's English words for CAT reporting, from the catalogue the dashboard also uses
 * (cat-reporting.en.json): i18next for interpolation and plurals (ordinals with Intl.PluralRules),
 * Intl for month names. Days stay ISO dates (YYYY-MM-DD), as everywhere else in the API.
 */
import i18next from 'i18next';
import type { CatDeadline, CatDeadlineFacts, CatDueDate, CatDueDateText, CatReportRef } from '../domain/cat-reporting.js';
import {
  CAT_REPORTING_MESSAGES_EN,
  dueNote,
  followUpShortLabel,
  overdueBasisText,
  reportName,
  reportShortLabel,
  ruleText,
  type CatWording,
} from './cat-reporting.js';

const instance = i18next.createInstance();
void instance.init({
  lng: 'en',
  fallbackLng: false,
  resources: { en: { translation: CAT_REPORTING_MESSAGES_EN } },
  initAsync: false,
  interpolation: { escapeValue: false }, // plain text, not HTML
  returnNull: false,
  showSupportNotice: false,
});

const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** English with ISO days ("2002-07-28"), months as "November 2025", years as "2016". */
export const catEnglish: CatWording = {
  t: (key, values) => instance.t(key, values ?? {}),
  date: (iso, precision = 'day') =>
    precision === 'day' ? iso : precision === 'year' ? iso.slice(0, 4) : monthYear.format(Date.parse(`${iso}T00:00:00Z`)),
  list: (items) => new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' }).format(items),
};

/** "initial", "2nd periodic", "6th-7th periodic (combined)": a report as the sources name one. */
export const reportLabel = (number: number, lastNumber = number): string =>
  reportShortLabel({ reportNumber: number, lastReportNumber: lastNumber }, catEnglish);

/** "2024-07" -> "July 2024". */
export const monthName = (yyyyMm: string): string => catEnglish.date(`${yyyyMm}-01`, 'month');

/** A computed due date in the words the seed records it with (rule and note in English). */
export function catDueDateText(due: CatDueDate): CatDueDateText {
  // In the seed's field order, so that the stored JSON reads the same way for every record.
  return {
    date: due.date,
    precision: due.precision,
    notBefore: due.notBefore,
    basis: due.basis,
    sourceId: due.sourceId,
    rule: due.ruleId ? ruleText(due.ruleId, catEnglish) : null,
    asStated: due.asStated,
    note: dueNote(due.reasons, catEnglish),
  };
}

/** A deadline with its English words, for the calendar feed. */
export function catDeadlineText(d: CatDeadlineFacts): CatDeadline {
  const ref: CatReportRef | null =
    d.reportNumber === null ? null : { reportNumber: d.reportNumber, lastReportNumber: d.lastReportNumber ?? d.reportNumber };
  const label = d.kind === 'report' && ref ? reportName(ref, catEnglish) : followUpShortLabel(d, catEnglish);
  return {
    ...d,
    label,
    rule: d.ruleId ? ruleText(d.ruleId, catEnglish) : null,
    note: dueNote(d.dueReasons, catEnglish),
    overdueBasis: d.overdueReason ? overdueBasisText(d.overdueReason, catEnglish) : null,
  };
}
