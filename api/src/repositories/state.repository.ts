import type { Kysely } from 'kysely';
import type { Database, StateRow } from '../db/database.js';
import { matchesGroups, type StateGroupFacts } from '../domain/state-groups.js';
import type { State, StateFilters } from '../schemas/state.js';

export function stateRowToState(row: StateRow): State {
  return {
    iso3: row.iso3,
    iso2: row.iso2,
    isoNumeric: row.isoNumeric,
    m49Code: row.m49Code,
    membership: row.membership,
    names: { en: row.nameEn, fr: row.nameFr, es: row.nameEs, ar: row.nameAr },
    formalNameEn: row.formalNameEn,
    region: { code: row.regionCode, name: row.regionName },
    subRegion: { code: row.subRegionCode, name: row.subRegionName },
    intermediateRegion:
      row.intermediateRegionCode && row.intermediateRegionName
        ? { code: row.intermediateRegionCode, name: row.intermediateRegionName }
        : null,
    unRegionalGroup: row.unRegionalGroup,
    unRegionalGroupNote: row.unRegionalGroupNote,
    ldc: {
      status: row.ldcStatus,
      graduatedOn: row.ldcGraduatedOn,
      scheduledGraduation: row.ldcScheduledGraduation,
      note: row.ldcNote,
    },
    sids: row.sids === 1,
    oda: {
      recipient: row.odaRecipient === null ? null : row.odaRecipient === 1,
      incomeGroup: row.odaIncomeGroup,
      listYears: row.odaListYears,
    },
    map: {
      polygon110m: row.mapPolygon110m === 1,
      marker: row.mapMarkerLon !== null && row.mapMarkerLat !== null ? { lon: row.mapMarkerLon, lat: row.mapMarkerLat } : null,
      note: row.mapNote,
    },
    sourceIds: JSON.parse(row.sourceIds) as string[],
  };
}

/** What the group filters look at. */
export const groupFactsOf = (state: State): StateGroupFacts => ({
  regionCodes: [state.region.code, state.subRegion.code, ...(state.intermediateRegion ? [state.intermediateRegion.code] : [])],
  unRegionalGroup: state.unRegionalGroup,
  ldc: state.ldc.status === 'ldc',
  sids: state.sids,
  oda: state.oda.recipient,
});

export function createStateRepository(db: Kysely<Database>) {
  return {
    /** The states matching the group filters (domain/state-groups.ts), by English name. */
    listStates: async (filters: StateFilters = {}) => {
      const rows = await db.selectFrom('state').selectAll().orderBy('nameEn').execute();
      return rows.map(stateRowToState).filter((state) => matchesGroups(groupFactsOf(state), filters));
    },
    findState: async (iso3: string) => {
      const row = await db.selectFrom('state').selectAll().where('iso3', '=', iso3).executeTakeFirst();
      return row ? stateRowToState(row) : undefined;
    },
    /** Every state's code and English name, for the status engine and status lists. */
    listCodes: () => db.selectFrom('state').select(['iso3', 'nameEn', 'nameFr', 'nameEs', 'nameAr']).orderBy('nameEn').execute(),
    /** The M49 codes in use, so a filter naming an unknown region can be told apart from an empty result. */
    hasRegion: async (code: string) =>
      !!(await db
        .selectFrom('state')
        .select('iso3')
        .where((eb) => eb.or([eb('regionCode', '=', code), eb('subRegionCode', '=', code), eb('intermediateRegionCode', '=', code)]))
        .limit(1)
        .executeTakeFirst()),
  };
}
