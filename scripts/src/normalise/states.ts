/**
 * states.json: the 197 entities (193 UN members, Holy See, State of Palestine, Cook Islands,
 * Niue) joined from data/raw/states/*.csv on iso3.
 */
import { readCsv, type CsvRow } from './csv.js';
import { originOf, type Origin, type Problems } from './common.js';
import type { StateRecord } from './schemas.js';

export interface TracedState {
  record: StateRecord;
  origin: Origin;
}

const GROUPS: Record<string, NonNullable<StateRecord['unRegionalGroup']>> = {
  'African Group': 'african',
  'Asia-Pacific Group': 'asia-pacific',
  'Eastern European Group': 'eastern-european',
  GRULAC: 'latin-american-caribbean',
  WEOG: 'western-european-others',
};

const MEMBERSHIP = (status: string): StateRecord['membership'] | null =>
  status === 'UN member State'
    ? 'un-member'
    : status === 'UN non-member observer State'
      ? 'observer-state'
      : status.startsWith('Non-member State')
        ? 'non-member'
        : null;

function byIso3(rows: CsvRow[]): Map<string, CsvRow> {
  return new Map(rows.map((row) => [row.get('iso3'), row]));
}

export function buildStates(problems: Problems): TracedState[] {
  const groups = byIso3(readCsv('states/un_regional_groups.csv'));
  const ldc = byIso3(readCsv('states/un_ldc_list.csv'));
  const sids = byIso3(readCsv('states/un_sids_list.csv').filter((r) => r.get('in_registry_197') === 'true'));
  const oda = byIso3(readCsv('states/oecd_dac_oda_recipients_2022-2023.csv').filter((r) => r.get('in_registry_197') === 'true'));
  const atlas = byIso3(readCsv('states/world_atlas_polygons.csv'));

  return readCsv('states/states.csv').map((row) => {
    const iso3 = row.get('iso3');
    const need = (map: Map<string, CsvRow>, what: string): CsvRow | undefined => {
      const found = map.get(iso3);
      if (!found) problems.add(originOf(row), `${iso3} has no row in ${what}`);
      return found;
    };
    const group = need(groups, 'un_regional_groups.csv');
    const map = need(atlas, 'world_atlas_polygons.csv');
    const ldcRow = ldc.get(iso3);
    const odaRow = oda.get(iso3);

    const membership = MEMBERSHIP(row.get('status'));
    if (!membership) problems.add(originOf(row), `unknown status "${row.get('status')}"`);
    const groupName = group?.opt('regional_group') ?? null;
    const unRegionalGroup = groupName ? GROUPS[groupName] : null;
    if (unRegionalGroup === undefined) problems.add(originOf(group ?? row), `unknown regional group "${groupName}"`);
    const role = group?.opt('role') ?? null;

    const record: StateRecord = {
      iso3,
      iso2: row.get('iso2'),
      isoNumeric: row.get('iso_numeric'),
      m49Code: row.get('m49_code'),
      membership: membership ?? 'un-member',
      names: { en: row.get('name_en'), fr: row.get('name_fr'), es: row.get('name_es'), ar: row.get('name_ar') },
      formalNameEn: row.opt('name_en_formal'),
      region: { code: row.get('m49_region_code'), name: row.get('m49_region') },
      subRegion: { code: row.get('m49_subregion_code'), name: row.get('m49_subregion') },
      intermediateRegion: row.opt('m49_intermediate_region_code')
        ? { code: row.get('m49_intermediate_region_code'), name: row.get('m49_intermediate_region') }
        : null,
      unRegionalGroup: unRegionalGroup ?? null,
      unRegionalGroupRole: role === 'none' ? null : role,
      unRegionalGroupNote: joinGroupNote(group),
      ldc: ldcOf(ldcRow),
      sids: sids.has(iso3),
      oda: {
        recipient: odaRow !== undefined,
        incomeGroup: odaRow ? `${odaRow.get('income_group')} (${odaRow.get('income_group_code')})` : null,
        listYears: '2022-2023',
      },
      map: mapOf(map, problems),
      sourceIds: [
        'ocha-countries-territories-taxonomy-2026-01-30',
        'un-regional-groups',
        'un-ldc-list-2026-11-22',
        'un-sids-list',
        'oecd-dac-recipients-2022-2023',
        'world-atlas-2-0-2',
      ],
    };
    return { record, origin: originOf(row) };
  });
}

function joinGroupNote(group: CsvRow | undefined): string | null {
  if (!group) return null;
  const also = group.opt('also_participates_in');
  const note = group.opt('notes');
  const parts = [also ? `Also participates in: ${also}.` : null, note].filter((p): p is string => !!p);
  return parts.length ? parts.join(' ') : null;
}

function ldcOf(row: CsvRow | undefined): StateRecord['ldc'] {
  // The list holds every current LDC and every State that has graduated, so absence means never listed.
  if (!row) return { status: 'never', graduatedOn: null, graduatedOnPrecision: null, scheduledGraduation: null, note: null };
  const status = row.get('ldc_status') === 'graduated' ? 'graduated' : 'ldc';
  const graduation = row.opt('graduation_date');
  const monthOnly = graduation !== null && /^\d{4}-\d{2}$/.test(graduation);
  const precisionNote =
    row.opt('graduation_date_precision') === 'day (derived)'
      ? 'The day of graduation is derived (five years after the General Assembly took note); the sources give the month.'
      : null;
  const pipeline = row.opt('graduation_pipeline');
  const notes = [
    pipeline && pipeline !== 'graduated' ? `Graduation pipeline: ${pipeline.replace(/_/g, ' ')}.` : null,
    precisionNote,
    row.opt('notes'),
  ].filter((p): p is string => !!p);
  return {
    status,
    // Month-only dates follow the ParticipationEvent convention: the first day of the known period.
    graduatedOn: graduation ? (monthOnly ? `${graduation}-01` : graduation) : null,
    graduatedOnPrecision: graduation ? (monthOnly ? 'month' : 'day') : null,
    scheduledGraduation: row.opt('scheduled_graduation_date'),
    note: notes.length ? notes.join(' ') : null,
  };
}

/**
 * A marker is given where the 110m map has no polygon (needs_marker_at_110m). It is the centre
 * of the 50m bounding box from world_atlas_polygons.csv. Two cases get no marker: Tuvalu (no
 * polygon at 50m, and the file has no 10m box) and boxes spanning the antimeridian (Kiribati),
 * whose centre cannot be read from a min/max box.
 */
function mapOf(row: CsvRow | undefined, problems: Problems): StateRecord['map'] {
  if (!row) return { polygon110m: false, marker: null, note: 'No row in world_atlas_polygons.csv.' };
  const polygon110m = row.get('present_in_110m') === 'true';
  if (row.get('needs_marker_at_110m') !== 'true') return { polygon110m, marker: null, note: null };
  const bbox = row.opt('bbox_50m');
  if (!bbox) {
    return {
      polygon110m,
      marker: null,
      note: 'No polygon at 110m or 50m and no 10m bounding box in the source file, so no marker position is known; compute one from world-atlas countries-10m.json.',
    };
  }
  const numbers = bbox.split(';').map(Number);
  if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n))) {
    problems.add(originOf(row), `cannot read bbox_50m "${bbox}"`);
    return { polygon110m, marker: null, note: null };
  }
  const [minLon, minLat, maxLon, maxLat] = numbers as [number, number, number, number];
  if (maxLon - minLon > 180) {
    return {
      polygon110m,
      marker: null,
      note: `The 50m bounding box (${bbox}) crosses the antimeridian, so its centre is not a point of the State; compute a marker from the world-atlas geometry.`,
    };
  }
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    polygon110m,
    marker: { lon: round((minLon + maxLon) / 2), lat: round((minLat + maxLat) / 2) },
    note: `No polygon at 110m; marker at the centre of the 50m bounding box (${bbox}) from world_atlas_polygons.csv.`,
  };
}
