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
