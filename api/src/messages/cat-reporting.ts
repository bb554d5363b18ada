/**
 * The words for CAT reporting. The domain (api/src/domain/cat-reporting.ts) speaks in codes with
 * their values; these functions word them with a message catalogue: the API with the English one
 * (cat-reporting.en.json, through cat-reporting-en.ts), the dashboard with the catalogue of the
 * reader's language, which merges the same English messages. One wording, so the API's text
 * fields and the pages say the same thing.
 *
 * Pure: the caller brings its translator (i18next's `t`) and its date and list formats.
 */
import type {
  CatDueDate,
  CatDueReason,
  CatOverdueReason,
  CatProcedureReason,
  CatReceipt,
  CatReportRef,
  CatRuleId,
  CatSituationReason,
} from '../domain/cat-reporting.js';
import ar from './cat-reporting.ar.json' with { type: 'json' };
import en from './cat-reporting.en.json' with { type: 'json' };
import es from './cat-reporting.es.json' with { type: 'json' };
import fr from './cat-reporting.fr.json' with { type: 'json' };
import type { Language } from '../domain/languages.js';

/** The English CAT reporting messages, under the key `catReportingText`, for a catalogue to merge. */
export const CAT_REPORTING_MESSAGES_EN = en;

/** The CAT reporting messages in each language, under `catReportingText`: the API words its text fields with them, and the dashboard merges them into its catalogues. */
export const CAT_REPORTING_MESSAGES: Record<Language, { catReportingText: Record<string, unknown> }> = { en, fr, es, ar };

export type Translate = (key: string, values?: Record<string, unknown>) => string;

export interface CatWording {
  t: Translate;
  /** A date for people, no more precise than `precision` (default 'day'). */
  date: (iso: string, precision?: 'day' | 'month' | 'year') => string;
  /** "a, b and c" in the language of `t`. */
  list: (items: string[]) => string;
}

const K = 'catReportingText';

/** "1st", "2nd", "23rd" (i18next ordinal plurals). */
export const ordinalText = (n: number, { t }: Pick<CatWording, 't'>): string => t(`${K}.ordinal`, { count: n, ordinal: true });

/** A report mid-sentence: "initial report", "2nd periodic report", "5th–6th periodic reports (combined)". */
export function reportName({ reportNumber, lastReportNumber }: CatReportRef, { t }: Pick<CatWording, 't'>): string {
  if (reportNumber === 1 && lastReportNumber === 1) return t(`${K}.report.initial`);
  if (lastReportNumber > reportNumber)
    return t(`${K}.report.combined`, { first: ordinalText(reportNumber, { t }), last: ordinalText(lastReportNumber, { t }) });
  return t(`${K}.report.periodic`, { ordinal: ordinalText(reportNumber, { t }) });
}

/** A report as the sources name one: "initial", "2nd periodic", "5th-6th periodic (combined)". */
export function reportShortLabel({ reportNumber, lastReportNumber }: CatReportRef, { t }: Pick<CatWording, 't'>): string {
  if (reportNumber === 1 && lastReportNumber === 1) return t(`${K}.label.initial`);
  if (lastReportNumber > reportNumber)
    return t(`${K}.label.combined`, { first: ordinalText(reportNumber, { t }), last: ordinalText(lastReportNumber, { t }) });
  return t(`${K}.label.periodic`, { ordinal: ordinalText(reportNumber, { t }) });
}

type ObligationRef =
  | { kind: 'report'; reportNumber: number; lastReportNumber: number }
  | { kind: 'follow-up'; reportNumber: number | null; lastReportNumber: number | null; consideredWith?: CatReportRef[] };

/** A follow-up mid-sentence: "follow-up to the concluding observations on the initial report". */
export function followUpShortLabel(
  o: { reportNumber: number | null; lastReportNumber: number | null; consideredWith: CatReportRef[] },
  w: Pick<CatWording, 't' | 'list'>,
): string {
  const { t } = w;
  if (o.reportNumber === null) return t(`${K}.label.followUpUnidentified`);
  const own = { reportNumber: o.reportNumber, lastReportNumber: o.lastReportNumber ?? o.reportNumber };
  if (o.consideredWith.length > 0)
    return t(`${K}.label.followUpTogether`, { reports: w.list([...o.consideredWith, own].map((r) => reportName(r, w))) });
  return t(`${K}.label.followUp`, { report: reportName(own, w) });
}

/** What an obligation is, on its own: "Initial report", "Follow-up to the concluding observations on the 7th periodic report". */
export function obligationLabel(o: ObligationRef, w: Pick<CatWording, 't'> & Partial<Pick<CatWording, 'list'>>): string {
  const { t } = w;
  if (o.kind === 'follow-up') {
    if (o.reportNumber === null) return t(`${K}.owed.followUpUnidentified`);
    const own = { reportNumber: o.reportNumber, lastReportNumber: o.lastReportNumber ?? o.reportNumber };
    const together = o.consideredWith ?? [];
    if (together.length > 0 && w.list) {
      return t(`${K}.owed.followUpTogether`, { reports: w.list([...together, own].map((r) => reportName(r, { t }))) });
    }
    return t(`${K}.owed.followUp`, { report: reportName(own, { t }) });
  }
  if (o.reportNumber === 1 && o.lastReportNumber === 1) return t(`${K}.owed.initial`);
  if (o.lastReportNumber > o.reportNumber) {
    return t(`${K}.owed.combined`, { first: ordinalText(o.reportNumber, { t }), last: ordinalText(o.lastReportNumber, { t }) });
  }
  return t(`${K}.owed.periodic`, { ordinal: ordinalText(o.reportNumber, { t }) });
}

type DueFacts = Pick<CatDueDate, 'date' | 'precision' | 'notBefore' | 'basis'>;

/** "28 Jul 2002 (computed)", "in 2002 (recorded)", "not before 9 Nov 2027 (computed)"; null when nothing is known. */
export function dueText(due: DueFacts, w: Pick<CatWording, 't' | 'date'>): string | null {
  const { t } = w;
  if (due.date === null) {
    return due.notBefore ? t(`${K}.due.notBefore`, { date: w.date(due.notBefore), basis: t(`${K}.basis.computed`) }) : null;
  }
  const basis = t(`${K}.basis.${due.basis === 'recorded' ? 'recorded' : 'computed'}`);
  return due.precision === 'year'
    ? t(`${K}.due.year`, { year: due.date.slice(0, 4), basis })
    : t(`${K}.due.day`, { date: w.date(due.date), basis });
}

/** "due 28 Jul 2002 (computed)", or "due date not recorded". */
export function duePhrase(due: DueFacts, w: Pick<CatWording, 't' | 'date'>): string {
  const text = dueText(due, w);
  return text === null ? w.t(`${K}.due.notRecorded`) : w.t(`${K}.due.phrase`, { due: text });
}

/** The deadline rule applied to a computed date. */
export const ruleText = (id: CatRuleId, { t }: Pick<CatWording, 't'>): string => t(`${K}.rule.${id}`);

/** Every rule, by id (the `rules` of the API's list answer). */
export const ruleTexts = (w: Pick<CatWording, 't'>, ids: readonly CatRuleId[]): Record<CatRuleId, string> =>
  Object.fromEntries(ids.map((id) => [id, ruleText(id, w)])) as Record<CatRuleId, string>;

/** One sentence on how a due date was arrived at, or why there is none. */
export function dueReasonText(reason: CatDueReason, w: CatWording): string {
  const { t } = w;
  const key = `${K}.reason.due.${reason.code}`;
  switch (reason.code) {
    case 'entry-into-force':
      return t(reason.computed ? key : `${key}-recorded`, { date: w.date(reason.entryIntoForce) });
    case 'after-concluding-observations':
      return t(key, { count: reason.years, report: reportName(reason, w), date: w.date(reason.adopted) });
    case 'concluding-observations-not-dated':
      return t(key, { report: reportName(reason, w), lower: w.date(reason.adoptedOnOrAfter), notBefore: w.date(reason.notBefore) });
    case 'concluding-observations-coarse':
      return t(key, {
        report: reportName(reason, w),
        period: w.date(reason.adopted.date, reason.adopted.precision),
        lower: w.date(reason.adoptedOnOrAfter),
        notBefore: w.date(reason.notBefore),
      });
    case 'review-not-recorded':
    case 'considered-together':
      return t(key, { report: reportName(reason, w) });
    case 'concluding-observations-not-recorded':
      return t(key, { report: reportName(reason, w), received: w.date(reason.receivedBy), notBefore: w.date(reason.notBefore) });
    case 'not-yet-considered':
      return t(key, { report: reportName(reason, w), asOf: w.date(reason.asOf) });
    case 'agrees-with-stated-year':
      return t(key, { year: reason.year });
    case 'stated-year-wins':
      return t(key, { year: reason.year, date: w.date(reason.computedDate) });
    case 'no-entry-into-force':
    case 'successor-state':
    case 'previous-report-not-recorded':
    case 'list-refers-to-unrecorded-observations':
    case 'simplified-procedure':
      return t(key);
  }
}

/** The sentences behind a due date, or null when there are none. */
export const dueNote = (reasons: readonly CatDueReason[], w: CatWording): string | null =>
  reasons.length ? reasons.map((r) => dueReasonText(r, w)).join(' ') : null;

/** The evidence that an obligation is overdue, in one sentence. */
export function overdueBasisText(reason: CatOverdueReason, w: CatWording): string {
  const { t } = w;
  const key = `${K}.reason.overdue.${reason.code}`;
  if (reason.code === 'committee-follow-up-list') {
    return t(key, {
      month: w.date(`${reason.month}-01`, 'month'),
      session: ordinalText(reason.session, w),
      position: reason.position,
      listLength: reason.listLength,
    });
  }
  const values = {
    what: obligationLabel({ kind: 'report', ...reason }, w),
    due: duePhrase(reason.due, w),
    historyAsOf: w.date(reason.historyAsOf),
  };
  if (reason.code === 'considered-without-report' && reason.latenessAsStated)
    return t(`${key}-quoted`, { ...values, quote: reason.latenessAsStated });
  return t(key, values);
}

/** "received on 16 Dec 2019", "received in October 2011", "received by …", "received (no date recorded)". */
export function receiptPhrase(receipt: CatReceipt, w: Pick<CatWording, 't' | 'date'>): string {
  const key = `${K}.reason.receipt.${receipt.kind}`;
  switch (receipt.kind) {
    case 'on':
    case 'by':
      return w.t(key, { date: w.date(receipt.date) });
    case 'in':
      return w.t(key, { date: w.date(receipt.date, receipt.precision) });
    case 'undated':
      return w.t(key);
  }
}

/** The completeness record's own account, or that there is none. */
export const completenessBasisText = (basis: string | null, { t }: Pick<CatWording, 't'>): string => basis ?? t(`${K}.reason.noHistory`);

/** The facts behind a State's situation, in one or two sentences. */
export function situationBasisText(reason: CatSituationReason, w: CatWording): string {
  const { t } = w;
  const key = `${K}.reason.situation.${reason.code}`;
  switch (reason.code) {
    case 'not-in-force':
      return reason.entryIntoForce
        ? t(key, { asOf: w.date(reason.asOf), date: w.date(reason.entryIntoForce) })
        : t(`${key}-undated`, { asOf: w.date(reason.asOf) });
    case 'not-a-party':
      return t(key, { asOf: w.date(reason.asOf) });
    case 'overdue':
      return overdueBasisText(reason.overdue, w);
    case 'up-to-date': {
      const next = { next: reportName(reason.next, w), due: duePhrase(reason.next.due, w) };
      const last = reason.lastReceived;
      return last
        ? t(key, { last: obligationLabel({ kind: 'report', ...last }, w), receipt: receiptPhrase(last.receipt, w), ...next })
        : t(`${key}-first`, next);
    }
    case 'unidentified-review':
      return t(key, { activity: reason.activityAsStated, session: ordinalText(reason.session, w) });
    case 'unidentified-concluding-observations':
      return t(key, { month: w.date(`${reason.month}-01`, 'month') });
    case 'not-established': {
      const basis = completenessBasisText(reason.completenessBasis, w);
      const history =
        reason.completeness === 'complete' && reason.historyAsOf
          ? t(`${K}.reason.situation.history-complete`, { date: w.date(reason.historyAsOf) })
          : t(`${K}.reason.situation.history-${reason.completeness === 'partial' ? 'partial' : 'none'}`, { basis });
      return t(reason.receivedUndated ? `${key}-received` : key, {
        what: obligationLabel({ kind: 'report', ...reason }, w),
        due: duePhrase(reason.due, w),
        history,
      });
    }
    case 'history':
      return completenessBasisText(reason.completenessBasis, w);
  }
}

/** Why the next report follows its procedure: "Recorded: simplified reporting procedure." */
export function procedureBasisText(reason: CatProcedureReason, w: Pick<CatWording, 't'>): string {
  const key = `${K}.reason.procedure.${reason.code}`;
  return reason.code === 'recorded' ? w.t(key, { asStated: reason.asStated }) : w.t(key, { session: ordinalText(reason.session, w) });
}
