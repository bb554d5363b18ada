import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { recordChanges, type AuditEntry } from '../repositories/audit.repository.js';
import { createCatReportingRepository } from '../repositories/cat-reporting.repository.js';
import { createInstrumentRepository } from '../repositories/instrument.repository.js';
import { createParticipationRepository } from '../repositories/participation.repository.js';
import { createSourceRepository } from '../repositories/source.repository.js';
import { createStateRepository } from '../repositories/state.repository.js';
import { followUpDueDate, reportDueDate, uncatContext, type CatReport, type CatReportingState } from '../domain/cat-reporting.js';
import { todayUtc } from '../domain/clock.js';
import { InputError } from '../lib/input-error.js';
import { catDueDateText, reportLabel } from '../messages/cat-reporting-en.js';
import { CatReportingStateRecord, CatReportRecord } from '../schemas/dataset.js';
import type { CatReportCorrectionInput, CatReportInput, CatReportRetractionInput, EditableCatReport } from '../schemas/cat-editing.js';
import { createMetaRepository } from '../repositories/meta.repository.js';
import { citedSource, isEditorsSource } from './citations.js';
import { recordHistory, refsFor } from './source-refs.js';
import { toEngineInstrument } from './status.service.js';
import type { Editor } from './upr.service.js';

/**
 * Editors' writes to CAT reporting records (docs: api/src/domain/README.md, "Editing and
 * accounts"): record a report (received, or reviewed), correct one, retract one. A State's due
 * dates hang together (a periodic report is due four years after the concluding observations on
 * the one before), so each write recomputes the due dates of the State's standing records by the
 * rules, as the CAT import does (services/cat-import.ts), and keeps the State's reporting history
 * (which report numbers are recorded, from which sources) in step. The situation answers are
 * computed from these records per data version, which `recordChanges` moves.
 *
 * One transaction per write, one audit entry per record it changes (actor, organisation, reason,
 * cited source, before and after, instrument `uncat` and the State). Results: the record as
 * stored; undefined for an unknown id; 'exists' or 'retracted' for a conflict. Input the rules
 * refuse throws InputError (400).
 */
export function createCatEditing(db: Kysely<Database>) {
  type Incoming = Omit<CatReport, 'due' | 'followUpDue'>;

  const editOf = (input: { sourceUrl: string | null; sourceDocumentSymbol: string | null; reason: string }, editor: Editor) => {
    const at = new Date().toISOString();
    const citation = { sourceUrl: input.sourceUrl, documentSymbol: input.sourceDocumentSymbol };
    return { at, reason: input.reason, source: citedSource(citation, editor.organisation, at.slice(0, 10)) };
  };
  type Edit = ReturnType<typeof editOf>;

  /** The stored fields of a record from the editor's input (the citation and reason are not part of it). */
  const recordOf = (
    id: string,
    identity: Pick<CatReport, 'stateIso3' | 'number' | 'lastNumber'>,
    input: CatReportCorrectionInput,
    edit: Edit,
  ): Incoming => {
    const { sourceUrl: _u, sourceDocumentSymbol: _d, reason: _r, label, asOf, ...fields } = input;
    return {
      id,
      ...identity,
      label: label ?? reportLabel(identity.number, identity.lastNumber),
      ...fields,
      sourceId: edit.source.id,
      asOf: asOf ?? edit.at.slice(0, 10),
    };
  };

  /**
   * Writes the State's records with `change` applied (a record added or replaced, or one retracted),
   * recomputing every due date and the history; returns the record as stored, or undefined after
   * a retraction.
   */
  async function write(
    trx: Kysely<Database>,
    iso3: string,
    change: { put: Incoming; action: 'insert' | 'correct'; before: CatReport | null } | { retract: CatReport },
    edit: Edit,
    editor: Editor,
  ): Promise<CatReport | undefined> {
    const reports = createCatReportingRepository(trx);
    const stored = await reports.reportsOfState(iso3);
    const changedId = 'put' in change ? change.put.id : change.retract.id;
    const merged: Incoming[] = [...stored.filter((r) => r.id !== changedId), ...('put' in change ? [change.put] : [])].sort(
      (a, b) => a.number - b.number,
    );
    for (let i = 1; i < merged.length; i++) {
      if (merged[i]!.number <= merged[i - 1]!.lastNumber)
        throw new InputError(`number: reports ${merged[i - 1]!.id} and ${merged[i]!.id} would overlap`);
    }
    const today = todayUtc();
    for (const r of merged) {
      if ([r.receivedOn?.date, r.distributedOn, r.dialogueDates?.from, r.concludingObservationsAdopted?.from].some((d) => d && d > today))
        throw new InputError(`${r.id}: a date is in the future: record what has happened`);
    }
    const uncat = await createInstrumentRepository(trx).findInstrument('uncat');
    if (!uncat) throw new Error('The UNCAT instrument is missing from the database');
    const events = await createParticipationRepository(trx).listByInstrumentAndState('uncat', iso3);
    const { uncat: facts, uncatSourceId } = uncatContext(toEngineInstrument(uncat), events, today);

    const storedById = new Map(stored.map((r) => [r.id, r]));
    const changes: AuditEntry[] = [];
    const audit = (action: string, entity: string, entityId: string, before: unknown, after: unknown) =>
      changes.push({
        at: edit.at,
        actor: editor.name,
        organisation: editor.organisation,
        reason: edit.reason,
        action,
        entity,
        entityId,
        before,
        after,
        sourceId: edit.source.id,
        instrumentId: 'uncat',
        stateIso3: iso3,
      });
    await createSourceRepository(trx).insertSourceIfNew(edit.source);
    let written: CatReport | undefined;
    for (const r of merged) {
      const previous = merged.find((p) => p.lastNumber === r.number - 1) ?? null;
      const full: CatReport = {
        ...r,
        due: catDueDateText(reportDueDate(r, previous as CatReport | null, facts, uncatSourceId)),
        followUpDue: catDueDateText(followUpDueDate(r as CatReport)),
      };
      const valid = CatReportRecord.safeParse(full);
      if (!valid.success) throw new InputError(valid.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; '));
      if ('put' in change && r.id === change.put.id) {
        written = valid.data;
        await (change.before ? reports.updateReport(valid.data) : reports.insertReport(valid.data));
        audit(change.action, 'catReport', r.id, change.before, valid.data);
        continue;
      }
      // Another record whose computed due date follows from the one changed.
      const before = storedById.get(r.id)!;
      if (JSON.stringify(before) !== JSON.stringify(valid.data)) {
        await reports.updateReport(valid.data);
        audit('update', 'catReport', r.id, before, valid.data);
      }
    }
    if ('retract' in change) {
      await reports.retractReport(change.retract.id, edit.at);
      audit('retract', 'catReport', change.retract.id, change.retract, null);
    }

    const history = await reports.reportingStateOf(iso3);
    const numbers = [...new Set(merged.flatMap((r) => Array.from({ length: r.lastNumber - r.number + 1 }, (_, i) => r.number + i)))].sort(
      (a, b) => a - b,
    );
    // Editors' sources count among the history's while a standing record cites them; the imported ones stay.
    const cited = merged.map((r) => r.sourceId).filter(isEditorsSource);
    const sourceIds = [...new Set([...(history?.sourceIds ?? []).filter((id) => !isEditorsSource(id)), ...cited])].sort();
    let after: CatReportingState | null = history && { ...history, reportNumbersRecorded: numbers, sourceIds };
    if (!history && numbers.length > 0) {
      after = {
        stateIso3: iso3,
        completeness: 'partial',
        basis: `Reports ${numbers.map((n) => reportLabel(n)).join(', ')} recorded by editors, without a claim that the history is complete.`,
        reportNumbersRecorded: numbers,
        sessionsRecorded: [],
        followUpListsNaming: [],
        asOf: today,
        sourceIds,
      };
    }
    // A history that was complete stays complete only while the numbers run from 1 without a gap.
    if (after?.completeness === 'complete' && numbers.some((n, i) => n !== i + 1)) {
      after.completeness = 'partial';
      after.basis = `${after.basis} Since an editor's change (${edit.at.slice(0, 10)}) the recorded reports no longer run without a gap from the initial report.`;
    }
    if (after) {
      const validHistory = CatReportingStateRecord.parse(after);
      if (JSON.stringify(history) !== JSON.stringify(validHistory)) {
        await reports.saveReportingState(validHistory);
        audit(history ? 'update' : 'insert', 'catReportingState', iso3, history, validHistory);
      }
    }
    await recordChanges(trx, changes);
    return written;
  }

  return {
    /** The record as stored, retracted or not, with its source and history. */
    async read(id: string): Promise<EditableCatReport | undefined> {
      const found = await createCatReportingRepository(db).findReport(id);
      if (!found) return undefined;
      const refs = await createMetaRepository(db).sourceRefs();
      return {
        ...found.report,
        source: refsFor([found.report.sourceId], refs)[0]!,
        retractedAt: found.retractedAt,
        history: await recordHistory(db, 'catReport', id, refs),
      };
    },

    async add(input: CatReportInput, editor: Editor): Promise<CatReport | 'exists'> {
      const { stateIso3, number, lastNumber = number, ...rest } = input;
      const id = lastNumber > number ? `${stateIso3}:${number}-${lastNumber}` : `${stateIso3}:${number}`;
      return db.transaction().execute(async (trx) => {
        if (!(await createStateRepository(trx).findState(stateIso3))) throw new InputError(`stateIso3: no State with code ${stateIso3}`);
        const found = await createCatReportingRepository(trx).findReport(id);
        if (found && found.retractedAt === null) return 'exists' as const;
        const edit = editOf(input, editor);
        const put = recordOf(id, { stateIso3, number, lastNumber }, rest, edit);
        // A record retracted earlier under this id is reinstated; what it was stays in the audit log.
        return (await write(trx, stateIso3, { put, action: 'insert', before: null }, edit, editor))!;
      });
    },

    async correct(id: string, input: CatReportCorrectionInput, editor: Editor): Promise<CatReport | 'retracted' | undefined> {
      return db.transaction().execute(async (trx) => {
        const found = await createCatReportingRepository(trx).findReport(id);
        if (!found) return undefined;
        if (found.retractedAt !== null) return 'retracted' as const;
        const { stateIso3, number, lastNumber } = found.report;
        const edit = editOf(input, editor);
        const put = recordOf(id, { stateIso3, number, lastNumber }, input, edit);
        return (await write(trx, stateIso3, { put, action: 'correct', before: found.report }, edit, editor))!;
      });
    },

    async retract(
      id: string,
      input: CatReportRetractionInput,
      editor: Editor,
    ): Promise<{ id: string; retractedAt: string } | 'retracted' | undefined> {
      return db.transaction().execute(async (trx) => {
        const found = await createCatReportingRepository(trx).findReport(id);
        if (!found) return undefined;
        if (found.retractedAt !== null) return 'retracted' as const;
        const edit = editOf(input, editor);
        await write(trx, found.report.stateIso3, { retract: found.report }, edit, editor);
        return { id, retractedAt: edit.at };
      });
    },
  };
}
