import type { UprIndexSource } from '../repositories/upr.repository.js';
import { UPR_LINK_ACTIONS } from '../domain/upr-links.js';
import { INSTRUMENT_IDS } from '../domain/types.js';
import { UN_REGIONAL_GROUPS, UPR_RESPONSES, type UprSort } from '../domain/vocabulary.js';
// A value import: it makes the UPR schemas load here, which sets their place in api/openapi.json.
import { UPR_IMPLEMENTATION_STATUSES, type UprFacets, type UprFilters } from '../schemas/upr.js';

/**
 * An in-memory column index of the UPR recommendations, built once per data version, for search
 * and facets. SQLite answers the full-text match; everything else (filters, the count, seven
 * facet counts, the sort and the page) is one pass over typed arrays. Counting facets with SQL
 * GROUP BYs took 200-400 ms over 100,000 rows, against a 50 ms target; this pass takes a few.
 * The recommendations themselves are then read from SQLite, one page at a time. The index's rows
 * come from the UPR repository (`indexSource`), which holds the SQL.
 */

const RESPONSES = [null, ...UPR_RESPONSES] as const;
const IMPLEMENTATION = [null, ...UPR_IMPLEMENTATION_STATUSES] as const;
const ACTIONS = ['', ...UPR_LINK_ACTIONS] as const;
const NO_STATE = 0xffff;

/** A list per document, stored flat: values[offsets[d]] .. values[offsets[d + 1] - 1]. */
interface Lists {
  offsets: Int32Array;
  values: Uint16Array;
}

export interface UprIndex {
  size: number;
  seq: Int32Array;
  docOfSeq: Map<number, number>;
  cycle: Uint8Array;
  session: Uint8Array;
  response: Uint8Array;
  implementation: Uint8Array;
  stateUnderReview: Uint16Array;
  recommendingStates: Lists;
  /** Bit g set when a recommending State belongs to UN_REGIONAL_GROUPS[g]. */
  groups: Uint8Array;
  themes: Lists;
  themeNames: string[];
  /** instrument index * ACTIONS.length + action index, per link. */
  links: Lists;
  states: string[];
  /** Documents in the two sort orders. */
  bySession: Int32Array;
  byState: Int32Array;
}

function lists(size: number, pairs: { doc: number; value: number }[]): Lists {
  const offsets = new Int32Array(size + 1);
  for (const p of pairs) offsets[p.doc + 1]!++;
  for (let d = 0; d < size; d++) offsets[d + 1]! += offsets[d]!;
  const values = new Uint16Array(pairs.length);
  const fill = offsets.slice(0, size);
  for (const p of pairs) values[fill[p.doc]!++] = p.value;
  return { offsets, values };
}

export function buildUprIndex(source: UprIndexSource): UprIndex {
  const stateRows = source.states;
  const states = stateRows.map((s) => s.iso3);
  const stateIndex = new Map(states.map((s, i) => [s, i]));
  const groupOf = stateRows.map((s) => (s.unRegionalGroup ? (UN_REGIONAL_GROUPS as readonly string[]).indexOf(s.unRegionalGroup) : -1));

  const rows = source.recommendations;
  const size = rows.length;
  const seq = new Int32Array(size);
  const docOfSeq = new Map<number, number>();
  const cycle = new Uint8Array(size);
  const session = new Uint8Array(size);
  const response = new Uint8Array(size);
  const implementation = new Uint8Array(size);
  const stateUnderReview = new Uint16Array(size);
  const groups = new Uint8Array(size);
  const recommending: { doc: number; value: number }[] = [];
  const themeNames: string[] = [];
  const themeIndex = new Map<string, number>();
  const themes: { doc: number; value: number }[] = [];
  rows.forEach((r, d) => {
    seq[d] = r.seq;
    docOfSeq.set(r.seq, d);
    cycle[d] = r.cycle;
    session[d] = r.session;
    response[d] = RESPONSES.indexOf(r.response as (typeof RESPONSES)[number]);
    implementation[d] = IMPLEMENTATION.indexOf(r.implementation as (typeof IMPLEMENTATION)[number]);
    stateUnderReview[d] = stateIndex.get(r.state) ?? NO_STATE;
    for (const { iso3 } of JSON.parse(r.recommendingStates) as { iso3: string | null }[]) {
      const s = iso3 === null ? NO_STATE : (stateIndex.get(iso3) ?? NO_STATE);
      recommending.push({ doc: d, value: s });
      if (s !== NO_STATE && groupOf[s]! >= 0) groups[d]! |= 1 << groupOf[s]!;
    }
    const named = r.themes === null ? [] : (JSON.parse(r.themes) as string[]);
    named.forEach((theme, i) => {
      if (named.indexOf(theme) !== i) return; // counted once per recommendation
      let id = themeIndex.get(theme);
      if (id === undefined) {
        id = themeNames.push(theme) - 1;
        themeIndex.set(theme, id);
      }
      themes.push({ doc: d, value: id });
    });
  });

  const links: { doc: number; value: number }[] = [];
  for (const l of source.links) {
    const instrument = (INSTRUMENT_IDS as readonly string[]).indexOf(l.instrumentId);
    const action = (ACTIONS as readonly string[]).indexOf(l.action);
    links.push({ doc: docOfSeq.get(l.recommendation)!, value: instrument * ACTIONS.length + action });
  }

  const docs = Array.from({ length: size }, (_, d) => d);
  // Newest session first, then State under review (by code) and row order; by State: name, then newest.
  const bySession = Int32Array.from(
    [...docs].sort(
      (a, b) =>
        session[b]! - session[a]! || states[stateUnderReview[a]!]!.localeCompare(states[stateUnderReview[b]!]!) || seq[a]! - seq[b]!,
    ),
  );
  const byState = Int32Array.from(
    [...docs].sort((a, b) => stateUnderReview[a]! - stateUnderReview[b]! || session[b]! - session[a]! || seq[a]! - seq[b]!),
  );

  return {
    size,
    seq,
    docOfSeq,
    cycle,
    session,
    response,
    implementation,
    stateUnderReview,
    groups,
    themeNames,
    states,
    bySession,
    byState,
    recommendingStates: lists(size, recommending),
    themes: lists(size, themes),
    links: lists(size, links),
  };
}

export interface IndexSearch {
  total: number;
  /** seq of the page's recommendations, in order. */
  page: number[];
  facets: UprFacets | null;
}

/**
 * Filters, counts, facets and the page in one pass. `matched` is the full-text match (docs in
 * relevance order when `relevance`), or null for no text query.
 */
export function searchIndex(
  index: UprIndex,
  filters: Omit<UprFilters, 'q'>,
  matched: { docs: Int32Array; relevance: boolean } | null,
  { sort, offset, limit, facets }: { sort: UprSort; offset: number; limit: number; facets: boolean },
): IndexSearch {
  const { size } = index;
  const member = matched ? new Uint8Array(size) : null;
  if (matched && member) for (const d of matched.docs) member[d] = 1;
  const stateIdx = (iso3: string | undefined) => (iso3 === undefined ? undefined : index.states.indexOf(iso3));
  const sur = stateIdx(filters.state);
  // The States the group filters select, as a lookup by state index (NO_STATE falls outside it).
  let surIn: Uint8Array | null = null;
  if (filters.statesUnderReview) {
    surIn = new Uint8Array(index.states.length);
    for (const iso3 of filters.statesUnderReview) {
      const i = index.states.indexOf(iso3);
      if (i >= 0) surIn[i] = 1;
    }
  }
  const rec = stateIdx(filters.recommendingState);
  const groupBit = filters.recommendingGroup ? 1 << (UN_REGIONAL_GROUPS as readonly string[]).indexOf(filters.recommendingGroup) : 0;
  const response = filters.response === undefined ? -1 : filters.response === 'not-recorded' ? 0 : RESPONSES.indexOf(filters.response);
  const implementation =
    filters.implementation === undefined
      ? -1
      : filters.implementation === 'not-assessed'
        ? 0
        : IMPLEMENTATION.indexOf(filters.implementation);
  const theme = filters.theme === undefined ? -1 : index.themeNames.indexOf(filters.theme);
  const instrument = filters.instrument === undefined ? -1 : (INSTRUMENT_IDS as readonly string[]).indexOf(filters.instrument);
  const action = filters.action === undefined ? -1 : (ACTIONS as readonly string[]).indexOf(filters.action);
  const none = sur === -1 || rec === -1 || (filters.theme !== undefined && theme === -1);

  const hasList = (lists: Lists, d: number, test: (v: number) => boolean) => {
    for (let i = lists.offsets[d]!; i < lists.offsets[d + 1]!; i++) if (test(lists.values[i]!)) return true;
    return false;
  };
  const passes = (d: number): boolean => {
    if (member && !member[d]) return false;
    if (sur !== undefined && index.stateUnderReview[d] !== sur) return false;
    if (surIn && !surIn[index.stateUnderReview[d]!]) return false;
    if (filters.cycle !== undefined && index.cycle[d] !== filters.cycle) return false;
    if (filters.session !== undefined && index.session[d] !== filters.session) return false;
    if (response >= 0 && index.response[d] !== response) return false;
    if (implementation >= 0 && index.implementation[d] !== implementation) return false;
    if (groupBit && !(index.groups[d]! & groupBit)) return false;
    if (rec !== undefined && !hasList(index.recommendingStates, d, (v) => v === rec)) return false;
    if (theme >= 0 && !hasList(index.themes, d, (v) => v === theme)) return false;
    if (instrument >= 0 || action >= 0) {
      const ok = hasList(
        index.links,
        d,
        (v) => (instrument < 0 || Math.floor(v / ACTIONS.length) === instrument) && (action < 0 || v % ACTIONS.length === action),
      );
      if (!ok) return false;
    }
    return true;
  };

  const counts = facets
    ? {
        response: new Int32Array(RESPONSES.length),
        cycle: new Int32Array(8),
        implementation: new Int32Array(IMPLEMENTATION.length),
        group: new Int32Array(UN_REGIONAL_GROUPS.length),
        instrument: new Int32Array(INSTRUMENT_IDS.length),
        action: new Int32Array(ACTIONS.length),
        theme: new Int32Array(index.themeNames.length),
      }
    : null;
  const order = sort === 'relevance' && matched ? matched.docs : sort === 'state' ? index.byState : index.bySession;
  const page: number[] = [];
  let total = 0;
  if (!none) {
    for (let i = 0; i < order.length; i++) {
      const d = order[i]!;
      if (!passes(d)) continue;
      if (total >= offset && page.length < limit) page.push(index.seq[d]!);
      total++;
      if (!counts) continue;
      counts.response[index.response[d]!]!++;
      counts.cycle[index.cycle[d]!]!++;
      counts.implementation[index.implementation[d]!]!++;
      for (let g = 0; g < UN_REGIONAL_GROUPS.length; g++) if (index.groups[d]! & (1 << g)) counts.group[g]!++;
      let instruments = 0;
      let actions = 0;
      for (let k = index.links.offsets[d]!; k < index.links.offsets[d + 1]!; k++) {
        const v = index.links.values[k]!;
        instruments |= 1 << Math.floor(v / ACTIONS.length);
        actions |= 1 << (v % ACTIONS.length);
      }
      for (let k = 0; k < INSTRUMENT_IDS.length; k++) if (instruments & (1 << k)) counts.instrument[k]!++;
      for (let k = 1; k < ACTIONS.length; k++) if (actions & (1 << k)) counts.action[k]!++;
      for (let k = index.themes.offsets[d]!; k < index.themes.offsets[d + 1]!; k++) counts.theme[index.themes.values[k]!]!++;
    }
  }
  if (!counts) return { total, page, facets: null };
  const facet = (values: readonly (string | null)[], array: Int32Array, from = 0) =>
    values
      .map((v, i) => ({ value: v ?? 'not-recorded', count: array[i + from] ?? 0 }))
      .filter((f) => f.count > 0)
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const themeFacet = index.themeNames
    .map((value, i) => ({ value, count: counts.theme[i]! }))
    .filter((f) => f.count > 0)
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, 30);
  return {
    total,
    page,
    facets: {
      response: facet(RESPONSES, counts.response),
      cycle: [1, 2, 3, 4].map((c) => ({ value: String(c), count: counts.cycle[c]! })).filter((f) => f.count > 0),
      instrument: facet(INSTRUMENT_IDS, counts.instrument),
      action: facet(UPR_LINK_ACTIONS, counts.action, 1),
      recommendingGroup: facet(UN_REGIONAL_GROUPS, counts.group),
      implementation: IMPLEMENTATION.map((v, i) => ({ value: v ?? 'not-assessed', count: counts.implementation[i]! }))
        .filter((f) => f.count > 0)
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
      theme: themeFacet,
    },
  };
}
