import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { CatFollowUpList, CatReport, CatReportingState, CatSession } from '../domain/cat-reporting.js';
import type { CatAnnualReportRecord } from '../schemas/dataset.js';

/** The CAT reporting records. Each was validated against its schema when it was written. */
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
  };
}
