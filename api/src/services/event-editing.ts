import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { aboutEvent, recordChanges } from '../repositories/audit.repository.js';
import { createMetaRepository } from '../repositories/meta.repository.js';
import { createParticipationRepository } from '../repositories/participation.repository.js';
import { createSourceRepository } from '../repositories/source.repository.js';
import { createStateRepository } from '../repositories/state.repository.js';
import { todayUtc } from '../domain/clock.js';
import { eventIdOf } from '../domain/event-id.js';
import type { ParticipationEvent } from '../domain/types.js';
import { EventRecord } from '../schemas/dataset.js';
import type { Citation, RetractionInput } from '../schemas/editing.js';
import type { EditableEvent, EventCorrectionInput, EventInput } from '../schemas/event-editing.js';
import type { ConfirmReportInput } from '../schemas/review.js';
import { InputError } from '../lib/input-error.js';
import { citedSource } from './citations.js';
import { recordHistory, refsFor } from './source-refs.js';
import type { Editor } from './upr.service.js';

/**
 * Editors' writes to participation events (docs: api/src/domain/README.md, "Editing and
 * accounts"). Statuses are never stored: they are derived from the events, so adding, correcting
 * or retracting an event is all it takes, and the data version that `recordChanges` moves makes
 * every cached status answer move on with it.
 *
 * Each write is one transaction: the cited source, the event, and one audit entry (actor,
 * organisation, reason, source, before and after). Results: the event with its history; undefined
 * for an unknown id; 'retracted' or 'exists' for a conflict. Bad input throws InputError (400).
 */
export function createEventEditing(db: Kysely<Database>) {
  /** The event as stored, retracted or not, with its source and history. */
  async function read(id: string): Promise<EditableEvent | undefined> {
    const participation = createParticipationRepository(db);
    const row = await participation.findEvent(id);
    if (!row) return undefined;
    const refs = await createMetaRepository(db).sourceRefs();
    const { sourceId, retractedAt, ...event } = row;
    const history = await recordHistory(db, 'participationEvent', id, refs);
    return {
      ...(event as Omit<EditableEvent, 'source' | 'retractedAt' | 'history'>),
      source: refsFor([sourceId], refs)[0]!,
      retractedAt,
      history,
    };
  }

  /** Who, when, why and the source row the citation becomes. */
  const editOf = (input: Citation & { reason: string }, editor: Editor) => {
    const at = new Date().toISOString();
    return { at, reason: input.reason, source: citedSource(input, editor.organisation, at.slice(0, 10)) };
  };

  /** The stored form of an edited event: its source is the citation; checked as an imported one is. */
  function eventOf(id: string, fields: Omit<ParticipationEvent, 'id' | 'sourceId' | 'sourceUrl'>, input: Citation, sourceId: string) {
    if (fields.date !== null && fields.date > todayUtc())
      throw new InputError(`date ${fields.date} is in the future: record an event once it has happened`);
    const event: ParticipationEvent = {
      id,
      ...fields,
      sourceId,
      sourceUrl: input.sourceUrl,
      // A depositary notification cited as the source is the event's notification, unless one is given.
      notificationSymbol: fields.notificationSymbol ?? (isDepositaryNotification(input.documentSymbol) ? input.documentSymbol : null),
    };
    const checked = EventRecord.safeParse(event);
    if (!checked.success) throw new InputError(checked.error.issues.map((i) => `${i.path.join('.') || 'event'}: ${i.message}`).join('; '));
    return checked.data;
  }

  return {
    read: (id: string) => read(id),

    async add(input: EventInput, editor: Editor): Promise<EditableEvent | 'exists'> {
      const { sourceUrl: _u, documentSymbol: _d, reason: _r, ...fields } = input;
      const id = eventIdOf(fields);
      const written = await db.transaction().execute(async (trx) => {
        if (!(await createStateRepository(trx).findState(input.stateIso3)))
          throw new InputError(`stateIso3: no State with code ${input.stateIso3}`);
        const participation = createParticipationRepository(trx);
        const stored = await participation.findEvent(id);
        if (stored && stored.retractedAt === null) return 'exists' as const;
        const edit = editOf(input, editor);
        const event = eventOf(id, fields, input, edit.source.id);
        await createSourceRepository(trx).insertSourceIfNew(edit.source);
        // An id retracted earlier is reinstated with the new values; what it was stays in the history.
        await participation.insertEvent(event);
        await recordChanges(trx, [
          { ...auditOf(edit, editor, event), action: 'insert', before: stored ? withoutRetraction(stored) : null, after: event },
        ]);
        return { id };
      });
      // Read back once committed, as any reader will see it.
      return typeof written === 'object' ? (await read(written.id))! : written;
    },

    async correct(id: string, input: EventCorrectionInput, editor: Editor): Promise<EditableEvent | 'retracted' | undefined> {
      const { sourceUrl: _u, documentSymbol: _d, reason: _r, ...fields } = input;
      const written = await db.transaction().execute(async (trx) => {
        const participation = createParticipationRepository(trx);
        const stored = await participation.findEvent(id);
        if (!stored) return undefined;
        if (stored.retractedAt !== null) return 'retracted' as const;
        const before = withoutRetraction(stored);
        const edit = editOf(input, editor);
        // The id stays: it names the event, and the history is filed under it.
        const event = eventOf(
          id,
          { instrumentId: before.instrumentId, stateIso3: before.stateIso3, kind: before.kind, ...fields },
          input,
          edit.source.id,
        );
        await createSourceRepository(trx).insertSourceIfNew(edit.source);
        await participation.updateEvent(event);
        await recordChanges(trx, [{ ...auditOf(edit, editor, event), action: 'correct', before, after: event }]);
        return { id };
      });
      // Read back once committed, as any reader will see it.
      return typeof written === 'object' ? (await read(written.id))! : written;
    },

    async retract(id: string, input: RetractionInput, editor: Editor): Promise<EditableEvent | 'retracted' | undefined> {
      const written = await db.transaction().execute(async (trx) => {
        const participation = createParticipationRepository(trx);
        const stored = await participation.findEvent(id);
        if (!stored) return undefined;
        if (stored.retractedAt !== null) return 'retracted' as const;
        const before = withoutRetraction(stored);
        const edit = editOf(input, editor);
        await createSourceRepository(trx).insertSourceIfNew(edit.source);
        await participation.retractEvent(id, edit.at);
        // As the importer records a retraction: the event before, nothing after.
        await recordChanges(trx, [{ ...auditOf(edit, editor, before), action: 'retract', before, after: null }]);
        return { id };
      });
      // Read back once committed, as any reader will see it.
      return typeof written === 'object' ? (await read(written.id))! : written;
    },

    /**
     * Confirms an unconfirmed report: the depositary notification now attests it, so it becomes
     * an event like any other, cited to that notification, and counts for the status from its
     * date. 'not-a-report' when the event is not an unverified one.
     */
    async confirm(
      id: string,
      input: ConfirmReportInput,
      editor: Editor,
    ): Promise<EditableEvent | 'retracted' | 'not-a-report' | undefined> {
      const citation = { sourceUrl: input.sourceUrl, documentSymbol: input.notificationSymbol, reason: input.reason };
      const written = await db.transaction().execute(async (trx) => {
        const participation = createParticipationRepository(trx);
        const stored = await participation.findEvent(id);
        if (!stored) return undefined;
        if (stored.retractedAt !== null) return 'retracted' as const;
        if (stored.attestation !== 'unverified') return 'not-a-report' as const;
        const before = withoutRetraction(stored);
        const edit = editOf(citation, editor);
        const { id: _id, sourceId: _s, sourceUrl: _u, ...fields } = before;
        const event = eventOf(
          id,
          {
            ...fields,
            date: input.date ?? before.date,
            datePrecision: input.date ? 'day' : before.datePrecision,
            effectiveDate: input.effectiveDate === undefined ? before.effectiveDate : input.effectiveDate,
            attestation: 'depositary',
            notificationSymbol: input.notificationSymbol,
          },
          citation,
          edit.source.id,
        );
        await createSourceRepository(trx).insertSourceIfNew(edit.source);
        await participation.updateEvent(event);
        await recordChanges(trx, [{ ...auditOf(edit, editor, event), action: 'confirm', before, after: event }]);
        return { id };
      });
      return typeof written === 'object' ? (await read(written.id))! : written;
    },

    /** Rejects an unconfirmed report: retracted with the reason (kept and shown, never applied). */
    async reject(id: string, input: RetractionInput, editor: Editor): Promise<EditableEvent | 'retracted' | 'not-a-report' | undefined> {
      const written = await db.transaction().execute(async (trx) => {
        const participation = createParticipationRepository(trx);
        const stored = await participation.findEvent(id);
        if (!stored) return undefined;
        if (stored.retractedAt !== null) return 'retracted' as const;
        if (stored.attestation !== 'unverified') return 'not-a-report' as const;
        const before = withoutRetraction(stored);
        const edit = editOf(input, editor);
        await createSourceRepository(trx).insertSourceIfNew(edit.source);
        await participation.retractEvent(id, edit.at);
        await recordChanges(trx, [{ ...auditOf(edit, editor, before), action: 'reject', before, after: null }]);
        return { id };
      });
      return typeof written === 'object' ? (await read(written.id))! : written;
    },
  };
}
export type EventEditing = ReturnType<typeof createEventEditing>;

/** A depositary notification symbol, e.g. C.N.180.2026.TREATIES-XVIII.10. */
const isDepositaryNotification = (symbol: string | null): symbol is string =>
  symbol !== null && /^C\.N\.\d+\.\d{4}\.TREATIES-/.test(symbol);

const withoutRetraction = ({ retractedAt: _r, ...event }: ParticipationEvent & { retractedAt: string | null }): ParticipationEvent => event;

const auditOf = (edit: { at: string; reason: string; source: { id: string } }, editor: Editor, event: ParticipationEvent) => ({
  at: edit.at,
  actor: editor.name,
  organisation: editor.organisation,
  reason: edit.reason,
  entity: 'participationEvent',
  entityId: event.id,
  sourceId: edit.source.id,
  ...aboutEvent(event),
});
