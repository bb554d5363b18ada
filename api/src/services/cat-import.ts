import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { recordChanges, type AuditEntry } from '../repositories/audit.repository.js';
import { createCatReportingRepository } from '../repositories/cat-reporting.repository.js';
import { createInstrumentRepository } from '../repositories/instrument.repository.js';
import { createParticipationRepository } from '../repositories/participation.repository.js';
import { createSourceRepository } from '../repositories/source.repository.js';
import { createStateRepository } from '../repositories/state.repository.js';
import { followUpDueDate, reportDueDate, uncatContext, type CatReport, type CatReportingState } from '../domain/cat-reporting.js';
import { catDueDateText, reportLabel } from '../messages/cat-reporting-en.js';
import type { IsoDate } from '../domain/types.js';
import { CatReportingStateRecord, CatReportRecord, SourceRecord } from '../schemas/dataset.js';
import { todayUtc } from '../domain/clock.js';
import { toEngineInstrument } from './status.service.js';
import { differingSourceFields } from './source-refs.js';
import { reason, refusalMessage } from './upr-prepare.js';

/** A reporting round as an import file gives it: everything but the due dates, which follow from the rules. */
export type IncomingCatReport = Omit<CatReport, 'due' | 'followUpDue'>;

export interface CatImport {
  source: SourceRecord;
  reports: IncomingCatReport[];
  /**
   * States whose file claims to record every reporting round from the initial report, up to the
   * date given. Only then can a missing report be established as overdue (api/src/domain/README.md), so the claim
   * is checked: every report number from 1 on must be recorded.
   */
  historyCompleteTo: Record<string, IsoDate>;
  /** Recorded in the audit log, e.g. "import:cat". */
  actor: string;
}

export interface CatImportDiff {
  added: CatReport[];
  changed: { before: CatReport; after: CatReport; fields: string[] }[];
  unchanged: number;
  histories: { before: CatReportingState | null; after: CatReportingState }[];
}

export class CatImportError extends Error {
  constructor(public readonly problems: string[]) {
    super(refusalMessage(problems));
  }
}

const json = (value: unknown) => JSON.stringify(value);
const covered = (reports: Pick<CatReport, 'number' | 'lastNumber'>[]) =>
  new Set(reports.flatMap((r) => Array.from({ length: r.lastNumber - r.number + 1 }, (_, i) => r.number + i)));

/**
 * Adds or updates CAT reporting records: each incoming report replaces the stored one with the
 * same id (ISO3:n); stored reports the file does not mention are kept, so an import completes
 * the data and never loses any. Due dates of the states touched are recomputed by the rules.
 * One transaction with an audit entry per change; the same file twice changes nothing; with
 * `dryRun` nothing is written and the diff is returned.
 */
export async function applyCatImport(db: Kysely<Database>, input: CatImport, { dryRun }: { dryRun: boolean }): Promise<CatImportDiff> {
  // An import of nothing (a file with a header only) is a wrong file, and must not register its source.
  if (input.reports.length === 0 && Object.keys(input.historyCompleteTo).length === 0)
    throw new CatImportError(['no rows: the import has no report']);
  const sourceCheck = SourceRecord.safeParse(input.source);
  if (!sourceCheck.success) throw new CatImportError([`source: ${reason(sourceCheck.error)}`]);
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const r of input.reports) {
    if (ids.has(r.id)) problems.push(`report ${r.id} appears twice`);
    ids.add(r.id);
    if (r.sourceId !== input.source.id) problems.push(`report ${r.id} cites ${r.sourceId}, not the import's source ${input.source.id}`);
  }
  const catReporting = createCatReportingRepository(db);
  const knownStates = new Set((await createStateRepository(db).listCodes()).map((s) => s.iso3));
  for (const iso3 of new Set([...input.reports.map((r) => r.stateIso3), ...Object.keys(input.historyCompleteTo)])) {
    if (!knownStates.has(iso3)) problems.push(`unknown state ${iso3}`);
  }
  if (problems.length) throw new CatImportError(problems);

  const uncat = await createInstrumentRepository(db).findInstrument('uncat');
  if (!uncat) throw new Error('The UNCAT instrument is missing from the database');
  const engine = toEngineInstrument(uncat);
  const participation = createParticipationRepository(db);
  const touched = [...new Set([...input.reports.map((r) => r.stateIso3), ...Object.keys(input.historyCompleteTo)])].sort();
  const today = todayUtc();

  const diff: CatImportDiff = { added: [], changed: [], unchanged: 0, histories: [] };
  const incomingById = new Map(input.reports.map((r) => [r.id, r]));
  for (const iso3 of touched) {
    const stored = await catReporting.reportsOfState(iso3);
    const storedById = new Map(stored.map((r) => [r.id, r]));
    const merged: IncomingCatReport[] = [
      ...stored.filter((r) => !incomingById.has(r.id)),
      ...input.reports.filter((r) => r.stateIso3 === iso3),
    ].sort((a, b) => a.number - b.number);
    for (let i = 1; i < merged.length; i++) {
      if (merged[i]!.number <= merged[i - 1]!.lastNumber)
        problems.push(`${iso3}: reports ${merged[i - 1]!.id} and ${merged[i]!.id} overlap`);
    }
    const events = await participation.listByInstrumentAndState('uncat', iso3);
    const { uncat: facts, uncatSourceId } = uncatContext(engine, events, today);
    for (const r of merged) {
      const previous = merged.find((p) => p.lastNumber === r.number - 1) ?? null;
      const full: CatReport = {
        ...r,
        due: catDueDateText(reportDueDate(r, previous as CatReport | null, facts, uncatSourceId)),
        followUpDue: catDueDateText(followUpDueDate(r as CatReport)),
      };
      const valid = CatReportRecord.safeParse(full);
      if (!valid.success) {
        problems.push(`report ${r.id}: ${valid.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ')}`);
        continue;
      }
      const before = storedById.get(r.id);
      if (!before) diff.added.push(valid.data);
      else {
        const fields = (Object.keys(valid.data) as (keyof CatReport)[]).filter((k) => json(before[k]) !== json(valid.data[k]));
        if (fields.length) diff.changed.push({ before, after: valid.data, fields });
        else diff.unchanged++;
      }
    }

    const history = await catReporting.reportingStateOf(iso3);
    const numbers = [...covered(merged)].sort((a, b) => a - b);
    const completeTo = input.historyCompleteTo[iso3];
    let after: CatReportingState;
    if (completeTo !== undefined) {
      const max = Math.max(0, ...numbers);
      const missing = Array.from({ length: max }, (_, i) => i + 1).filter((n) => !numbers.includes(n));
      if (max === 0 || missing.length) {
        problems.push(
          `${iso3}: the file says its history is complete, but ${max === 0 ? 'it records no report' : `reports ${missing.join(', ')} are not recorded`}`,
        );
        continue;
      }
      after = {
        stateIso3: iso3,
        completeness: 'complete',
        basis: `Every reporting round from the initial report to the ${reportLabel(max)} report is recorded report by report, to ${completeTo} (imported from "${input.source.title}").`,
        reportNumbersRecorded: numbers,
        sessionsRecorded: [
          ...new Set([
            ...(history?.sessionsRecorded ?? []),
            ...merged.map((r) => r.dialogueSession).filter((s): s is number => s !== null),
          ]),
        ].sort((a, b) => a - b),
        followUpListsNaming: history?.followUpListsNaming ?? [],
        asOf: completeTo,
        sourceIds: [...new Set([...(history?.sourceIds ?? []), input.source.id])].sort(),
      };
    } else if (history?.completeness === 'complete') {
      after = { ...history, reportNumbersRecorded: numbers, sourceIds: [...new Set([...history.sourceIds, input.source.id])].sort() };
    } else {
      const imported = `Reports ${numbers.map((n) => reportLabel(n)).join(', ')} recorded; imported from "${input.source.title}" (as of ${input.source.asOf ?? 'not recorded'}), which does not claim to be complete.`;
      after = {
        stateIso3: iso3,
        completeness: 'partial',
        basis: history && history.completeness !== 'none' && !history.basis.includes(imported) ? `${history.basis} ${imported}` : imported,
        reportNumbersRecorded: numbers,
        sessionsRecorded: history?.sessionsRecorded ?? [],
        followUpListsNaming: history?.followUpListsNaming ?? [],
        asOf:
          [history?.asOf, input.source.asOf]
            .filter((d): d is string => !!d)
            .sort()
            .at(-1) ?? today,
        sourceIds: [...new Set([...(history?.sourceIds ?? []), input.source.id])].sort(),
      };
    }
    const validHistory = CatReportingStateRecord.safeParse(after);
    if (!validHistory.success) problems.push(`${iso3} history: ${validHistory.error.issues.map((i) => i.message).join('; ')}`);
    else if (json(history) !== json(validHistory.data)) diff.histories.push({ before: history, after: validHistory.data });
  }
  if (problems.length) throw new CatImportError(problems);

  const sourceRow = await createSourceRepository(db).findSource(input.source.id);
  const differing = sourceRow ? differingSourceFields(sourceRow, input.source) : [];
  if (differing.length) {
    throw new CatImportError([
      `source ${input.source.id} already exists with other details (${differing.join(', ')}): give the import's source another title or URL`,
    ]);
  }
  // The source is registered only with a change that cites it.
  const nothingToDo = diff.added.length + diff.changed.length + diff.histories.length === 0;
  if (dryRun || nothingToDo) return diff;

  await db.transaction().execute(async (trx) => {
    const [sources, reports] = [createSourceRepository(trx), createCatReportingRepository(trx)];
    const at = new Date().toISOString();
    const changes: AuditEntry[] = [];
    const audit = (action: string, entity: string, entityId: string, before: unknown, after: unknown) =>
      changes.push({ at, actor: input.actor, action, entity, entityId, before, after, sourceId: input.source.id });
    if (!sourceRow) {
      await sources.insertSource(input.source);
      audit('insert', 'source', input.source.id, null, input.source);
    }
    for (const r of diff.added) {
      await reports.insertReport(r);
      audit('insert', 'catReport', r.id, null, r);
    }
    for (const { before, after } of diff.changed) {
      await reports.updateReport(after);
      audit('update', 'catReport', after.id, before, after);
    }
    for (const { before, after } of diff.histories) {
      await reports.saveReportingState(after);
      audit(before ? 'update' : 'insert', 'catReportingState', after.stateIso3, before, after);
    }
    await recordChanges(trx, changes);
  });
  return diff;
}

/** One line per change, for the command line. */
export function formatCatDiff(diff: CatImportDiff): string[] {
  return [
    ...diff.added.map((r) => `+ ${r.id} ${r.label}${r.due.date ? `, due ${r.due.date} (${r.due.basis})` : ''}`),
    ...diff.changed.map(({ after, fields }) => `~ ${after.id} ${after.label}: ${fields.join(', ')}`),
    ...diff.histories.map(
      ({ before, after }) => `~ ${after.stateIso3} history: ${before?.completeness ?? 'none'} -> ${after.completeness} (to ${after.asOf})`,
    ),
  ];
}
