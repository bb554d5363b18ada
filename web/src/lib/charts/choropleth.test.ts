import { describe, expect, it } from 'vitest';
import { PALETTE } from '$lib/status';
import type { StatusRow } from '$lib/status-text';
import { english } from '$lib/test-helpers';
import { mapItems } from './choropleth';
import type { MapShape } from './world-map';

const { t } = english();
const shapes: MapShape[] = [
  { iso3: 'TUV', d: null, marker: { x: 950, y: 250 }, box: [0, 0, 1, 1] },
  { iso3: 'FRA', d: 'M0 0l1 0 0 1z', marker: null, box: [0, 0, 1, 1] },
  { iso3: 'BDI', d: 'M5 5l1 0 0 1z', marker: null, box: [0, 0, 1, 1] },
  { iso3: 'LUX', d: 'M3 3l1 0 0 1z', marker: { x: 3, y: 3 }, box: [0, 0, 1, 1] },
];
const row = (iso3: string, status: StatusRow['status'], since: string | null): StatusRow => ({
  iso3,
  status,
  since,
  signature: null,
  consent: null,
  entryIntoForce: null,
  withdrawal: null,
  uncertain: false,
  sourceIds: [],
  unconfirmed: 0,
  sincePrecision: 'day',
  revokedWithdrawals: [],
  jurisdictionFrom: null,
  reports: [],
});
const names = { TUV: 'Tuvalu', FRA: 'France', BDI: 'Burundi', LUX: 'Luxembourg' };

describe('mapItems', () => {
  const items = mapItems({
    shapes,
    // A filtered selection: Luxembourg is not in it.
    rows: new Map(
      [row('TUV', 'no-action', null), row('FRA', 'party', '2002-07-01'), row('BDI', 'withdrawn', '2017-10-27')].map((r) => [r.iso3, r]),
    ),
    names,
    href: (iso3) => `/states/${iso3}`,
    t,
    locale: 'en',
  });
  const byIso = new Map(items.map((i) => [i.iso3, i]));

  it('orders outlines by name, then markers by name (paint and keyboard order)', () => {
    expect(items.map((i) => i.iso3)).toEqual(['BDI', 'FRA', 'LUX', 'TUV']);
  });

  it.each([
    { iso3: 'BDI', label: 'Burundi: Withdrawn since 27 Oct 2017', fill: PALETTE.orange, status: 'withdrawn' },
    { iso3: 'TUV', label: 'Tuvalu: No action', fill: PALETTE.grey, status: 'no-action' },
    { iso3: 'LUX', label: 'Luxembourg: outside the selection', fill: PALETTE.none, status: null },
  ])('$iso3: "$label"', ({ iso3, label, fill, status }) => {
    const item = byIso.get(iso3);
    expect(item?.label).toBe(label);
    expect(item?.fill).toBe(fill);
    expect(item?.status).toBe(status);
    expect(item?.href).toBe(`/states/${iso3}`);
  });

  it('gives the tooltip the name, the status and the dates', () => {
    expect(byIso.get('FRA')?.details).toEqual([
      'France',
      'Party since 1 Jul 2002',
      'Signature: not recorded',
      'Ratification or accession: not recorded',
      'Entry into force: not recorded',
    ]);
    expect(byIso.get('LUX')?.details).toEqual(['Luxembourg', 'outside the selection']);
  });
});
