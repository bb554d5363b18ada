import type { Kysely } from 'kysely';
import type { Database, StateRow } from '../db/database.js';
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

const asFlag = (b: boolean) => (b ? 1 : 0);

export function createStateRepository(db: Kysely<Database>) {
  return {
    listStates: async (filters: StateFilters = {}) => {
      const rows = await db
        .selectFrom('state')
        .selectAll()
        .$if(!!filters.region, (qb) =>
          qb.where((eb) =>
            eb.or([
              eb('regionCode', '=', filters.region!),
              eb('subRegionCode', '=', filters.region!),
              eb('intermediateRegionCode', '=', filters.region!),
            ]),
          ),
        )
        .$if(!!filters.group, (qb) => qb.where('unRegionalGroup', '=', filters.group!))
        .$if(filters.ldc !== undefined, (qb) => (filters.ldc ? qb.where('ldcStatus', '=', 'ldc') : qb.where('ldcStatus', '!=', 'ldc')))
        .$if(filters.sids !== undefined, (qb) => qb.where('sids', '=', asFlag(filters.sids!)))
        .$if(filters.oda !== undefined, (qb) => qb.where('odaRecipient', '=', asFlag(filters.oda!)))
        .orderBy('nameEn')
        .execute();
      return rows.map(stateRowToState);
    },
    findState: async (iso3: string) => {
      const row = await db.selectFrom('state').selectAll().where('iso3', '=', iso3).executeTakeFirst();
      return row ? stateRowToState(row) : undefined;
    },
    /** Every state's code and English name, for the status engine and status lists. */
    listCodes: () => db.selectFrom('state').select(['iso3', 'nameEn']).orderBy('nameEn').execute(),
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
