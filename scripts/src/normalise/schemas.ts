// The dataset's record schemas are declared once, in the API (which validates the seed with them).
export {
  CatAnnualReportRecord,
  CatFollowUpListRecord,
  CatReportingStateRecord,
  CatReportRecord,
  CatSessionRecord,
  CountRecord,
  EventRecord,
  InstrumentRecord,
  SourceRecord,
  StateRecord,
} from '@tracker/api';
