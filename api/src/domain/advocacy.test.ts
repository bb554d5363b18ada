import { describe, expect, it } from 'vitest';
import { STATUSES } from './types.js';
import {
  addMonths,
  countResponses,
  isNotJoined,
  lastAndNextReview,
  relatedInstruments,
  wholeYearsBetween,
  type DatedReview,
} from './advocacy.js';

const review = (session: number, status: string | null, dates: Partial<DatedReview>): DatedReview => ({
  session,
  status,
  reviewDate: null,
  sessionStart: null,
  sessionEnd: null,
  sessionYear: null,
  ...dates,
});

describe('who has not joined', () => {
  it('lists signatories, withdrawals (pending or done), withdrawn signatures and states that never acted; not parties', () => {
    expect(STATUSES.filter(isNotJoined)).toEqual(['signatory', 'signature-withdrawn', 'withdrawal-pending', 'withdrawn', 'no-action']);
  });
});

describe('related instruments', () => {
  it('looks at APIC and the seven amendments for the Rome Statute', () => {
    const related = relatedInstruments('rome-statute');
    expect(related[0]).toEqual({ instrumentId: 'apic', relation: 'agreement' });
    expect(related.filter((r) => r.relation === 'amendment')).toHaveLength(7);
  });
  it('looks at the Statute for an amendment and for APIC, and at each other for UNCAT and OPCAT', () => {
    expect(relatedInstruments('rs-aggression-2010')).toEqual([{ instrumentId: 'rome-statute', relation: 'parent' }]);
    expect(relatedInstruments('apic')).toEqual([{ instrumentId: 'rome-statute', relation: 'parent' }]);
    expect(relatedInstruments('opcat')).toEqual([{ instrumentId: 'uncat', relation: 'convention' }]);
    expect(relatedInstruments('uncat')).toEqual([{ instrumentId: 'opcat', relation: 'optional-protocol' }]);
  });
});

describe('last and next UPR review', () => {
  // Slovenia's fourth-cycle calendar shape: a session with dates, a review day inside it.
  const held = review(48, 'held', { reviewDate: '2025-01-22', sessionStart: '2025-01-20', sessionEnd: '2025-01-31', sessionYear: 2025 });
  const older = review(34, null, { sessionYear: 2019 });
  const scheduled = review(54, 'scheduled', { sessionStart: '2027-01-19', sessionYear: 2027 });

  it('takes the latest review over as the last and the first one ahead as the next', () => {
    expect(lastAndNextReview([older, held, scheduled], '2026-12-04')).toEqual({ last: held, next: scheduled });
  });
  it('on an earlier date, a review held later is the next one', () => {
    expect(lastAndNextReview([older, held, scheduled], '2024-06-01')).toEqual({ last: older, next: held });
  });
  it('treats a review on the day asked as the next (the window is open)', () => {
    expect(lastAndNextReview([older, held], '2025-01-22').next).toBe(held);
  });
  it('never takes a postponed review, nor a past one only ever listed as scheduled', () => {
    const postponed = review(50, 'postponed', { reviewDate: '2025-11-07', sessionStart: '2025-11-03', sessionYear: 2025 });
    const unconfirmed = review(53, 'scheduled', { sessionStart: '2026-11-02', sessionYear: 2026 });
    expect(lastAndNextReview([held, postponed, unconfirmed], '2026-12-04')).toEqual({ last: held, next: null });
    expect(lastAndNextReview([held, postponed], '2025-10-01')).toEqual({ last: held, next: null });
  });
});

describe('dates', () => {
  it('counts whole years as an anniversary does', () => {
    expect(wholeYearsBetween('2010-12-31', '2026-12-04')).toBe(15);
    expect(wholeYearsBetween('2015-12-04', '2026-12-04')).toBe(11);
    expect(wholeYearsBetween('2026-01-27', '2026-12-04')).toBe(0);
  });
  it('adds months, keeping the day where the month has it', () => {
    expect(addMonths('2026-12-04', 12)).toBe('2027-12-04');
    expect(addMonths('2026-12-04', 2)).toBe('2027-02-04');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    // The latest date a reader may ask for: the window ends there rather than in year 10000.
    expect(addMonths('9999-12-31', 12)).toBe('9999-12-31');
    expect(addMonths('9999-01-31', 1)).toBe('9999-02-28');
  });
});

describe('responses', () => {
  it('counts supported, noted and the rest', () => {
    expect(countResponses(['supported', 'noted', 'noted', 'split', null])).toEqual({ received: 5, supported: 1, noted: 2, other: 2 });
  });
});
