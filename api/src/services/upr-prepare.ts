/**
 * The part of a UPR import that needs no database (upr-import.ts applies what it prepares): every
 * record against its schema, duplicate ids, the source every record cites.
 */
import type { z } from 'zod';
import type { UprDataset } from '../repositories/upr-store.repository.js';
import { SourceRecord } from '../schemas/dataset.js';
import { UprPledgeRecord, UprRecommendationRecord, UprReviewRecord, UprSessionRecord } from '../schemas/upr-dataset.js';

export interface UprImport {
  /** The source every record of the file cites. */
  source: SourceRecord;
  dataset: UprDataset;
  /** Recorded in the audit log, e.g. "import:upr". */
  actor: string;
}

/**
 * How many problems a refused import lists (every importer: UPR, CAT, UNTC); the others are
 * counted, so that a file of junk gives a short message, never a million lines.
 */
export const PROBLEMS_LISTED = 20;
/** A problem is cut to this length: one that quotes a cell of junk should not fill the screen. */
const PROBLEM_LENGTH = 300;

/** The first `limit` problems, each with `bullet` before it and cut to a readable length, then "… and K more". */
export function listProblems(
  problems: readonly string[],
  { limit = PROBLEMS_LISTED, bullet = '' }: { limit?: number; bullet?: string } = {},
): string[] {
  const shown = problems.slice(0, limit).map((p) => bullet + (p.length > PROBLEM_LENGTH ? `${p.slice(0, PROBLEM_LENGTH)}…` : p));
  const more = problems.length - shown.length;
  return more > 0 ? [...shown, `${' '.repeat(bullet.length)}… and ${more} more`] : shown;
}

/** "The import is not applied: N problems:" and the first of them (listProblems). */
export function refusalMessage(problems: readonly string[]): string {
  return [
    `The import is not applied: ${problems.length} problem${problems.length === 1 ? '' : 's'}:`,
    ...listProblems(problems, { bullet: '  - ' }),
  ].join('\n');
}

export class UprImportError extends Error {
  constructor(public readonly problems: string[]) {
    super(refusalMessage(problems));
  }
}

type Issue = { issues: { path: PropertyKey[]; message: string }[] };
export const reason = (error: Issue) => error.issues.map((i) => `${i.path.map(String).join('.') || 'record'}: ${i.message}`).join('; ');

/** An import's records checked against their schemas and against each other. */
export interface PreparedUprImport {
  source: SourceRecord;
  actor: string;
  /** The records that passed their schema (as the schemas output them). */
  dataset: UprDataset;
  /** What is wrong with the file so far; applying a prepared import with problems refuses it. */
  problems: string[];
}

/** Validates an import without the database: schemas, duplicate ids, the source every record cites. */
export function prepareUprImport(input: UprImport): PreparedUprImport {
  const { source } = input;
  const problems: string[] = [];
  const sourceCheck = SourceRecord.safeParse(source);
  // Without a valid source there is nothing to check the records against.
  if (!sourceCheck.success) throw new UprImportError([`source: ${reason(sourceCheck.error)}`]);
  const validated = <T>(kind: string, records: readonly T[], schema: z.ZodType<T>, label: (r: T) => string): T[] => {
    const out: T[] = [];
    for (const r of records) {
      const result = schema.safeParse(r);
      if (result.success) out.push(result.data);
      else problems.push(`${kind} ${label(r)}: ${reason(result.error)}`);
    }
    return out;
  };
  /** Records that failed their schema may lack any field: label them defensively. */
  const field = (r: unknown, key: string) => {
    const value = (r as Record<string, unknown> | null)?.[key];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '?';
  };
  const withLine = (r: unknown) => {
    const line = (r as { sourceLine?: unknown } | null)?.sourceLine;
    return typeof line === 'number' ? `${field(r, 'id')} (line ${line})` : field(r, 'id');
  };
  const sessions = validated('session', input.dataset.sessions, UprSessionRecord, (r) => field(r, 'session'));
  const reviews = validated('review', input.dataset.reviews, UprReviewRecord, (r) => field(r, 'id'));
  const recommendations = validated('recommendation', input.dataset.recommendations, UprRecommendationRecord, withLine);
  const pledges = validated('pledge', input.dataset.pledges, UprPledgeRecord, withLine);

  const duplicates = <T>(kind: string, records: T[], key: (r: T) => string | number) => {
    const seen = new Set<string | number>();
    for (const r of records) {
      if (seen.has(key(r))) problems.push(`${kind} ${key(r)} appears twice in the file`);
      seen.add(key(r));
    }
  };
  duplicates('session', sessions, (s) => s.session);
  duplicates('review', reviews, (r) => r.id);
  duplicates('recommendation', recommendations, (r) => r.id);
  duplicates('pledge', pledges, (p) => p.id);
  for (const r of [...recommendations, ...pledges]) {
    if (r.sourceId !== source.id) problems.push(`${r.id} (line ${r.sourceLine}) cites ${r.sourceId}, not the import's source ${source.id}`);
  }
  return {
    source: sourceCheck.data,
    actor: input.actor,
    dataset: { sessions, reviews, recommendations, pledges },
    problems,
  };
}
