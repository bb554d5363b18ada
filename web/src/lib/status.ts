import { INSTRUMENT_IDS, STATUSES, type InstrumentId, type Status } from '@tracker/api/domain';

export { INSTRUMENT_IDS, STATUSES };
export type { InstrumentId, Status };

// The palette and the statuses' paints are the API's (its map images paint the same map).
export { PALETTE, STATUS_PAINT, patternId, paintFill, type Paint, type StatusPaint } from '@tracker/api/map';
import { PALETTE, STATUS_PAINT, patternId, paintFill, type Paint } from '@tracker/api/map';

/** The SVG `fill` for a status; `null` (a state outside the selection, a territory) is white. */
export function statusFill(status: Status | null): string {
  if (status === null) return PALETTE.none;
  return paintFill(STATUS_PAINT[status], patternId(status));
}

/** States that have consented to be bound and have not left: the instrument page's list of parties. */
export const PARTY_STATUSES: readonly Status[] = ['party', 'party-not-in-force', 'withdrawal-pending'];

/**
 * The same paint as a CSS background, for HTML (the matrix cells), where an SVG pattern cannot be
 * referenced: stripes as a repeating gradient, dots as a tiled radial gradient.
 */
export function statusBackground(status: Status | null): string {
  return status === null ? PALETTE.none : paintBackground(STATUS_PAINT[status]);
}

/** A paint as a CSS background (see statusBackground). */
export function paintBackground(paint: Paint): string {
  switch (paint.kind) {
    case 'solid':
      return paint.colour;
    case 'stripes':
      return `repeating-linear-gradient(${paint.angle}deg, ${paint.foreground} 0 2px, ${paint.background} 2px 4px)`;
    case 'dots':
      return `radial-gradient(circle, ${paint.foreground} 1.1px, transparent 1.3px) 0 0 / 4px 4px, ${paint.background}`;
  }
}
