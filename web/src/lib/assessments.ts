/**
 * A recommendation's implementation assessments by organisation: a national mechanism and an NGO
 * may assess the same recommendation differently, and readers see both, each with its own latest
 * standing assessment and its history (retracted ones kept, marked).
 */
import type { UprAssessment } from '@tracker/api/schemas';

export interface OrganisationAssessments {
  /** null: recorded before accounts existed, by no named organisation. */
  organisation: string | null;
  /** The latest assessment not retracted (by the date it speaks for, then the order recorded); null if all are retracted. */
  latest: UprAssessment | null;
  /** Every assessment of the organisation, oldest first, retracted ones included. */
  history: UprAssessment[];
}

const newer = (a: UprAssessment, b: UprAssessment) =>
  a.assessedOn !== b.assessedOn ? a.assessedOn > b.assessedOn : a.recordedAt !== b.recordedAt ? a.recordedAt > b.recordedAt : a.id > b.id;

/** Groups in the order each organisation first assessed; the unnamed group last. */
export function byOrganisation(assessments: readonly UprAssessment[]): OrganisationAssessments[] {
  const groups = new Map<string | null, OrganisationAssessments>();
  for (const a of assessments) {
    let group = groups.get(a.organisation);
    if (!group) groups.set(a.organisation, (group = { organisation: a.organisation, latest: null, history: [] }));
    group.history.push(a);
    if (a.retractedAt === null && (group.latest === null || newer(a, group.latest))) group.latest = a;
  }
  return [...groups.values()].sort((x, y) => Number(x.organisation === null) - Number(y.organisation === null));
}
