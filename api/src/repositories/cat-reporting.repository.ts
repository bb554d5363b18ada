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
        // A retracted report record stays in the table but no longer counts (migration 009).
        db.selectFrom('catReport').select('record').where('retractedAt', 'is', null).orderBy('stateIso3').orderBy('number').execute(),
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
    /** One State's standing reports, as stored. */
    reportsOfState: async (iso3: string): Promise<CatReport[]> =>
      parse<CatReport>(
        await db.selectFrom('catReport').select('record').where('stateIso3', '=', iso3).where('retractedAt', 'is', null).execute(),
      ),
    /** One report record by id, retracted or not. */
    findReport: async (id: string): Promise<{ report: CatReport; retractedAt: string | null } | undefined> => {
      const row = await db.selectFrom('catReport').select(['record', 'retractedAt']).where('id', '=', id).executeTakeFirst();
      return row && { report: JSON.parse(row.record) as CatReport, retractedAt: row.retractedAt };
    },
    /** Retracts a report record: it stays in the table, marked, and no longer counts (nothing is deleted). */
    retractReport: async (id: string, at: string) => {
      await db.updateTable('catReport').set({ retractedAt: at }).where('id', '=', id).execute();
    },
    /** One State's reporting history, or null when none is recorded. */
    reportingStateOf: async (iso3: string): Promise<CatReportingState | null> => {
      const row = await db.selectFrom('catReportingState').select('record').where('stateIso3', '=', iso3).executeTakeFirst();
      return row ? (JSON.parse(row.record) as CatReportingState) : null;
    },
    /** Inserts a report record; one retracted earlier under the same id is reinstated with this one. */
    insertReport: async (report: CatReport) => {
      const row = catReportRow(report);
      await db
        .insertInto('catReport')
        .values(row)
        .onConflict((oc) =>
          oc
            .column('id')
            .doUpdateSet({ ...row, retractedAt: null })
            .where('catReport.retractedAt', 'is not', null),
        )
        .execute();
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
