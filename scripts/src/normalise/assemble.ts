/**
 * Builds every seed file in memory from data/raw/**, validates each record, and reports
 * problems with the raw file and line they come from. Nothing here writes to disk.
 */
import type { ParticipationEvent } from '@tracker/api/domain';
import { stateNames } from '../untc/state-names.js';
import { buildAmendments } from './amendments.js';
import { buildApic } from './apic.js';
import { buildCatReporting } from './cat-reporting.js';
import { ATTESTATION_RANK, joinNotes, Problems, type Origin, type TracedEvent } from './common.js';
import { buildCounts } from './counts.js';
import { assignIds, baseEventId, compareText } from './event-id.js';
import { buildInstruments } from './instruments.js';
import { buildRomeStatute } from './rome.js';
import {
  CatAnnualReportRecord,
  CatFollowUpListRecord,
  CatReportingStateRecord,
  CatReportRecord,
  CatSessionRecord,
  CountRecord,
  EventRecord,
  InstrumentRecord,
  SourceRecord,
  StateRecord,
} from './schemas.js';
import { isRegistered, sourceRecords } from './sources.js';
import { buildStates } from './states.js';
import { buildUntcPages } from './untc-pages.js';

export interface Seed {
  files: {
    'sources.json': SourceRecord[];
    'states.json': StateRecord[];
    'instruments.json': InstrumentRecord[];
    'events.json': ParticipationEvent[];
    'counts.json': CountRecord[];
    'cat-reports.json': CatReportRecord[];
    'cat-follow-up-lists.json': CatFollowUpListRecord[];
    'cat-sessions.json': CatSessionRecord[];
    'cat-reporting-states.json': CatReportingStateRecord[];
    'cat-annual-reports.json': CatAnnualReportRecord[];
  };
  problems: string[];
  /** Human-readable lines about what was left out and why. */
  summary: string[];
}

export function assembleSeed(): Seed {
  const problems = new Problems();

  const states = buildStates(problems);
  const names = stateNames(states.map(({ record }) => ({ iso3: record.iso3, nameEn: record.names.en })));
  const pages = buildUntcPages(names);
  const rome = buildRomeStatute(problems);
  const amendments = buildAmendments(problems);
  const apic = buildApic(problems);

  const traced: TracedEvent[] = [...rome.events, ...amendments.events, ...apic.events, ...pages.flatMap((p) => p.events)];
  const { events, origins } = mergeDuplicates(traced);

  const instruments = buildInstruments(
    {
      pages,
      romeGeneralEntryIntoForce: rome.generalEntryIntoForce,
      apicGeneralEntryIntoForce: apic.generalEntryIntoForce,
      aggressionActivatedOn: rome.aggressionActivatedOn,
      aggressionActivationSourceId: rome.aggressionActivationSourceId,
    },
    problems,
  );
  const { counts, leftOut } = buildCounts(pages, problems);
  const uncat = instruments.find((i) => i.record.id === 'uncat')?.record;
  if (!uncat?.withdrawalRule)
    throw new Error('The CAT reporting files need the UNCAT instrument with its entry-into-force and withdrawal rules');
  const cat = buildCatReporting(problems, {
    events,
    uncatInstrument: { id: 'uncat', entryIntoForceRule: uncat.entryIntoForceRule, withdrawalRule: uncat.withdrawalRule },
    iso3s: new Set(states.map(({ record }) => record.iso3)),
  });

  // --- validation ------------------------------------------------------------------------------
  const iso3s = new Set(states.map(({ record }) => record.iso3));
  const cited = new Set<string>();
  const check = <T>(
    schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } },
    value: T,
    origin: Origin,
    label: string,
  ): void => {
    const result = schema.safeParse(value);
    if (!result.success) {
      for (const issue of result.error?.issues ?? [])
        problems.add(origin, `${label}: ${issue.path.join('.') || '(record)'}: ${issue.message}`);
    }
  };
  const cite = (ids: string[], origin: Origin, label: string): void => {
    for (const id of ids) {
      if (!isRegistered(id)) problems.add(origin, `${label}: source "${id}" is not registered`);
      cited.add(id);
    }
  };

  for (const { record, origin } of states) {
    check(StateRecord, record, origin, `state ${record.iso3}`);
    cite(record.sourceIds, origin, `state ${record.iso3}`);
  }
  if (states.length !== 197)
    problems.add({ file: 'data/raw/states/states.csv', line: null }, `expected 197 states, found ${states.length}`);
  for (const event of events) {
    const origin = origins.get(event.id)!;
    check(EventRecord, event, origin, `event ${event.id}`);
    if (!iso3s.has(event.stateIso3)) problems.add(origin, `event ${event.id}: ${event.stateIso3} is not in states.json`);
    cite([event.sourceId], origin, `event ${event.id}`);
  }
  for (const { record, origin } of instruments) {
    check(InstrumentRecord, record, origin, `instrument ${record.id}`);
    cite(record.sourceIds, origin, `instrument ${record.id}`);
  }
  if (instruments.length !== 11) problems.add({ file: 'instruments', line: null }, `expected 11 instruments, found ${instruments.length}`);
  for (const { record, origin } of counts) {
    check(CountRecord, record, origin, `count ${record.id}`);
    cite([record.sourceId], origin, `count ${record.id}`);
  }
  const checkAll = <T>(
    traced: { record: T; origin: Origin }[],
    schema: Parameters<typeof check>[0],
    sourceIdsOf: (r: T) => (string | null)[],
    label: (r: T) => string,
  ): void => {
    for (const { record, origin } of traced) {
      check(schema, record, origin, label(record));
      cite(
        sourceIdsOf(record).filter((id): id is string => id !== null),
        origin,
        label(record),
      );
    }
  };
  checkAll(
    cat.reports,
    CatReportRecord,
    (r) => [r.sourceId, r.due.sourceId, r.followUpDue.sourceId],
    (r) => `CAT report ${r.id}`,
  );
  checkAll(
    cat.followUpLists,
    CatFollowUpListRecord,
    (r) => [r.sourceId],
    (r) => `CAT follow-up list ${r.id}`,
  );
  checkAll(
    cat.sessions,
    CatSessionRecord,
    (r) => [...r.sourceIds, ...r.activities.map((a) => a.sourceId)],
    (r) => `CAT ${r.id}`,
  );
  checkAll(
    cat.states,
    CatReportingStateRecord,
    (r) => r.sourceIds,
    (r) => `CAT reporting state ${r.stateIso3}`,
  );
  checkAll(
    cat.annualReports,
    CatAnnualReportRecord,
    (r) => [r.sourceId],
    (r) => `CAT annual report ${r.symbol}`,
  );
  const sources = sourceRecords(cited);
  for (const source of sources)
    check(SourceRecord, source, { file: 'scripts/src/normalise/sources.ts', line: null }, `source ${source.id}`);

  const byId =
    <T>(key: (t: T) => string) =>
    (a: T, b: T) =>
      compareText(key(a), key(b));
  const summary = [
    ...pages.flatMap((p) => p.skipped.map((s) => `${p.instrumentId}: skipped ${s.participant} (${s.reason})`)),
    ...[...rome.notRepresented, ...amendments.notRepresented, ...apic.notRepresented].map((line) => `not an event: ${line}`),
    ...leftOut.map((line) => `count left out: ${line}`),
    ...cat.summary,
  ];
  return {
    files: {
      'sources.json': sources.sort(byId((s) => s.id)),
      'states.json': states.map((s) => s.record).sort(byId((s) => s.iso3)),
      'instruments.json': instruments.map((i) => i.record).sort(byId((i) => i.id)),
      'events.json': events,
      'counts.json': counts.map((c) => c.record).sort(byId((c) => c.id)),
      // Already in a fixed order: reports by State and number, lists and sessions by number, States by ISO3.
      'cat-reports.json': cat.reports.map((r) => r.record),
      'cat-follow-up-lists.json': cat.followUpLists.map((l) => l.record),
      'cat-sessions.json': cat.sessions.map((s) => s.record),
      'cat-reporting-states.json': cat.states.map((s) => s.record),
      'cat-annual-reports.json': cat.annualReports.map((a) => a.record),
    },
    problems: problems.list,
    summary,
  };
}

/**
 * The same fact reported by two rows (e.g. Palestine's APIC accession in the participants file
 * and in the supplement) becomes one event: the strongest attestation wins, the first row read
 * wins a tie, and the other source is named in the note.
 */
function mergeDuplicates(traced: TracedEvent[]): { events: ParticipationEvent[]; origins: Map<string, Origin> } {
  const groups = new Map<string, TracedEvent[]>();
  for (const item of traced) {
    const key = `${baseEventId(item.event)}|${item.event.effectiveDate ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const kept: TracedEvent[] = [];
  for (const group of groups.values()) {
    const [best, ...others] = [...group].sort((a, b) => ATTESTATION_RANK[a.event.attestation] - ATTESTATION_RANK[b.event.attestation]);
    const alsoIn = others.filter((o) => o.event.sourceId !== best!.event.sourceId).map((o) => o.event.sourceId);
    const note = alsoIn.length
      ? joinNotes(best!.event.note, `Also reported by source ${[...new Set(alsoIn)].join(', ')}.`)
      : best!.event.note;
    kept.push({ origin: best!.origin, event: { ...best!.event, note } });
  }
  const origins = new Map<string, Origin>();
  const originOfDraft = new Map(kept.map((k) => [k.event, k.origin]));
  const events = assignIds(kept.map((k) => k.event)).map(({ id, draft }) => {
    origins.set(id, originOfDraft.get(draft)!);
    return { id, ...draft };
  });
  return { events, origins };
}
