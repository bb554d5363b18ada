/** Response types of the public API, from its zod schemas (type-only: zod never reaches the browser). */
export type {
  Instrument,
  InstrumentDetail,
  InstrumentStatusResponse,
  InstrumentStatusRow,
  ParticipationEventOut,
  Source,
  SourceRef,
  State,
  StateDetail,
  StatusDetail,
  TimelinePoint,
  TimelineResponse,
} from '@tracker/api/schemas';
export type { EventKind, InstrumentId, Status } from '@tracker/api/domain';

// UPR.
export type {
  UprAssessment,
  UprCalendarResponse,
  UprCalendarSession,
  UprFacets,
  UprRecommendation,
  UprRecommendationDetail,
  UprReview,
  UprSearchResponse,
  UprStateReviews,
} from '@tracker/api/schemas';

// CAT reporting: the API's response types and the domain vocabulary they use, type-only.
export type { CatReportingDetail, CatReportingListResponse, CatReportingRow } from '@tracker/api/schemas';
export type { CatActivityKind, CatCompleteness, CatObligationStatus, CatProcedure, CatSituation } from '@tracker/api/domain';

// The change feed.
export type { Change, ChangesResponse } from '@tracker/api/schemas';
