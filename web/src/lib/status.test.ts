import { describe, expect, it } from 'vitest';
import { PALETTE, patternId, STATUS_PAINT, statusBackground, statusFill, STATUSES } from './status';

describe('status paint', () => {
  it.each([
    ['party', PALETTE.blueDark],
    ['signatory', PALETTE.blueLight],
    ['withdrawn', PALETTE.orange],
    ['no-action', PALETTE.grey],
    ['party-not-in-force', 'url(#status-party-not-in-force)'],
    ['withdrawal-pending', 'url(#status-withdrawal-pending)'],
    ['signature-withdrawn', 'url(#status-signature-withdrawn)'],
    [null, PALETTE.none],
  ] as const)('%s is filled with %s', (status, fill) => expect(statusFill(status)).toBe(fill));

  it('gives every status a paint of its own', () => {
    const paints = STATUSES.map((s) => JSON.stringify(STATUS_PAINT[s]));
    expect(new Set(paints).size).toBe(STATUSES.length);
    expect(STATUSES.map(statusBackground).every((b) => b.length > 0)).toBe(true);
  });

  /** Relative luminance (greyscale value), as print and CSS grayscale() compute it. */
  const luma = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };

  it('keeps the solid fills at least 10% apart in greyscale', () => {
    const solids = STATUSES.flatMap((s) => {
      const paint = STATUS_PAINT[s];
      return paint.kind === 'solid' ? [luma(paint.colour)] : [];
    });
    const sorted = [...solids, luma(PALETTE.none)].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect((sorted[i] as number) - (sorted[i - 1] as number)).toBeGreaterThan(0.1);
  });

  it('names patterns after their status', () => expect(patternId('withdrawal-pending')).toBe('status-withdrawal-pending'));
});
