/**
 * A map as one self-contained SVG file (GET /api/instruments/{id}/map.svg, and the PNG made from
 * it): the dashboard's map (the same geometry, paints and patterns), with a title, the date, the
 * count of States Parties, the key with its counts, the sources with their as-of dates, and the
 * dataset version and a permalink that opens the same view. Nothing is loaded from elsewhere: the
 * file can go into a slide or a report as it is.
 *
 * Pure: the caller brings the geometry, the statuses and the words.
 */
import type { Status } from '../domain/types.js';
import { STATUSES } from '../domain/types.js';
import { STATUS_PAINT, paintFill, patternId, PALETTE, type Paint } from './paint.js';
import type { WorldGeometry } from './world-map.js';

export interface MapImageInput {
  geometry: WorldGeometry;
  /** Each state's status; null for a state outside the selection (drawn white, not counted). */
  statuses: ReadonlyMap<string, Status | null>;
  names: ReadonlyMap<string, string>;
  counts: Record<Status, number>;
  rtl: boolean;
  words: {
    title: string;
    /** "Status on 5 Dec 2026 · 125 States Parties of 197 States and entities" */
    subtitle: string;
    /** The selection, when filtered. */
    selection: string | null;
    status: Record<Status, string>;
    notCounted: string;
    marker: string;
    sources: string;
    made: string;
  };
}

const MARGIN = 16;
const FONT = "'DejaVu Sans', 'Noto Sans', Arial, sans-serif";
const MARKER_RADIUS = 4.5;
const LINE = 18;

/** XML text and attribute values: the five characters XML reserves. */
export const xml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

function patternDef(id: string, paint: Paint): string {
  if (paint.kind === 'stripes')
    return `<pattern id="${id}" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(${paint.angle})"><rect width="4" height="4" fill="${paint.background}"/><rect width="2" height="4" fill="${paint.foreground}"/></pattern>`;
  if (paint.kind === 'dots')
    return `<pattern id="${id}" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill="${paint.background}"/><circle cx="2" cy="2" r="1.1" fill="${paint.foreground}"/></pattern>`;
  return '';
}

/** Splits a long line at spaces so it fits `max` characters (a rough measure; the font is proportional). */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    if (current && current.length + 1 + word.length > max) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}

export function mapSvg(input: MapImageInput): string {
  const { geometry, words, rtl } = input;
  // The nested <svg> maps the viewBox (its origin is the negative padding) onto the map's place.
  const [, , vw, vh] = geometry.viewBox.split(' ').map(Number) as [number, number, number, number];
  const width = vw + 2 * MARGIN;
  const textX = rtl ? width - MARGIN : MARGIN;
  const anchor = rtl ? 'end' : 'start';
  const charsPerLine = Math.floor((width - 2 * MARGIN) / 7.2);
  const text = (y: number, content: string, attrs = '') =>
    `<text x="${textX}" y="${y}" text-anchor="${anchor}"${attrs}>${xml(content)}</text>`;

  const out: string[] = [];
  let y = MARGIN + 20;
  const titleLines = wrap(words.title, Math.floor(charsPerLine / 1.4));
  for (const line of titleLines) {
    out.push(text(y, line, ' font-size="20" font-weight="bold"'));
    y += 26;
  }
  out.push(text(y - 4, words.subtitle, ' font-size="14"'));
  y += LINE;
  if (words.selection) {
    out.push(text(y - 4, words.selection, ' font-size="13"'));
    y += LINE;
  }

  // The map, in its own coordinates, below the header.
  const mapTop = y;
  const states: string[] = [];
  for (const shape of geometry.shapes) {
    const status = input.statuses.get(shape.iso3) ?? null;
    const fill = status === null ? PALETTE.none : paintFill(STATUS_PAINT[status], patternId(status));
    const stroke = status === null ? '#9e9e9e' : PALETTE.stroke;
    const name = input.names.get(shape.iso3) ?? shape.iso3;
    const label = status === null ? `${name}: ${words.notCounted}` : `${name}: ${words.status[status]}`;
    states.push(
      `<g id="state-${shape.iso3}" data-status="${status ?? 'not-counted'}"><title>${xml(label)}</title>` +
        (shape.d ? `<path d="${shape.d}" fill="${fill}" stroke="${stroke}" stroke-width="0.5"/>` : '') +
        (shape.marker
          ? `<circle cx="${shape.marker.x}" cy="${shape.marker.y}" r="${MARKER_RADIUS}" fill="${fill}" stroke="${stroke}" stroke-width="1"/>`
          : '') +
        '</g>',
    );
  }
  out.push(
    `<svg x="${MARGIN}" y="${mapTop}" width="${vw}" height="${vh}" viewBox="${geometry.viewBox}" overflow="hidden">`,
    `<g fill="#ffffff" stroke="#b5b5b5" stroke-width="0.5" aria-hidden="true">${geometry.territories.map((d) => `<path d="${d}"/>`).join('')}</g>`,
    ...states,
    '</svg>',
  );
  y = mapTop + vh + 14;

  // The key: two columns of swatch, name and count, then the symbols.
  const columns = 2;
  const columnWidth = (width - 2 * MARGIN) / columns;
  const entries = STATUSES.map((s) => ({
    fill: paintFill(STATUS_PAINT[s], patternId(s)),
    label: `${words.status[s]}: ${input.counts[s]}`,
  }));
  entries.push({ fill: PALETTE.none, label: words.notCounted });
  entries.forEach((entry, i) => {
    const column = i % columns;
    const row = Math.floor(i / columns);
    const columnStart = rtl ? width - MARGIN - column * columnWidth : MARGIN + column * columnWidth;
    const swatchX = rtl ? columnStart - 14 : columnStart;
    const labelX = rtl ? columnStart - 20 : columnStart + 20;
    const rowY = y + row * LINE;
    out.push(
      `<rect x="${swatchX}" y="${rowY - 11}" width="14" height="14" fill="${entry.fill}" stroke="${PALETTE.outline}" stroke-width="0.5"/>`,
      `<text x="${labelX}" y="${rowY}" text-anchor="${anchor}" font-size="13">${xml(entry.label)}</text>`,
    );
  });
  y += Math.ceil(entries.length / columns) * LINE;
  const markerX = rtl ? width - MARGIN - 7 : MARGIN + 7;
  out.push(
    `<circle cx="${markerX}" cy="${y - 4}" r="${MARKER_RADIUS}" fill="${PALETTE.blueDark}" stroke="${PALETTE.outline}" stroke-width="0.5"/>`,
    `<text x="${rtl ? width - MARGIN - 20 : MARGIN + 20}" y="${y}" text-anchor="${anchor}" font-size="13">${xml(words.marker)}</text>`,
  );
  y += LINE + 6;

  for (const line of [...wrap(words.sources, Math.floor(charsPerLine * 1.15)), ...wrap(words.made, Math.floor(charsPerLine * 1.15))]) {
    out.push(text(y, line, ' font-size="11" fill="#333333"'));
    y += 15;
  }
  const height = Math.ceil(y + MARGIN - 8);

  const defs = STATUSES.map((s) => patternDef(patternId(s), STATUS_PAINT[s])).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="map-title map-desc"${rtl ? ' direction="rtl"' : ''} font-family="${xml(FONT)}">` +
    `<title id="map-title">${xml(words.title)}</title><desc id="map-desc">${xml(`${words.subtitle}. ${words.sources}`)}</desc>` +
    `<defs>${defs}</defs>` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>` +
    out.join('') +
    `</svg>\n`
  );
}
