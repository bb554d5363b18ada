import type { AgendaResponse } from '../schemas/agenda.js';
import type { AdvocacyResponse } from '../schemas/advocacy.js';
import type { AdvocacyProgressResponse } from '../schemas/advocacy-progress.js';
import type { CatReportingDetail, CatReportingListResponse } from '../schemas/cat-reporting.js';
import type { Instrument, InstrumentStatusResponse, TimelineResponse } from '../schemas/instrument.js';
import type { State } from '../schemas/state.js';
import type { SourceRef } from '../schemas/participation.js';

/**
 * The CSV forms of the API's lists: one flat row per item, with the as-of date and the sources
 * in the columns so a downloaded file still says where each fact comes from.
 */
export interface CsvTable<Row> {
  filename: string;
  columns: (keyof Row & string)[];
  rows: Row[];
}

/** A source in a CSV cell: title, address when it has one, and always the date it is as of. */
export const citation = (s: SourceRef) => `${s.title}${s.url ? ` <${s.url}>` : ''} (as of ${s.asOf ?? 'not recorded'})`;

export function instrumentsCsv(instruments: Instrument[]) {
  const rows = instruments.map((i) => ({
    id: i.id,
    parentId: i.parentId,
    untcReference: i.untcReference,
    name: i.name,
    shortName: i.shortName,
    adoptedOn: i.adoptedOn,
    generalEntryIntoForce: i.generalEntryIntoForce,
    entryIntoForceRule: i.entryIntoForceRule.kind,
    withdrawalRule: i.withdrawalRule?.kind ?? 'not recorded',
    dataAsOf: i.dataAsOf,
    completenessNote: i.completenessNote,
    sources: i.sources.map(citation).join(' ; '),
  }));
  return table('instruments.csv', rows, [
    'id',
    'parentId',
    'untcReference',
    'name',
    'shortName',
    'adoptedOn',
    'generalEntryIntoForce',
    'entryIntoForceRule',
    'withdrawalRule',
    'dataAsOf',
    'completenessNote',
    'sources',
  ]);
}

/** A date as precisely as it is known: "2002" for a year, "2017-03" for a month, never a made-up day. */
export const dateCell = (date: string | null | undefined, precision: 'day' | 'month' | 'year' = 'day') =>
  date ? (precision === 'year' ? date.slice(0, 4) : precision === 'month' ? date.slice(0, 7) : date) : date;

export function statusCsv(result: InstrumentStatusResponse) {
  const cite = new Map(result.sources.map((s) => [s.id, citation(s)]));
  const rows = result.states.map((r) => ({
    instrument: result.instrumentId,
    asOf: result.asOf,
    dataAsOf: result.dataAsOf,
    iso3: r.iso3,
    name: r.name,
    status: r.status,
    since: dateCell(r.since, r.sincePrecision),
    signature: dateCell(r.signature?.date, r.signature?.precision),
    consent: dateCell(r.consent?.date, r.consent?.precision),
    consentKind: r.consent?.kind,
    entryIntoForce: r.entryIntoForce?.date,
    entryIntoForceComputed: r.entryIntoForce?.computed,
    withdrawalNotified: r.withdrawal?.notified,
    withdrawalEffective: r.withdrawal?.effective,
    uncertain: r.uncertain,
    sources: r.sourceIds.map((id) => cite.get(id)).join(' ; '),
    // Added after `sources`, so files read by column position keep their columns.
    sincePrecision: r.sincePrecision,
    successionEffective: r.consent?.kind === 'succession' ? (r.entryIntoForce?.date ?? 'not recorded') : null,
    jurisdictionFrom: r.jurisdictionFrom,
    jurisdictionSource: r.jurisdictionSource ? citation(r.jurisdictionSource) : null,
    withdrawalsRevoked: r.revokedWithdrawals
      .map((w) => `notified ${dateCell(w.notified.date, w.notified.precision)}, revoked ${dateCell(w.revoked.date, w.revoked.precision)}`)
      .join(' ; '),
    uncertainReports: r.uncertainReports
      .map(
        (report) =>
          `${report.kind} ${dateCell(report.date, report.datePrecision) ?? 'undated'} reported by ${cite.get(report.sourceId) ?? report.sourceId}`,
      )
      .join(' ; '),
  }));
  return table(`${result.instrumentId}-status-${result.asOf}.csv`, rows, [
    'instrument',
    'asOf',
    'dataAsOf',
    'iso3',
    'name',
    'status',
    'since',
    'signature',
    'consent',
    'consentKind',
    'entryIntoForce',
    'entryIntoForceComputed',
    'withdrawalNotified',
    'withdrawalEffective',
    'uncertain',
    'sources',
    'sincePrecision',
    'successionEffective',
    'jurisdictionFrom',
    'jurisdictionSource',
    'withdrawalsRevoked',
    'uncertainReports',
  ]);
}

export function timelineCsv(result: TimelineResponse) {
  const rows = result.points.map((p) => ({
    instrument: result.instrumentId,
    date: p.date,
    parties: p.parties,
    partiesNotInForce: p.partiesNotInForce,
    signatories: p.signatories,
    changes: p.change.map((c) => `${c.iso3}: ${c.from} -> ${c.to}`).join(' ; '),
    dataAsOf: result.dataAsOf,
    jurisdictionActivatedOn: result.jurisdictionActivation?.date ?? null,
  }));
  return table(`${result.instrumentId}-timeline.csv`, rows, [
    'instrument',
    'date',
    'parties',
    'partiesNotInForce',
    'signatories',
    'changes',
    'dataAsOf',
    'jurisdictionActivatedOn',
  ]);
}

export function statesCsv(states: State[]) {
  const rows = states.map((s) => ({
    iso3: s.iso3,
    iso2: s.iso2,
    nameEn: s.names.en,
    nameFr: s.names.fr,
    nameEs: s.names.es,
    nameAr: s.names.ar,
    membership: s.membership,
    region: s.region.name,
    subRegion: s.subRegion.name,
    unRegionalGroup: s.unRegionalGroup,
    ldc: s.ldc.status,
    ldcGraduatedOn: s.ldc.graduatedOn,
    sids: s.sids,
    odaRecipient: s.oda.recipient,
    odaIncomeGroup: s.oda.incomeGroup,
    sources: s.sourceIds.join(' ; '),
  }));
  // Columns spelled out, so an empty selection still gets its header row.
  return table('states.csv', rows, [
    'iso3',
    'iso2',
    'nameEn',
    'nameFr',
    'nameEs',
    'nameAr',
    'membership',
    'region',
    'subRegion',
    'unRegionalGroup',
    'ldc',
    'ldcGraduatedOn',
    'sids',
    'odaRecipient',
    'odaIncomeGroup',
    'sources',
  ]);
}

const dueText = (d: { date: string | null; precision: string | null; notBefore: string | null; note: string | null }) =>
  d.date ? (d.precision === 'year' ? d.date.slice(0, 4) : d.date) : d.notBefore ? `not before ${d.notBefore}` : 'not recorded';

/** One row per state: its CAT reporting situation, with the sources cited in full. */
export function catReportingCsv(result: CatReportingListResponse) {
  const cite = new Map(result.sources.map((s) => [s.id, citation(s)]));
  const rows = result.states.map((r) => ({
    asOf: result.asOf,
    dataAsOf: result.dataAsOf,
    iso3: r.iso3,
    name: r.name,
    region: r.region.name,
    unRegionalGroup: r.unRegionalGroup,
    ldc: r.ldc,
    sids: r.sids,
    party: r.party,
    entryIntoForce: r.entryIntoForce?.date,
    historyRecorded: r.completeness,
    historyAsOf: r.historyAsOf,
    situation: r.situation,
    situationBasis: r.situationBasis,
    lastReportReceived: r.lastReportReceived
      ? `${r.lastReportReceived.label} (by ${r.lastReportReceived.receivedBy ?? 'date not recorded'})`
      : null,
    nextReport: r.nextReportDue?.label,
    nextReportDue: r.nextReportDue ? dueText(r.nextReportDue.due) : null,
    nextReportDueBasis: r.nextReportDue?.due.basis,
    nextReportStatus: r.nextReportDue?.status,
    procedure: r.procedure,
    followUp: r.latestFollowUp?.label,
    followUpDue: r.latestFollowUp ? dueText(r.latestFollowUp.due) : null,
    followUpStatus: r.latestFollowUp?.status,
    establishedOverdue: r.establishedOverdue.map((o) => `${o.label}: ${o.overdue?.basis}`).join(' ; '),
    daysOverdue: r.daysOverdue,
    sources: r.sourceIds.map((id) => cite.get(id)).join(' ; '),
  }));
  return table(`cat-reporting-${result.asOf}.csv`, rows, [
    'asOf',
    'dataAsOf',
    'iso3',
    'name',
    'region',
    'unRegionalGroup',
    'ldc',
    'sids',
    'party',
    'entryIntoForce',
    'historyRecorded',
    'historyAsOf',
    'situation',
    'situationBasis',
    'lastReportReceived',
    'nextReport',
    'nextReportDue',
    'nextReportDueBasis',
    'nextReportStatus',
    'procedure',
    'followUp',
    'followUpDue',
    'followUpStatus',
    'establishedOverdue',
    'daysOverdue',
    'sources',
  ]);
}

/** One row per obligation (report or follow-up) of one state, in order. */
export function catReportingHistoryCsv(result: CatReportingDetail) {
  const cite = new Map(result.sources.map((s) => [s.id, citation(s)]));
  const records = new Map(result.records.map((r) => [r.id, r]));
  const rows = [...result.reports, ...result.followUps].map((o) => {
    const record = o.recordId ? records.get(o.recordId) : undefined;
    return {
      asOf: result.asOf,
      iso3: result.summary.iso3,
      kind: o.kind,
      label: o.label,
      due: dueText(o.due),
      dueBasis: o.due.basis ?? 'not recorded',
      dueRule: o.due.rule,
      dueNote: o.due.note,
      status: o.status,
      receivedBy: o.receivedBy,
      procedure: o.kind === 'report' ? o.procedure : null,
      documentSymbol: record?.documentSymbol,
      dialogueSession: record?.dialogueSession,
      concludingObservations: record?.concludingObservationsSymbol,
      concludingObservationsAdopted: record?.concludingObservationsAdopted?.from,
      daysOverdue: o.overdue?.daysOverdue,
      overdueEstablishedAsOf: o.overdue?.establishedAsOf,
      overdueBasis: o.overdue?.basis,
      sources: [...new Set([record?.sourceId, o.due.sourceId, ...(o.overdue?.sourceIds ?? [])].filter((id): id is string => !!id))]
        .map((id) => cite.get(id) ?? id)
        .join(' ; '),
    };
  });
  return table(`cat-reporting-${result.summary.iso3}-${result.asOf}.csv`, rows, [
    'asOf',
    'iso3',
    'kind',
    'label',
    'due',
    'dueBasis',
    'dueRule',
    'dueNote',
    'status',
    'receivedBy',
    'procedure',
    'documentSymbol',
    'dialogueSession',
    'concludingObservations',
    'concludingObservationsAdopted',
    'daysOverdue',
    'overdueEstablishedAsOf',
    'overdueBasis',
    'sources',
  ]);
}

/**
 * The advocacy list as filtered: one row per State that has not joined, with its groups, its
 * status on the related instruments, what it said at the UPR about joining, its last and next
 * review and (UNCAT, OPCAT) its CAT situation and next dialogue.
 */
export function advocacyCsv(result: AdvocacyResponse) {
  const cite = new Map(result.sources.map((s) => [s.id, citation(s)]));
  const rows = result.states.map((r) => ({
    instrument: result.instrumentId,
    asOf: result.asOf,
    dataAsOf: result.dataAsOf,
    uprDataAsOf: result.uprDataAsOf,
    iso3: r.iso3,
    name: r.name,
    status: r.status,
    since: dateCell(r.since, r.sincePrecision),
    signature: dateCell(r.signature?.date, r.signature?.precision),
    withdrawalNotified: r.withdrawal?.notified,
    withdrawalEffective: r.withdrawal?.effective,
    region: r.region.name,
    subRegion: r.subRegion.name,
    unRegionalGroup: r.unRegionalGroup,
    ldc: r.ldc,
    sids: r.sids,
    odaRecipient: r.odaRecipient ?? 'not recorded',
    relatedInstruments: r.related.map((x) => `${x.instrumentId}: ${x.status}`).join(' ; '),
    uprRecommendationsReceived: r.upr.received,
    uprSupported: r.upr.supported,
    uprNoted: r.upr.noted,
    uprOtherResponse: r.upr.other,
    firstSupportedSession: r.upr.firstSupported?.session,
    firstSupportedDate: r.upr.firstSupported?.date ?? r.upr.firstSupported?.year,
    yearsSinceFirstSupported: r.upr.yearsSinceFirstSupported,
    lastReviewSession: r.upr.lastReview?.session,
    lastReviewDate: r.upr.lastReview ? (r.upr.lastReview.date ?? r.upr.lastReview.year ?? 'not recorded') : 'not recorded',
    nextReviewSession: r.upr.nextReview?.session,
    nextReviewDate: r.upr.nextReview ? (r.upr.nextReview.date ?? r.upr.nextReview.year ?? 'not recorded') : 'not recorded',
    catSituation: r.cat?.situation,
    nextCatDialogue: r.cat
      ? r.cat.nextDialogue
        ? `session ${r.cat.nextDialogue.session} from ${r.cat.nextDialogue.sessionStart}`
        : 'not recorded'
      : null,
    sources: r.sourceIds.map((id) => cite.get(id) ?? id).join(' ; '),
    uprByCycle: r.upr.byCycle
      .map((c) => `cycle ${c.cycle}: ${c.received} received, ${c.supported} supported, ${c.noted} noted`)
      .join(' ; '),
    uprReviewsNotRecorded: r.upr.reviewsNotRecorded.map((v) => `session ${v.session}`).join(' ; '),
  }));
  return table(`${result.instrumentId}-advocacy-${result.asOf}.csv`, rows, [
    'instrument',
    'asOf',
    'dataAsOf',
    'uprDataAsOf',
    'iso3',
    'name',
    'status',
    'since',
    'signature',
    'withdrawalNotified',
    'withdrawalEffective',
    'region',
    'subRegion',
    'unRegionalGroup',
    'ldc',
    'sids',
    'odaRecipient',
    'relatedInstruments',
    'uprRecommendationsReceived',
    'uprSupported',
    'uprNoted',
    'uprOtherResponse',
    'firstSupportedSession',
    'firstSupportedDate',
    'yearsSinceFirstSupported',
    'lastReviewSession',
    'lastReviewDate',
    'nextReviewSession',
    'nextReviewDate',
    'catSituation',
    'nextCatDialogue',
    'sources',
    'uprByCycle',
    'uprReviewsNotRecorded',
  ]);
}

const table = <Row>(filename: string, rows: Row[], columns: (keyof Row & string)[]): CsvTable<Row> => ({ filename, columns, rows });

/**
 * Group progress on its date: one row per group, with the count, the members behind it (ISO3 codes,
 * `;`-separated) and the members that are not States Parties with their status. The series over
 * time is in the JSON answer.
 */
export function advocacyProgressCsv(result: AdvocacyProgressResponse) {
  const sources = result.sources.map(citation).join(' ; ');
  const codes = (list: { iso3: string }[]) => list.map((m) => m.iso3).join(' ; ');
  const rows = result.groups.map((g) => ({
    instrument: result.instrumentId,
    asOf: result.asOf,
    dataAsOf: result.dataAsOf,
    groupId: g.id,
    group: g.label,
    kind: g.kind,
    members: g.members,
    statesParties: g.statesParties,
    signatories: g.signatories,
    statesPartiesMembers: codes([...g.byStatus.party, ...g.byStatus['withdrawal-pending']].sort((a, b) => a.iso3.localeCompare(b.iso3))),
    withdrawalPending: codes(g.byStatus['withdrawal-pending']),
    otherMembers: Object.entries(g.byStatus)
      .filter(([status]) => status !== 'party' && status !== 'withdrawal-pending')
      .flatMap(([status, list]) => list.map((m) => `${m.iso3}: ${status}`))
      .sort()
      .join(' ; '),
    sources,
  }));
  return table(`${result.instrumentId}-group-progress-${result.asOf}.csv`, rows, [
    'instrument',
    'asOf',
    'dataAsOf',
    'groupId',
    'group',
    'kind',
    'members',
    'statesParties',
    'signatories',
    'statesPartiesMembers',
    'withdrawalPending',
    'otherMembers',
    'sources',
  ]);
}

export function agendaCsv(result: AgendaResponse) {
  const refs = new Map(result.sources.map((s) => [s.id, s]));
  const rows = result.events.map((e) => ({
    date: e.date,
    endDate: e.endDate,
    kind: e.kind,
    status: e.status,
    title: e.title,
    stateIso3: e.stateIso3,
    state: e.stateName,
    instrument: e.instrumentId,
    session: e.session,
    computed: e.computed,
    asOf: e.asOf,
    sources: e.sourceIds.map((id) => (refs.has(id) ? citation(refs.get(id)!) : id)).join(' ; '),
    uid: e.uid,
  }));
  return table('agenda.csv', rows, [
    'date',
    'endDate',
    'kind',
    'status',
    'title',
    'stateIso3',
    'state',
    'instrument',
    'session',
    'computed',
    'asOf',
    'sources',
    'uid',
  ]);
}
