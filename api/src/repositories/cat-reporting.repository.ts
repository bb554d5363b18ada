import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { CatFollowUpList, CatReport, CatReportingState, CatSession } from '../domain/cat-reporting.js';
import { catReportingStateRow, catReportRow } from '../db/seed.js';
import type { CatAnnualReportRecord } from '../schemas/dataset.js';

/**
 * The CAT reporting records. Each was validated against its schema when it was written. The CAT
 * import (services/cat-import.ts) writes through this too, inside its transaction: pass it as `db`.
 */
export function createCatReportingRepository(db: Kysely<Database>) {
  const parse = <T>(rows: { record: string }[]): T[] => rows.map((r) => JSON.parse(r.record) as T);
  return {
    async loadAll() {
      const [reports, followUpLists, sessions, states, annualReports] = await Promise.all([
        db.selectFrom('catReport').select('record').orderBy('stateIso3').orderBy('number').execute(),
        db.selectFrom('catFollowUpList').select('record').orderBy('session').execute(),
        db.selectFrom('catSession').select('record').orderBy('session').execute(),
        db.selectFrom('catReportingState').select('record').orderBy('stateIso3').execute(),
        db.selectFrom('catAnnualReport').select('record').orderBy('symbol').execute(),
      ]);
      return {
        reports: parse<CatReport>(reports),
        followUpLists: parse<CatFollowUpList>(followUpLists),
        sessions: parse<CatSession>(sessions),
        states: parse<CatReportingState>(states),
        annualReports: parse<CatAnnualReportRecord>(annualReports),
      };
    },
    /** One State's reports, as stored. */
    reportsOfState: async (iso3: string): Promise<CatReport[]> =>
      parse<CatReport>(await db.selectFrom('catReport').select('record').where('stateIso3', '=', iso3).execute()),
    /** One State's reporting history, or null when none is recorded. */
    reportingStateOf: async (iso3: string): Promise<CatReportingState | null> => {
      const row = await db.selectFrom('catReportingState').select('record').where('stateIso3', '=', iso3).executeTakeFirst();
      return row ? (JSON.parse(row.record) as CatReportingState) : null;
    },
    insertReport: async (report: CatReport) => {
      await db.insertInto('catReport').values(catReportRow(report)).execute();
    },
    updateReport: async (report: CatReport) => {
      await db.updateTable('catReport').set(catReportRow(report)).where('id', '=', report.id).execute();
    },
    /** Adds a State's reporting history, or replaces the one recorded. */
    saveReportingState: async (state: CatReportingState) => {
      const row = catReportingStateRow(state);
      await db
        .insertInto('catReportingState')
        .values(row)
        .onConflict((oc) => oc.column('stateIso3').doUpdateSet(row))
        .execute();
    },
  };
}
