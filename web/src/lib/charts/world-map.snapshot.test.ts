/**
 * The map's SVG for a fixed date, rendered as on the server and compared with the committed file
 * __snapshots__/world-map.rome-statute.2017-10-27.svg: any change to what the map draws (shapes,
 * fills, labels) shows up as a reviewable diff. Inputs come from a fixture, not the live data.
 */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { worldGeometryFor } from '$lib/server/world-geometry';
import type { StatusRow } from '$lib/status-text';
import { english } from '$lib/test-helpers';
import fixture from './__fixtures__/rome-statute-2017-10-27.json';
import { mapItems } from './choropleth';
import WorldMap from './WorldMap.svg.svelte';

describe('WorldMap.svg.svelte', () => {
  it('draws the Rome Statute on 27 October 2017 as committed (Burundi withdrawn that day)', async () => {
    const { t } = english();
    const geometry = worldGeometryFor(fixture.states);
    const items = mapItems({
      shapes: geometry.shapes,
      rows: new Map((fixture.rows as StatusRow[]).map((row) => [row.iso3, row])),
      names: Object.fromEntries(fixture.states.map((s) => [s.iso3, s.name])),
      href: (iso3) => `/states/${iso3}?asOf=${fixture.asOf}`,
      t,
      locale: 'en',
    });
    const { body } = render(WorldMap, {
      props: { viewBox: geometry.viewBox, items, territories: geometry.territories, title: 'Rome Statute, 27 Oct 2017' },
    });
    // Svelte's hydration markers and scoped-style classes are not part of the drawing.
    const svg = body
      .replace(/<!--[^>]*-->/g, '')
      .replace(/ class="svelte-[a-z0-9]+"/g, '')
      .replace(/ svelte-[a-z0-9]+/g, '');
    expect(svg.match(/data-iso=/g)).toHaveLength(197);
    expect(svg).toContain('aria-label="Burundi: Withdrawn since 27 Oct 2017"');
    await expect(svg.replaceAll('><', '>\n<') + '\n').toMatchFileSnapshot('./__snapshots__/world-map.rome-statute.2017-10-27.svg');
  });
});
