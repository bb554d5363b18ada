import { z } from 'zod';
import { EventRecord } from './dataset.js';
import { CitationFields, citesASource, CITE_A_SOURCE, HistoryEntry } from './editing.js';
import { ParticipationEvent } from './participation.js';

/**
 * Editing participation events (docs: api/src/domain/README.md, "Editing and accounts"). The
 * fields are the bundled event record's (`EventRecord`, schemas/dataset.ts), so an edited event
 * passes the checks an imported one does; the id, the source and the source address are not
 * given: the id is derived from the event (domain/event-id.ts) and the source is the citation.
 */
const optional = {
  datePrecision: EventRecord.shape.datePrecision.default('day'),
  effectiveDate: EventRecord.shape.effectiveDate.default(null),
  article: EventRecord.shape.article.default(null),
  notificationSymbol: EventRecord.shape.notificationSymbol
    .default(null)
    .describe('Depositary notification; defaults to the cited documentSymbol when that is a C.N. symbol'),
  note: EventRecord.shape.note.default(null),
};

/** The fields an event's identity is made of: to change one, retract the event and add another. */
const IDENTITY = { instrumentId: EventRecord.shape.instrumentId, stateIso3: EventRecord.shape.stateIso3, kind: EventRecord.shape.kind };
const CORRECTABLE = { date: EventRecord.shape.date, attestation: EventRecord.shape.attestation, ...optional };

export const EventInput = z
  .strictObject({ ...IDENTITY, ...CORRECTABLE, ...CitationFields })
  .refine(citesASource, CITE_A_SOURCE)
  .meta({ id: 'EventInput' });
export type EventInput = z.infer<typeof EventInput>;

export const EventCorrectionInput = z
  .strictObject({ ...CORRECTABLE, ...CitationFields })
  .refine(citesASource, CITE_A_SOURCE)
  .describe(
    'Every field but instrumentId, stateIso3 and kind, which make the event what it is: to change those, retract it and add another',
  )
  .meta({ id: 'EventCorrectionInput' });
export type EventCorrectionInput = z.infer<typeof EventCorrectionInput>;

export const EventParams = z.object({
  id: EventRecord.shape.id.describe('Event id, e.g. uncat:TUV:accession:2024-03-25'),
});

export const EditableEvent = ParticipationEvent.extend({
  retractedAt: z.string().nullable().describe('When it was retracted: it stays recorded but no longer counts for any status'),
  history: z.array(HistoryEntry).describe('Every recorded change to it, oldest first'),
}).meta({ id: 'EditableEvent' });
export type EditableEvent = z.infer<typeof EditableEvent>;
