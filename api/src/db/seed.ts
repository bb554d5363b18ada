import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Insertable, Kysely, Transaction } from 'kysely';
import { z } from 'zod';
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
} from '../schemas/dataset.js';
import { linkRecommendation } from '../domain/upr-links.js';
import { UprPledgeRecord, UprRecommendationRecord, UprReviewRecord, UprSessionRecord } from '../schemas/upr-dataset.js';
import type { Database, StateTable } from './database.js';
import { sqlOf, type Sql } from './sql.js';
import { writeUpr, type UprDataset } from '../repositories/upr-store.repository.js';
import { aboutEvent, createChangeRecorder, type AuditEntry } from '../repositories/audit.repository.js';

/** Reads and validates one seed file; a missing file is an empty list, a bad one stops the seed. */
function readSeedFile<T>(seedDir: string, name: string, record: z.ZodType<T>): T[] {
  const path = join(seedDir, name);
  if (!existsSync(path)) return [];
  const parsed = z.array(record).safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`Seed file ${path} is invalid at [${first?.path.join('.')}]: ${first?.message}`);
  }
  return parsed.data;
}

/** One JSON record per line (the large files, so they stream and diff well); a missing file is an empty list. */
function readSeedLines<T>(seedDir: string, name: string, record: z.ZodType<T>): T[] {
  const path = join(seedDir, name);
  if (!existsSync(path)) return [];
  const out: T[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const parsed = record.safeParse(JSON.parse(line));
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new Error(`Seed file ${path}:${i + 1} is invalid at [${first?.path.join('.')}]: ${first?.message}`);
      }
      out.push(parsed.data);
    });
  return out;
}

export interface Dataset {
  sources: SourceRecord[];
  states: StateRecord[];
  instruments: InstrumentRecord[];
  events: z.infer<typeof EventRecord>[];
  counts: CountRecord[];
  cat: CatDataset;
  upr: UprDataset;
}

/** The CAT reporting records. */
export interface CatDataset {
  reports: CatReportRecord[];
  followUpLists: CatFollowUpListRecord[];
  sessions: CatSessionRecord[];
  states: CatReportingStateRecord[];
  annualReports: CatAnnualReportRecord[];
}

export function readDataset(seedDir: string): Dataset {
  return {
    // The UPR sources are kept in their own file, written by the UPR normaliser.
    sources: [...readSeedFile(seedDir, 'sources.json', SourceRecord), ...readSeedFile(seedDir, 'upr-sources.json', SourceRecord)],
    states: readSeedFile(seedDir, 'states.json', StateRecord),
    instruments: readSeedFile(seedDir, 'instruments.json', InstrumentRecord),
    events: readSeedFile(seedDir, 'events.json', EventRecord),
    counts: readSeedFile(seedDir, 'counts.json', CountRecord),
    cat: {
      reports: readSeedFile(seedDir, 'cat-reports.json', CatReportRecord),
      followUpLists: readSeedFile(seedDir, 'cat-follow-up-lists.json', CatFollowUpListRecord),
      sessions: readSeedFile(seedDir, 'cat-sessions.json', CatSessionRecord),
      states: readSeedFile(seedDir, 'cat-reporting-states.json', CatReportingStateRecord),
      annualReports: readSeedFile(seedDir, 'cat-annual-reports.json', CatAnnualReportRecord),
    },
    upr: {
      sessions: readSeedFile(seedDir, 'upr-sessions.json', UprSessionRecord),
      reviews: readSeedFile(seedDir, 'upr-reviews.json', UprReviewRecord),
      recommendations: readSeedLines(seedDir, 'upr-recommendations.ndjson', UprRecommendationRecord),
      pledges: readSeedFile(seedDir, 'upr-pledges.json', UprPledgeRecord),
    },
  };
}

const flag = (b: boolean): 0 | 1 => (b ? 1 : 0);

export function stateRecordToRow(s: StateRecord): Insertable<StateTable> {
  return {
    iso3: s.iso3,
    iso2: s.iso2,
    isoNumeric: s.isoNumeric,
    m49Code: s.m49Code,
    membership: s.membership,
    nameEn: s.names.en,
    nameFr: s.names.fr,
    nameEs: s.names.es,
    nameAr: s.names.ar,
    formalNameEn: s.formalNameEn,
    regionCode: s.region.code,
    regionName: s.region.name,
    subRegionCode: s.subRegion.code,
    subRegionName: s.subRegion.name,
    intermediateRegionCode: s.intermediateRegion?.code ?? null,
    intermediateRegionName: s.intermediateRegion?.name ?? null,
    unRegionalGroup: s.unRegionalGroup,
    unRegionalGroupRole: s.unRegionalGroupRole,
    unRegionalGroupNote: s.unRegionalGroupNote,
    ldcStatus: s.ldc.status,
    ldcGraduatedOn: s.ldc.graduatedOn,
    ldcGraduatedOnPrecision: s.ldc.graduatedOnPrecision,
    ldcScheduledGraduation: s.ldc.scheduledGraduation,
    ldcNote: s.ldc.note,
    sids: flag(s.sids),
    odaRecipient: s.oda.recipient === null ? null : flag(s.oda.recipient),
    odaIncomeGroup: s.oda.incomeGroup,
    odaListYears: s.oda.listYears,
    mapPolygon110m: flag(s.map.polygon110m),
    mapMarkerLon: s.map.marker?.lon ?? null,
    mapMarkerLat: s.map.marker?.lat ?? null,
    mapNote: s.map.note,
    sourceIds: JSON.stringify(s.sourceIds),
  };
}

/** One CAT report as a row: its keys, and the whole record as JSON. */
export const catReportRow = (r: CatReportRecord) => ({
  id: r.id,
  stateIso3: r.stateIso3,
  number: r.number,
  sourceId: r.sourceId,
  record: JSON.stringify(r),
});
export const catReportingStateRow = (s: CatReportingStateRecord) => ({
  stateIso3: s.stateIso3,
  completeness: s.completeness,
  record: JSON.stringify(s),
});

/** SQLite accepts at most 32766 bound parameters per statement (PostgreSQL 65535); insert in chunks well below that. */
async function insertChunked<T extends keyof Database>(trx: Transaction<Database>, table: T, rows: Insertable<Database[T]>[]) {
  const columns = rows[0] ? Object.keys(rows[0]).length : 1;
  const size = Math.max(1, Math.floor(2000 / columns));
  for (let i = 0; i < rows.length; i += size) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + size))
      .execute();
  }
}

/** Writes a whole dataset in the caller's transaction (parents first, for the foreign keys). */
export async function insertDataset(trx: Transaction<Database>, data: Dataset, upr: Sql) {
  await insertChunked(trx, 'source', data.sources);
  await insertChunked(trx, 'state', data.states.map(stateRecordToRow));
  // Parents before amendments, for the self-reference.
  const instruments = [...data.instruments].sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));
  await insertChunked(
    trx,
    'instrument',
    instruments.map((i) => ({
      ...i,
      entryIntoForceRule: JSON.stringify(i.entryIntoForceRule),
      withdrawalRule: i.withdrawalRule ? JSON.stringify(i.withdrawalRule) : null,
      sourceIds: JSON.stringify(i.sourceIds),
    })),
  );
  await insertChunked(trx, 'participationEvent', data.events);
  await insertChunked(trx, 'publishedCount', data.counts);
  await insertCatDataset(trx, data.cat);
  // The transaction's own connection (sqlOf(db, trx)), so inside the caller's transaction.
  await writeUpr(upr, data.upr, { link: linkRecommendation });
}

async function insertCatDataset(trx: Transaction<Database>, cat: CatDataset) {
  await insertChunked(trx, 'catReport', cat.reports.map(catReportRow));
  await insertChunked(
    trx,
    'catFollowUpList',
    cat.followUpLists.map((l) => ({ id: l.id, session: l.session, sourceId: l.sourceId, record: JSON.stringify(l) })),
  );
  await insertChunked(
    trx,
    'catSession',
    cat.sessions.map((s) => ({ id: s.id, session: s.session, record: JSON.stringify(s) })),
  );
  await insertChunked(trx, 'catReportingState', cat.states.map(catReportingStateRow));
  await insertChunked(
    trx,
    'catAnnualReport',
    cat.annualReports.map((a) => ({ symbol: a.symbol, sourceId: a.sourceId, record: JSON.stringify(a) })),
  );
}

/**
 * The first entries of the public change feed: what the bundled imports put in, as the importers
 * would have recorded it. One entry per participation event and per CAT report; the UPR data as one
 * entry per review with its number of recommendations, since one per recommendation (some 42,000)
 * would bury every other change in the feed and add nothing a reader could act on.
 */
export function recordSeedChanges(data: Dataset, at: string, record: (entry: AuditEntry) => void) {
  const base = { at, actor: 'seed', action: 'insert' } as const;
  for (const e of data.events) {
    record({ ...base, entity: 'participationEvent', entityId: e.id, after: e, sourceId: e.sourceId, ...aboutEvent(e) });
  }
  for (const r of data.cat.reports) {
    record({ ...base, entity: 'catReport', entityId: r.id, after: r, sourceId: r.sourceId, instrumentId: 'uncat', stateIso3: r.stateIso3 });
  }
  const perReview = new Map<string, { n: number; sourceId: string }>();
  for (const r of data.upr.recommendations) {
    const seen = perReview.get(r.reviewId);
    if (seen) seen.n++;
    else perReview.set(r.reviewId, { n: 1, sourceId: r.sourceId });
  }
  for (const r of data.upr.reviews) {
    const recommended = perReview.get(r.id);
    record({
      ...base,
      entity: 'uprReview',
      entityId: r.id,
      after: { session: r.session, recommendations: recommended?.n ?? 0 },
      // The export its recommendations came from; a review without any cites the first source that lists it.
      sourceId: recommended?.sourceId ?? r.sourceIds[0] ?? null,
      stateIso3: r.stateIso3,
    });
  }
}

/**
 * Loads the bundled dataset (data/seed/*.json) into an empty database, in one transaction:
 * either all of it lands or none. A database that already holds data is left alone, so
 * restarting the server never overwrites what users or imports have added.
 */
export async function seedIfEmpty(db: Kysely<Database>, seedDir: string): Promise<{ seeded: boolean }> {
  const existing = await db.selectFrom('source').select('id').limit(1).executeTakeFirst();
  if (existing) return { seeded: false };
  const data = readDataset(seedDir);
  if (data.sources.length === 0) return { seeded: false };
  await db.transaction().execute(async (trx) => {
    await insertDataset(trx, data, sqlOf(db, trx));
    const at = new Date().toISOString();
    const changes = createChangeRecorder();
    recordSeedChanges(data, at, (entry) => changes.record(entry));
    await changes.commit(trx, at);
  });
  return { seeded: true };
}
