import type { Kysely } from 'kysely';
import type { Database, SourceRow } from '../db/database.js';
import { aboutEvent, recordChanges, type AuditEntry } from '../repositories/audit.repository.js';
import { createParticipationRepository, EVENT_COLUMNS } from '../repositories/participation.repository.js';
import { createSourceRepository } from '../repositories/source.repository.js';
import type { InstrumentId, ParticipationEvent } from '../domain/types.js';
import { SourceRecord } from '../schemas/dataset.js';
import { isEditorsSource } from './citations.js';
import { listProblems, reason } from './upr-prepare.js';

/** What an import would change, event by event. */
export interface EventDiff {
  added: ParticipationEvent[];
  removed: ParticipationEvent[];
  changed: { before: ParticipationEvent; after: ParticipationEvent; fields: (keyof ParticipationEvent)[] }[];
  unchanged: number;
  /**
   * Events the import brings that an editor changed last (corrected them, citing another source, or
   * retracted them): left as the editor recorded them, and listed so that someone can review them.
   */
  keptAsEdited: ParticipationEvent[];
}

/** The fields an import compares: every stored field of an event but its id (which is how events are matched). */
const FIELDS = EVENT_COLUMNS.filter((c) => c !== 'id');

/** Pure: the difference between the events in scope now and the events an import brings. */
export function diffEvents(current: ParticipationEvent[], incoming: ParticipationEvent[]): EventDiff {
  const before = new Map(current.map((e) => [e.id, e]));
  const diff: EventDiff = { added: [], removed: [], changed: [], unchanged: 0, keptAsEdited: [] };
  const seen = new Set<string>();
  for (const event of incoming) {
    if (seen.has(event.id)) throw new Error(`The import has two events with id "${event.id}"`);
    seen.add(event.id);
    const old = before.get(event.id);
    if (!old) {
      diff.added.push(event);
      continue;
    }
    const fields = FIELDS.filter((f) => old[f] !== event[f]);
    if (fields.length) diff.changed.push({ before: old, after: event, fields });
    else diff.unchanged++;
  }
  diff.removed = current.filter((e) => !seen.has(e.id));
  return diff;
}

export const isEmptyDiff = (d: EventDiff) => d.added.length + d.removed.length + d.changed.length === 0;

export interface EventImport {
  instrumentId: InstrumentId;
  /** The events this import speaks for: those from sources whose id starts with this prefix. */
  sourceIdPrefix: string;
  source: SourceRow;
  events: ParticipationEvent[];
  /** Recorded in the audit log, e.g. "import:untc". */
  actor: string;
}

/** An event import refused before anything was written. */
export class EventImportError extends Error {}

export interface EventImportOptions {
  dryRun: boolean;
  /**
   * Whether the import may delete stored events the file no longer gives. A page that leaves
   * events out is more often incomplete (saved before it had loaded, cut short) than right, so
   * removals must be asked for; without this an import that would remove events is refused and
   * lists them. A dry run shows them either way.
   */
  allowRemovals: boolean;
}

/**
 * Replaces the events of one instrument that a source family speaks for (e.g. every UNTC
 * status page of IV-9) with the events an import brings: in one transaction, with an audit
 * entry per change; events from other sources are never touched. Re-importing the same
 * page changes nothing. With `dryRun` nothing is written and the diff is returned.
 */
export async function applyEventImport(
  db: Kysely<Database>,
  input: EventImport,
  { dryRun, allowRemovals }: EventImportOptions,
): Promise<EventDiff> {
  // Source ids are slugs, so the prefix has no LIKE wildcards in it.
  if (!/^[a-z0-9-]+$/.test(input.sourceIdPrefix)) throw new Error(`Source id prefix "${input.sourceIdPrefix}" is not a slug`);
  const sourceCheck = SourceRecord.safeParse(input.source);
  if (!sourceCheck.success)
    throw new EventImportError(`The import is not applied: source ${input.source.id}: ${reason(sourceCheck.error)}`);
  for (const e of input.events) {
    if (e.instrumentId !== input.instrumentId) throw new Error(`Event ${e.id} is for ${e.instrumentId}, not ${input.instrumentId}`);
    if (!e.sourceId.startsWith(input.sourceIdPrefix))
      throw new Error(`Event ${e.id} cites ${e.sourceId}, outside ${input.sourceIdPrefix}*`);
  }
  const participation = createParticipationRepository(db);
  const diff = diffEvents(await participation.listByInstrumentAndSourcePrefix(input.instrumentId, input.sourceIdPrefix), input.events);
  // An event "added" whose id is already recorded was corrected or retracted by an editor since the
  // last import (an import's own retraction cites the import's source): an import never overrides
  // an editor's cited change.
  const latest = await participation.latestChangeSources(diff.added.map((e) => e.id));
  diff.keptAsEdited = diff.added.filter((e) => isEditorsSource(latest.get(e.id) ?? null));
  diff.added = diff.added.filter((e) => !diff.keptAsEdited.includes(e));
  const sourceKnown = await createSourceRepository(db).findSource(input.source.id);
  if (dryRun || (isEmptyDiff(diff) && sourceKnown)) return diff;
  if (diff.removed.length > 0 && !allowRemovals) {
    const n = diff.removed.length;
    throw new EventImportError(
      [
        `The import is not applied: it would remove ${n} event${n === 1 ? '' : 's'} that earlier imports recorded:`,
        ...listProblems(
          diff.removed.map((e) => e.id),
          { bullet: '  - ' },
        ),
        'A page that leaves events out is often incomplete (saved before it had loaded, or cut short). When the removals are right ' +
          '(a date corrected, an entry the depositary took back), import it again allowing removals (import:untc --allow-removals).',
      ].join('\n'),
    );
  }

  await db.transaction().execute(async (trx) => {
    const participation = createParticipationRepository(trx);
    const at = new Date().toISOString();
    const changes: AuditEntry[] = [];
    const audit = (action: string, entityId: string, before: unknown, after: unknown) =>
      changes.push({
        at,
        actor: input.actor,
        action,
        entity: 'participationEvent',
        entityId,
        before,
        after,
        sourceId: input.source.id,
        ...aboutEvent((after ?? before) as ParticipationEvent),
      });
    await createSourceRepository(trx).insertSourceIfNew(input.source);
    for (const e of diff.added) {
      await participation.insertEvent(e);
      audit('insert', e.id, null, e);
    }
    for (const { before, after } of diff.changed) {
      await participation.updateEvent(after);
      audit('update', after.id, before, after);
    }
    // An event the source no longer lists is retracted, not deleted: the row and its history stay.
    for (const e of diff.removed) {
      await participation.retractEvent(e.id, at);
      audit('retract', e.id, e, null);
    }
    await recordChanges(trx, changes);
  });
  return diff;
}
