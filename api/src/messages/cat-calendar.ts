/**
 * The CAT reporting deadlines as an iCalendar feed (GET /api/cat-reporting/calendar.ics): one event
 * per dated deadline, worded from the CAT reporting catalogue (cat-reporting.en.json, keys under
 * `catReportingText.calendar`), so the feed says what the pages and the API's text fields say.
 * The file format itself (escaping, folding, UIDs) is domain/ics.ts.
 */
import type { CatDeadline } from '../domain/cat-reporting.js';
import { buildIcsCalendar, type IcsEvent } from '../domain/ics.js';
import type { IsoDate } from '../domain/types.js';
import type { CatWording } from './cat-reporting.js';

const K = 'catReportingText.calendar';

export interface CatCalendarOptions {
  /** The words: the API passes its English (cat-reporting-en.ts). */
  wording: Pick<CatWording, 't'>;
  /** Names by ISO3 in the wording's language (the state's code is used when a name is missing). */
  stateNames: Readonly<Record<string, string>>;
  /** Source titles by id, for the DESCRIPTION (the id is used when a title is missing). */
  sourceTitles?: Readonly<Record<string, string>>;
  dtstamp: string;
  /**
   * The date the evidence covers (the latest date the CAT reporting records run to), for the
   * "Data as of" line. The deadlines' own `asOf` is the date their status was worked out for
   * (the request's date), which says nothing about how recent the sources are.
   */
  dataAsOf: IsoDate;
  /** The calendar's name; by default the name for all States. */
  name?: string;
  /** A link for each event, e.g. the State's page. */
  url?: (deadline: CatDeadline) => string | null;
}

function overdueLine(d: CatDeadline, t: CatWording['t']): string {
  const values = { basis: d.overdueBasis ?? '', date: d.establishedAsOf, count: d.daysOverdue };
  const key = d.establishedAsOf
    ? d.daysOverdue !== null
      ? 'overdueOnDays'
      : 'overdueOn'
    : d.daysOverdue !== null
      ? 'overdueDays'
      : 'overdue';
  // A missing basis leaves "…:" rather than a dangling space.
  return t(`${K}.${key}`, values).trim();
}

/** One VEVENT per deadline: UID stable per State, report and kind; the text says whether the date is computed, and from what. */
export function catCalendarEvents(deadlines: CatDeadline[], options: CatCalendarOptions): IcsEvent[] {
  const { t } = options.wording;
  return deadlines.map((d) => {
    const state = options.stateNames[d.stateIso3] ?? d.stateIso3;
    const marks = [d.status === 'overdue' ? t(`${K}.markOverdue`) : null, d.computed ? t(`${K}.markComputed`) : null].filter(
      (mark): mark is string => mark !== null,
    );
    const sources = d.sourceIds.map((id) => options.sourceTitles?.[id] ?? id);
    const withNote = (sentence: string) => (d.note ? `${sentence} ${d.note}` : sentence);
    const description = [
      t(`${K}.dueLine`, { state, what: d.label, date: d.date }),
      d.computed ? withNote(t(`${K}.computed`, { rule: d.rule ?? t(`${K}.ruleNotStated`) })) : withNote(t(`${K}.recorded`)),
      d.procedure ? t(d.procedure === 'simplified' ? `${K}.procedureSimplified` : `${K}.procedureStandard`) : null,
      d.status === 'overdue' ? overdueLine(d, t) : null,
      sources.length ? t(`${K}.sources`, { count: sources.length, sources: sources.join('; ') }) : t(`${K}.sourceNotRecorded`),
      d.asOf === options.dataAsOf
        ? t(`${K}.dataAsOf`, { date: options.dataAsOf })
        : t(`${K}.dataAsOfWorkedOut`, { date: options.dataAsOf, asOf: d.asOf }),
    ]
      .filter((line): line is string => line !== null)
      .join('\n');
    return {
      uid: d.uid,
      date: d.date,
      summary: marks.length
        ? t(`${K}.summaryMarked`, { state, what: d.label, marks: marks.join('; ') })
        : t(`${K}.summary`, { state, what: d.label }),
      description,
      url: options.url?.(d) ?? null,
      categories: [
        t(`${K}.categoryAll`),
        t(d.kind === 'report' ? `${K}.categoryReport` : `${K}.categoryFollowUp`),
        ...(d.status === 'overdue' ? [t(`${K}.categoryOverdue`)] : []),
      ],
    };
  });
}

/** A complete calendar of CAT deadlines (all States, or the ones passed in). */
export function catCalendar(deadlines: CatDeadline[], options: CatCalendarOptions): string {
  const { t } = options.wording;
  return buildIcsCalendar({
    prodId: '-//Treaty ratification tracker//CAT reporting deadlines//EN',
    name: options.name ?? t(`${K}.name`),
    description: t(`${K}.description`),
    dtstamp: options.dtstamp,
    events: catCalendarEvents(deadlines, options),
  });
}

/** The calendar's name for one State's deadlines. */
export const catCalendarNameOf = (state: string, { t }: Pick<CatWording, 't'>): string => t(`${K}.nameOfState`, { state });

/** A source as the feed cites it: its title, with the date it is as of when recorded. */
export const catCalendarSourceTitle = (title: string, asOf: string | null, { t }: Pick<CatWording, 't'>): string =>
  asOf ? t(`${K}.sourceAsOf`, { title, date: asOf }) : title;
