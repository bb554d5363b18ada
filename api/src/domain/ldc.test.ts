import { describe, expect, it } from 'vitest';
import { scheduledLdcGraduationOn } from './ldc.js';

// Cases from data/raw/states/un_ldc_list.csv (status as of 2026-11-22).
const bangladesh = { status: 'ldc', scheduledGraduation: '2026-11-24' } as const;
const cambodia = { status: 'ldc', scheduledGraduation: '2029-12-19' } as const;
const bhutan = { status: 'graduated', scheduledGraduation: null } as const;
const afghanistan = { status: 'ldc', scheduledGraduation: null } as const;

describe('scheduledLdcGraduationOn', () => {
  it('is pending before the scheduled day', () => {
    expect(scheduledLdcGraduationOn(bangladesh, '2026-11-23')).toEqual({ date: '2026-11-24', outcome: 'pending' });
    expect(scheduledLdcGraduationOn(cambodia, '2026-12-04')).toEqual({ date: '2029-12-19', outcome: 'pending' });
  });

  it('says the outcome is not recorded from the scheduled day on, never that the State graduated', () => {
    expect(scheduledLdcGraduationOn(bangladesh, '2026-11-24')).toEqual({ date: '2026-11-24', outcome: 'not-recorded' });
    expect(scheduledLdcGraduationOn(bangladesh, '2027-06-01')).toEqual({ date: '2026-11-24', outcome: 'not-recorded' });
  });

  it('is null when nothing is scheduled or the graduation is recorded', () => {
    expect(scheduledLdcGraduationOn(afghanistan, '2026-12-04')).toBeNull();
    expect(scheduledLdcGraduationOn(bhutan, '2026-12-04')).toBeNull();
    expect(scheduledLdcGraduationOn({ status: 'graduated', scheduledGraduation: '2026-11-24' }, '2026-12-04')).toBeNull();
  });
});
