/**
 * Least developed country (LDC) graduation as of a date (rules in README.md in this folder, "LDC
 * graduation"). The bundled LDC list (data/raw/states/un_ldc_list.csv) records each State's status when it was
 * compiled and, for some LDCs, the date their graduation was scheduled for. Once that date has
 * passed, the list cannot say what happened (graduated, deferred): the outcome is "not recorded",
 * never "graduated".
 */
import type { IsoDate } from './types.js';
import type { LdcStatus } from './vocabulary.js';

/**
 * `pending`: the scheduled date is after the date asked about;
 * `not-recorded`: the date has come and the sources record no outcome (graduation or deferral).
 */
export type ScheduledGraduationOutcome = 'pending' | 'not-recorded';

export interface ScheduledLdcGraduation {
  date: IsoDate;
  outcome: ScheduledGraduationOutcome;
}

/**
 * The scheduled graduation of an LDC as it stands on `asOf`; null when none is scheduled or the
 * State is not recorded as an LDC (a recorded graduation is its own outcome). Graduation takes
 * effect on the scheduled day, so from that day on the outcome is whatever the sources record.
 */
export function scheduledLdcGraduationOn(
  ldc: { status: LdcStatus; scheduledGraduation: IsoDate | null },
  asOf: IsoDate,
): ScheduledLdcGraduation | null {
  if (ldc.status !== 'ldc' || ldc.scheduledGraduation === null) return null;
  return { date: ldc.scheduledGraduation, outcome: asOf < ldc.scheduledGraduation ? 'pending' : 'not-recorded' };
}
