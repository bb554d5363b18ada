/**
 * The query parameters pages read, and a page's query reduced to them. Shared by the page cache's
 * variants (server/page-variant.ts) and by links that keep the current view (the language
 * switcher): a cached page is served to every reader, so a link on it must not carry one reader's
 * other parameters (a tracking tag, say) to all.
 */
import { ADVOCACY_KEYS } from '$lib/advocacy';
import { AGENDA_QUERY_KEYS } from '$lib/agenda';
import { CAT_FILTER_KEYS } from '$lib/cat-reporting';
import { CHANGE_QUERY_KEYS } from '$lib/changes';
import { DIGEST_QUERY_KEYS } from '$lib/digest';
import { FOLLOW_UP_KEYS } from '$lib/follow-up';
import { FILTER_KEYS } from '$lib/query';
import { UPR_FILTER_KEYS } from '$lib/upr';

/**
 * Parameters a page reads every value of (`status=signatory&status=no-action`, as checkboxes send
 * them, or comma-separated; the agenda's kinds likewise): the variant keeps them all, split, deduplicated and sorted, since
 * their order does not change the page.
 */
export const MULTI_VALUED_PARAMS: readonly string[] = ['status', 'kind'];

/** Every query parameter a page or its load function reads (`lang` only sends the reader to a page in that language). */
export const PAGE_QUERY_PARAMS: readonly string[] = [
  ...new Set([
    // maps, states, state profiles, compare (readViewQuery, readFamily) and their sorted tables (readSort)
    'asOf',
    ...FILTER_KEYS,
    ...MULTI_VALUED_PARAMS,
    // the states list's status filter names its instrument
    'instrument',
    'family',
    'sort',
    'dir',
    // UPR search (readUprQuery), its review pages (cycle, page) and the state chooser (state)
    ...UPR_FILTER_KEYS,
    'page',
    'pageSize',
    // advocacy lists (readAdvocacyView; their statuses are the multi-valued `status`)
    ...ADVOCACY_KEYS,
    // CAT reporting (readCatQuery)
    ...CAT_FILTER_KEYS,
    'overdue',
    // the change feed (readChangesQuery)
    ...CHANGE_QUERY_KEYS,
    // the "what changed since" digest (readDigestQuery)
    ...DIGEST_QUERY_KEYS,
    // the agenda (readAgendaQuery; its kinds are the multi-valued `kind`)
    ...AGENDA_QUERY_KEYS,
    // follow-up plans (readFollowUpQuery)
    ...FOLLOW_UP_KEYS,
    // the new-plan form's review, filled in from a link (a signed-in page, never cached, but read like one)
    'review',
    // the comparison's download (not an HTML page, so never cached, but read like one)
    'format',
    'bom',
    // The sign-in page's return address (it is written into the form).
    'next',
  ]),
].sort();

/**
 * The parameters of a query that a page reads: the first value of each (an empty one counts as
 * absent), and every value of a list-valued one, split, deduplicated and sorted.
 */
export function canonicalQuery(searchParams: URLSearchParams): URLSearchParams {
  const query = new URLSearchParams();
  for (const name of PAGE_QUERY_PARAMS) {
    if (MULTI_VALUED_PARAMS.includes(name)) {
      const values = new Set(searchParams.getAll(name).flatMap((v) => v.split(',').map((s) => s.trim())));
      values.delete('');
      for (const value of [...values].sort()) query.append(name, value);
      continue;
    }
    const value = searchParams.get(name);
    if (value) query.set(name, value);
  }
  return query;
}
