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

const citation = (s: SourceRef) => (s.url ? `${s.title} <${s.url}> (as of ${s.asOf ?? 'not recorded'})` : s.title);

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
    'id', 'parentId', 'untcReference', 'name', 'shortName', 'adoptedOn', 'generalEntryIntoForce',
    'entryIntoForceRule', 'withdrawalRule', 'dataAsOf', 'completenessNote', 'sources',
  ]);
}

export function statusCsv(result: InstrumentStatusResponse) {
  const cite = new Map(result.sources.map((s) => [s.id, citation(s)]));
  const rows = result.states.map((r) => ({
    instrument: result.instrumentId,
    asOf: result.asOf,
    dataAsOf: result.dataAsOf,
    iso3: r.iso3,
    name: r.name,
    status: r.status,
    since: r.since,
    signature: r.signature?.date,
    consent: r.consent?.date,
    consentKind: r.consent?.kind,
    entryIntoForce: r.entryIntoForce?.date,
    entryIntoForceComputed: r.entryIntoForce?.computed,
    withdrawalNotified: r.withdrawal?.notified,
    withdrawalEffective: r.withdrawal?.effective,
    uncertain: r.uncertain,
    sources: r.sourceIds.map((id) => cite.get(id)).join(' ; '),
  }));
  return table(`${result.instrumentId}-status-${result.asOf}.csv`, rows, [
    'instrument', 'asOf', 'dataAsOf', 'iso3', 'name', 'status', 'since', 'signature', 'consent',
    'consentKind', 'entryIntoForce', 'entryIntoForceComputed', 'withdrawalNotified',
    'withdrawalEffective', 'uncertain', 'sources',
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
  }));
  return table(`${result.instrumentId}-timeline.csv`, rows, [
    'instrument', 'date', 'parties', 'partiesNotInForce', 'signatories', 'changes', 'dataAsOf',
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
    'iso3', 'iso2', 'nameEn', 'nameFr', 'nameEs', 'nameAr', 'membership', 'region', 'subRegion',
    'unRegionalGroup', 'ldc', 'ldcGraduatedOn', 'sids', 'odaRecipient', 'odaIncomeGroup', 'sources',
  ]);
}

const table = <Row>(filename: string, rows: Row[], columns: (keyof Row & string)[]): CsvTable<Row> => ({ filename, columns, rows });
