import type { IsoDate } from './types.js';

/** Today's date in UTC, the default for every `asOf`: the same calendar day in every time zone. */
export const todayUtc = (): IsoDate => new Date().toISOString().slice(0, 10);
