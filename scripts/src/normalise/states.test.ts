import { describe, expect, it } from 'vitest';
import { Problems } from './common.js';
import { buildStates } from './states.js';

const problems = new Problems();
const states = buildStates(problems).map((s) => s.record);
const state = (iso3: string) => states.find((s) => s.iso3 === iso3)!;

describe('buildStates', () => {
  it('builds the 197 entities without problems', () => {
    expect(problems.list).toEqual([]);
    expect(states).toHaveLength(197);
    const membership = (m: string) =>
      states
        .filter((s) => s.membership === m)
        .map((s) => s.iso3)
        .sort();
    expect(membership('un-member')).toHaveLength(193);
    expect(membership('observer-state')).toEqual(['PSE', 'VAT']);
    expect(membership('non-member')).toEqual(['COK', 'NIU']);
  });

  it('counts 44 LDCs, 8 graduates, 40 SIDS and 136 ODA recipients', () => {
    expect(states.filter((s) => s.ldc.status === 'ldc')).toHaveLength(44);
    expect(states.filter((s) => s.ldc.status === 'graduated')).toHaveLength(8);
    expect(states.filter((s) => s.sids)).toHaveLength(40);
    expect(states.filter((s) => s.oda.recipient)).toHaveLength(136);
  });

  it('keeps month-only graduation dates as the first of the month, flagged', () => {
    expect(state('BWA').ldc).toMatchObject({ status: 'graduated', graduatedOn: '1994-12-01', graduatedOnPrecision: 'month' });
    expect(state('BGD').ldc).toMatchObject({ status: 'ldc', scheduledGraduation: '2026-11-24' });
  });

  it('places a marker at the centre of the 50m box for States missing at 110m, and none where the box cannot give one', () => {
    expect(state('VAT').map).toMatchObject({ polygon110m: false, marker: { lon: 12.435, lat: 41.902 } });
    expect(state('FRA').map).toMatchObject({ polygon110m: true, marker: null });
    expect(state('TUV').map.marker).toBeNull(); // no 50m polygon, no 10m box in the source
    expect(state('KIR').map.marker).toBeNull(); // the box spans the antimeridian
    expect(states.filter((s) => !s.map.polygon110m)).toHaveLength(31);
    expect(states.filter((s) => s.map.marker)).toHaveLength(29);
  });

  it('maps regional groups, with the special roles as the source words them', () => {
    expect(state('USA')).toMatchObject({
      unRegionalGroup: 'western-european-others',
      unRegionalGroupRole: 'observer (counted as a WEOG member for electoral purposes)',
    });
    expect(state('COK')).toMatchObject({ unRegionalGroup: null, unRegionalGroupRole: null });
    expect(states.filter((s) => s.unRegionalGroup === 'latin-american-caribbean')).toHaveLength(33);
  });
});
