import type { Status } from '../domain/types.js';

/**
 * The palette: ColorBrewer Blues for joining (darker = more bound) and Oranges for leaving, a pair
 * that stays apart for every common colour-vision deficiency. The solid fills are spaced in
 * lightness so they also separate in greyscale print (luma: party 28%, withdrawn 50%, signatory
 * 76%, no action 88%, not counted white); the three in-between statuses carry a pattern (stripes
 * or dots) rather than a colour of their own.
 */
export const PALETTE = {
  blueDark: '#08519c', // Blues 8
  blueLight: '#9ecae1', // Blues 4
  orange: '#f16913', // Oranges 6
  orangeLight: '#fdd0a2', // Oranges 3
  grey: '#e0e0e0',
  none: '#ffffff',
  stroke: '#ffffff',
  outline: '#8c8c8c',
} as const;

/**
 * How a map category is painted: a solid colour, or a pattern of two colours (the dashboard's
 * StatusPatterns.svelte, and map-svg.ts for the API's map images). Statuses use it, and so do other maps' categories (CAT reporting).
 */
export type Paint =
  | { kind: 'solid'; colour: string }
  | { kind: 'stripes'; background: string; foreground: string; angle: 45 | -45 }
  | { kind: 'dots'; background: string; foreground: string };
export type StatusPaint = Paint;

export const STATUS_PAINT: Record<Status, StatusPaint> = {
  party: { kind: 'solid', colour: PALETTE.blueDark },
  'party-not-in-force': { kind: 'stripes', background: PALETTE.blueLight, foreground: PALETTE.blueDark, angle: 45 },
  'withdrawal-pending': { kind: 'stripes', background: PALETTE.blueDark, foreground: PALETTE.orangeLight, angle: -45 },
  signatory: { kind: 'solid', colour: PALETTE.blueLight },
  'signature-withdrawn': { kind: 'dots', background: PALETTE.orangeLight, foreground: PALETTE.orange },
  withdrawn: { kind: 'solid', colour: PALETTE.orange },
  'no-action': { kind: 'solid', colour: PALETTE.grey },
};

/** The id of the SVG pattern for a status (defined once per page by StatusPatterns.svelte). */
export const patternId = (status: Status) => `status-${status}`;

/** The SVG `fill` for a paint whose pattern (if any) is defined with the id `id`. */
export const paintFill = (paint: Paint, id: string): string => (paint.kind === 'solid' ? paint.colour : `url(#${id})`);
