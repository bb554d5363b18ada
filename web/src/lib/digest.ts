/**
 * The "what changed since" digest (/changes/digest): for one State, one instrument or both, from a
 * date to today: whose status changed (the status on that date against today's), the dated events
 * in between (the agenda) and the changes recorded to the data (the change feed). Its choices
 * travel in the URL; the API validates the values.
 */
import { addDays } from '$lib/dates';

export const DIGEST_QUERY_KEYS = ['state', 'instrument', 'since'] as const;

/** Without a date: the last 90 days, about one UPR or CAT session's distance. */
export const DIGEST_DEFAULT_DAYS = 90;

export interface DigestQuery {
  state: string | null;
  instrument: string | null;
  since: string | null;
}

export function readDigestQuery(params: URLSearchParams): DigestQuery {
  const value = (name: string) => params.get(name)?.trim() || null;
  return { state: value('state')?.toUpperCase() ?? null, instrument: value('instrument'), since: value('since') };
}

export const digestSince = (query: DigestQuery, today: string) => query.since ?? addDays(today, -DIGEST_DEFAULT_DAYS);

export interface StatusChange<S extends string = string> {
  iso3: string;
  instrumentId: string;
  before: S;
  after: S;
}

/** Pairs (State, instrument) whose status on the later date differs from the earlier one, in the order given. */
export function statusChanges<S extends string>(
  before: readonly { iso3: string; instrumentId: string; status: S }[],
  after: readonly { iso3: string; instrumentId: string; status: S }[],
): StatusChange<S>[] {
  const earlier = new Map(before.map((r) => [`${r.iso3}:${r.instrumentId}`, r.status]));
  return after.flatMap((r) => {
    const was = earlier.get(`${r.iso3}:${r.instrumentId}`);
    return was !== undefined && was !== r.status ? [{ iso3: r.iso3, instrumentId: r.instrumentId, before: was, after: r.status }] : [];
  });
}
