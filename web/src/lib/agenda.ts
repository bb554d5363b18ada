/**
 * The agenda page (/agenda): its choices as they travel in the URL, the links built from them and
 * the grouping of its list. The page and the API (GET /api/agenda) use the same names and values,
 * so the page's CSV and calendar links are its own query plus `format`. Values are not validated
 * here: the API does that and answers a bad one with a 400 that says what is wrong.
 */
import { AGENDA_KINDS, type AgendaKind, type AgendaStatus } from '@tracker/api/domain';
import { addDays } from '$lib/dates';
import { toSearch } from '$lib/query';

export const AGENDA_QUERY_KEYS = ['from', 'to', 'kind', 'state', 'instrument', 'group'] as const;

export interface AgendaPageQuery {
  from: string | null;
  to: string | null;
  /** In the vocabulary's order, so one choice has one URL; an unknown value is kept for the API to name. */
  kind: string[];
  state: string | null;
  instrument: string | null;
  group: string | null;
}

/** The page's choices from its URL; empty fields count as absent. */
export function readAgendaQuery(params: URLSearchParams): AgendaPageQuery {
  const value = (name: string) => params.get(name)?.trim() || null;
  const asked = new Set(
    params
      .getAll('kind')
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean),
  );
  const kind = [...AGENDA_KINDS.filter((k) => asked.delete(k)), ...asked];
  return {
    from: value('from'),
    to: value('to'),
    kind,
    state: value('state')?.toUpperCase() ?? null,
    instrument: value('instrument'),
    group: value('group'),
  };
}

/**
 * The dates the page shows: those asked for, else today and the year ahead (planning looks
 * forward); a reader who gives only one end gets no limit at the other.
 */
export function agendaWindow(query: AgendaPageQuery, today: string): { from: string | null; to: string | null } {
  if (query.from === null && query.to === null) return { from: today, to: addDays(today, 365) };
  return { from: query.from, to: query.to };
}

type Filters = Omit<AgendaPageQuery, 'from' | 'to'>;
const filtersOf = ({ kind, state, instrument, group }: Filters) => ({ kind, state, instrument, group });

/** The page for this query. */
export const agendaPageHref = (query: AgendaPageQuery) => `/agenda${toSearch({ from: query.from, to: query.to, ...filtersOf(query) })}`;

/** The API's file of the dates shown: a CSV (with a byte order mark, as every download) or a calendar file. */
export const agendaFileHref = (window: { from: string | null; to: string | null }, query: Filters, format: 'csv' | 'ics' | 'json') =>
  `/api/agenda${toSearch({ ...window, ...filtersOf(query), format: format === 'json' ? null : format, bom: format === 'csv' ? 'true' : null })}`;

/**
 * The calendar to subscribe to: the filters without dates, so the subscription keeps every event,
 * past and future, and never runs out.
 */
export const agendaSubscriptionHref = (query: Filters) => agendaFileHref({ from: null, to: null }, query, 'ics');

/** How a status reads for a kind: a meeting is held, a deadline passes, a date of effect comes. */
export type AgendaStatusWord = 'held' | 'scheduled' | 'passed' | 'ahead';
const MEETINGS: ReadonlySet<AgendaKind> = new Set(['upr-session', 'upr-review', 'cat-session', 'cat-dialogue']);
export const statusWord = (kind: AgendaKind, status: AgendaStatus): AgendaStatusWord =>
  MEETINGS.has(kind) ? status : status === 'held' ? 'passed' : 'ahead';

/** Events grouped by the month they start in (YYYY-MM), in order. */
export function byMonth<T extends { date: string }>(events: readonly T[]): { month: string; events: T[] }[] {
  const groups: { month: string; events: T[] }[] = [];
  for (const event of events) {
    const month = event.date.slice(0, 7);
    const last = groups.at(-1);
    if (last?.month === month) last.events.push(event);
    else groups.push({ month, events: [event] });
  }
  return groups;
}
