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

// UPR. Some of its response shapes are exported by the API as schemas only: their output
// type is read off the schema, still type-only.
export type {
  UprAssessment,
  UprFacets,
  UprRecommendation,
  UprReview,
  UprSearchResponse,
} from '@tracker/api/schemas';
type SchemaOutput<S> = S extends { _output: infer O } ? O : never;
type UprSchemas = typeof import('@tracker/api/schemas');
export type UprRecommendationDetail = SchemaOutput<UprSchemas['UprRecommendationDetail']>;
export type UprStateReviews = SchemaOutput<UprSchemas['UprStateReviews']>;
export type UprCalendarResponse = SchemaOutput<UprSchemas['UprCalendarResponse']>;
export type UprCalendarSession = UprCalendarResponse['sessions'][number];

// CAT reporting: the API's response types and the domain vocabulary they use, type-only.
export type { CatReportingDetail, CatReportingListResponse, CatReportingRow } from '@tracker/api/schemas';
export type { CatActivityKind, CatCompleteness, CatObligationStatus, CatProcedure, CatSituation } from '@tracker/api/domain';
