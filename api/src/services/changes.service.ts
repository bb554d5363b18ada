import type { ChangeKind } from '../domain/vocabulary.js';
import type { CsvTable } from '../lib/csv-tables.js';
import { citation } from '../lib/csv-tables.js';
import type { ChangeRow } from '../repositories/changes.repository.js';
import type { Repositories } from '../repositories/index.js';
import type { Change, ChangesQuery, ChangesResponse } from '../schemas/changes.js';

/**
 * The public change feed: what the audit log records, as a reader can follow it.
 *
 * Which audit entities are shown, and under which kind, is decided here and nowhere else
 * (`CHANGE_ENTITIES`): an entity not listed (the accounts' `user` and `apiToken`, the old seed's
 * `dataset` summary) never reaches the feed, so a new writer's entries stay private until someone
 * decides they are public.
 */
export const CHANGE_ENTITIES: Readonly<Record<ChangeKind, readonly string[]>> = {
  'participation-event': ['participationEvent'],
  'cat-reporting': ['catReport', 'catReportingState', 'catFollowUpList', 'catSession', 'catAnnualReport'],
  'upr-assessment': ['uprAssessment'],
  'upr-dataset': ['uprReview', 'uprSession', 'uprRecommendation', 'uprPledge'],
  source: ['source'],
  review: ['readerFlag'],
};

const KIND_OF_ENTITY = new Map(Object.entries(CHANGE_ENTITIES).flatMap(([kind, entities]) => entities.map((e) => [e, kind as ChangeKind])));
const FEED_ENTITIES = [...KIND_OF_ENTITY.keys()];

/** The kind of change an audit entity is, or null when the feed does not show it. */
export const changeKindOf = (entity: string): ChangeKind | null => KIND_OF_ENTITY.get(entity) ?? null;

/**
 * Fields a record may hold that are not for the public: a reader's contact address on a flag, and
 * whatever an account record carries should one ever be listed by mistake.
 */
const PRIVATE_FIELDS = new Set(['contact', 'email', 'passwordHash', 'tokenHash', 'csrfToken']);

function parseRecord(json: string | null): unknown {
  if (json === null) return null;
  const value: unknown = JSON.parse(json);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !PRIVATE_FIELDS.has(k)));
}

// --- the one-line summary ----------------------------------------------------------------------

const VERBS: Record<string, string> = {
  insert: 'recorded',
  update: 'updated',
  correct: 'corrected',
  retract: 'retracted',
  confirm: 'confirmed',
  reject: 'rejected',
};

/** What each event kind is, in words that take the instrument after them. */
const EVENT_PHRASES: Record<string, string> = {
  signature: 'Signature of',
  ratification: 'Ratification of',
  accession: 'Accession to',
  succession: 'Succession to',
  acceptance: 'Acceptance of',
  approval: 'Approval of',
  'signature-withdrawn': 'Withdrawal of the signature of',
  'consent-withdrawn': 'Withdrawal of consent to',
  'withdrawal-notified': 'Notification of withdrawal from',
  'withdrawal-revoked': 'Revocation of the withdrawal from',
  declaration: 'Declaration under',
  reservation: 'Reservation to',
  'reservation-withdrawn': 'Withdrawal of a reservation to',
};

type Fields = Record<string, unknown>;
const asFields = (value: unknown): Fields =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : {};
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/** An instrument as a sentence names it: acronyms bare ("OPCAT"), names with "the" ("the Rome Statute"). */
const instrumentWords = (name: string) => (/^[A-Z]{2,}$/.test(name) ? name : `the ${name}`);

/** A date as precisely as it is known ("2017-03" for a month), as the CSV files write it. */
const preciseDate = (date: string | null, precision: unknown) =>
  date === null ? null : precision === 'year' ? date.slice(0, 4) : precision === 'month' ? date.slice(0, 7) : date;

/** One line in English saying what a change did, from the entry and the record it wrote. */
export function changeSummary(row: ChangeRow, before: unknown, after: unknown): string {
  const verb = VERBS[row.action] ?? `(${row.action})`;
  const record = asFields(after ?? before);
  const state = row.stateName ?? row.stateIso3;
  const instrument = row.instrumentShortName ?? row.instrumentId;
  switch (row.entity) {
    case 'participationEvent': {
      const kind = text(record.kind);
      const phrase = (kind && EVENT_PHRASES[kind]) ?? `${kind ?? 'Event'} concerning`;
      const date = preciseDate(text(record.date), record.datePrecision);
      return `${phrase} ${instrument ? instrumentWords(instrument) : 'an instrument'}${state ? ` by ${state}` : ''}${date ? ` (${date})` : ''} ${verb}`;
    }
    case 'catReport':
      return `CAT: ${text(record.label) ?? 'report'} report${state ? ` of ${state}` : ''} ${verb}`;
    case 'catReportingState':
      return `CAT reporting history${state ? ` of ${state}` : ''} ${verb}`;
    case 'catFollowUpList':
      return `CAT list of States late with follow-up ${row.entityId} ${verb}`;
    case 'catSession':
      return `CAT session ${row.entityId} ${verb}`;
    case 'catAnnualReport':
      return `CAT annual report ${row.entityId} ${verb}`;
    case 'uprReview': {
      const n = typeof record.recommendations === 'number' ? record.recommendations : null;
      const session = typeof record.session === 'number' ? record.session : null;
      return `UPR review${state ? ` of ${state}` : ` ${row.entityId}`}${session ? `, session ${session}` : ''}${
        n === null ? '' : ` (${n} recommendation${n === 1 ? '' : 's'})`
      } ${verb}`;
    }
    case 'uprSession':
      return `UPR session ${row.entityId} ${verb}`;
    case 'uprPledge':
      return `UPR voluntary pledge${state ? ` of ${state}` : ''} ${verb}`;
    case 'uprRecommendation':
      // A bulk insert is one entry named "<n> recommendations" (upr-store.repository.ts).
      return /^\d+ recommendations$/.test(row.entityId)
        ? `UPR recommendations ${verb}: ${row.entityId}`
        : `UPR recommendation ${row.entityId}${state ? ` to ${state}` : ''} ${verb}`;
    case 'uprAssessment': {
      const status = text(record.status);
      const recommendation = text(record.recommendationId) ?? row.entityId;
      return `Implementation assessment of UPR recommendation ${recommendation}${state ? ` to ${state}` : ''}${status ? `: ${status}` : ''} ${verb}`;
    }
    case 'source':
      return `Source “${text(record.title) ?? row.sourceTitle ?? row.entityId}” ${verb}`;
    case 'readerFlag':
      return `Reader’s report ${row.entityId}${state ? ` about ${state}` : ''} ${verb}`;
    default:
      return `${row.entity} ${row.entityId} ${verb}`;
  }
}

/** An audit entry as the feed shows it. */
export function toChange(row: ChangeRow, kind: ChangeKind): Change {
  const before = parseRecord(row.before);
  const after = parseRecord(row.after);
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    kind,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    instrumentId: row.instrumentId,
    instrumentName: row.instrumentShortName,
    stateIso3: row.stateIso3,
    stateName: row.stateName,
    actor: row.actor,
    organisation: row.organisation,
    reason: row.reason,
    source:
      row.sourceId === null ? null : { id: row.sourceId, title: row.sourceTitle ?? row.sourceId, url: row.sourceUrl, asOf: row.sourceAsOf },
    summary: changeSummary(row, before, after),
    before,
    after,
  };
}

export type ChangeFilterQuery = Pick<ChangesQuery, 'instrument' | 'state' | 'kind' | 'since'>;

export function createChangesService(repos: Repositories) {
  return {
    /** A page of the feed, newest first; undefined when `state` names no State of the registry. */
    async list(query: ChangeFilterQuery & Pick<ChangesQuery, 'before' | 'limit'>): Promise<ChangesResponse | undefined> {
      if (query.state && !(await repos.changes.hasState(query.state))) return undefined;
      const filters = {
        entities: query.kind ? CHANGE_ENTITIES[query.kind] : FEED_ENTITIES,
        instrumentId: query.instrument,
        stateIso3: query.state,
        since: query.since,
      };
      const [rows, total] = await Promise.all([
        repos.changes.list(filters, { before: query.before, limit: query.limit }),
        repos.changes.count(filters),
      ]);
      const changes = rows.map((r) => toChange(r, changeKindOf(r.entity)!));
      const last = changes.at(-1);
      // A full page may have more behind it; a short one is the last.
      return { total, nextBefore: changes.length === query.limit && last ? last.id : null, changes };
    },
  };
}
export type ChangesService = ReturnType<typeof createChangesService>;

// --- files -------------------------------------------------------------------------------------

/** The part of a file name that says which filter it holds, e.g. "-opcat-KEN". */
const filterSuffix = (q: ChangeFilterQuery) =>
  [q.instrument, q.state, q.kind]
    .filter(Boolean)
    .map((p) => `-${p}`)
    .join('');

export function changesCsv(result: ChangesResponse, query: ChangeFilterQuery): CsvTable<Record<string, unknown>> {
  const rows = result.changes.map((c) => ({
    id: c.id,
    at: c.at,
    kind: c.kind,
    action: c.action,
    entity: c.entity,
    entityId: c.entityId,
    instrumentId: c.instrumentId,
    stateIso3: c.stateIso3,
    stateName: c.stateName,
    summary: c.summary,
    actor: c.actor,
    organisation: c.organisation,
    reason: c.reason,
    sourceId: c.source?.id ?? null,
    // The source's date may be missing; the citation says "not recorded" rather than leave it out.
    source: c.source ? citation(c.source) : null,
  }));
  return {
    filename: `changes${filterSuffix(query)}.csv`,
    columns: [
      'id',
      'at',
      'kind',
      'action',
      'entity',
      'entityId',
      'instrumentId',
      'stateIso3',
      'stateName',
      'summary',
      'actor',
      'organisation',
      'reason',
      'sourceId',
      'source',
    ],
    rows,
  };
}

// --- Atom 1.0 (RFC 4287) -----------------------------------------------------------------------

// Characters XML 1.0 cannot carry at all (even escaped), and lone surrogates: dropped, so one odd
// reason cannot make the whole feed unreadable to a feed reader.
// eslint-disable-next-line no-control-regex -- control characters are what it removes
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu;
export const xmlText = (s: string) =>
  s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/**
 * The tag URI (RFC 4151) naming the feed or one of its entries: the site's host name and the year
 * the feed began, so an entry keeps its id however often it is fetched, paged or filtered.
 */
export const changeTag = (publicUrl: string, specific: string) => `tag:${new URL(publicUrl).hostname},2026:${specific}`;

/** The query string of a filter (instrument, state, kind, since), in a fixed order. */
export function filterQueryString(q: ChangeFilterQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of ['instrument', 'state', 'kind', 'since'] as const) {
    const value = q[key];
    if (value) params.set(key, value);
  }
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function changesAtom(result: ChangesResponse, query: ChangeFilterQuery, publicUrl: string, emptyUpdated: string): string {
  const about = [query.instrument, query.state, query.kind].filter(Boolean).join(', ');
  const title = `Treaty ratification tracker: changes${about ? ` (${about})` : ''}`;
  const self = `${publicUrl}/api/changes${filterQueryString(query, { format: 'atom' })}`;
  const page = `${publicUrl}/changes${filterQueryString(query)}`;
  const updated = result.changes[0]?.at ?? new Date(emptyUpdated).toISOString();
  const entries = result.changes.map((c) => {
    const author = c.organisation ? `${c.actor} (${c.organisation})` : c.actor;
    const lines = [
      c.summary,
      c.reason ? `Reason: ${c.reason}` : null,
      `Source: ${c.source ? citation(c.source) : 'not recorded'}`,
      `Recorded by: ${author}`,
    ].filter((l): l is string => l !== null);
    const link = c.stateIso3 ? `${publicUrl}/states/${encodeURIComponent(c.stateIso3)}` : page;
    return [
      '  <entry>',
      `    <id>${xmlText(changeTag(publicUrl, `change:${c.id}`))}</id>`,
      `    <title>${xmlText(c.summary)}</title>`,
      `    <updated>${c.at}</updated>`,
      `    <author><name>${xmlText(author)}</name></author>`,
      `    <category term="${xmlText(c.kind)}"/>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(link)}"/>`,
      ...(c.source?.url ? [`    <link rel="related" href="${xmlText(c.source.url)}" title="${xmlText(c.source.title)}"/>`] : []),
      `    <content type="text">${xmlText(lines.join('\n'))}</content>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlText(changeTag(publicUrl, `changes${filterQueryString(query)}`))}</id>`,
    `  <title>${xmlText(title)}</title>`,
    `  <updated>${updated}</updated>`,
    '  <author><name>Treaty ratification tracker</name></author>',
    `  <link rel="self" type="application/atom+xml" href="${xmlText(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(page)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
