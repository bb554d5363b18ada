import type { Attestation, InstrumentId, ParticipationEvent } from '@tracker/api/domain';
import type { CsvRow } from './csv.js';

/** Where a record came from, for error messages: "data/raw/treaties/x.csv:12". */
export interface Origin {
  file: string;
  line: number | null;
}

export const originOf = (row: CsvRow): Origin => ({ file: row.file, line: row.line });

/** Collects every problem found, so one run reports all of them before exiting. */
export class Problems {
  readonly list: string[] = [];
  add(origin: Origin, reason: string): void {
    this.list.push(`${origin.file}${origin.line === null ? '' : `:${origin.line}`}: ${reason}`);
  }
}

export type EventDraft = Omit<ParticipationEvent, 'id'>;

/** An event before ids are assigned, with the row it came from. */
export interface TracedEvent {
  event: EventDraft;
  origin: Origin;
}

/**
 * Maps the `evidence_level` wording of the raw files to an attestation. Anything marked
 * UNVERIFIED (including "UNVERIFIED: derived") is a lead, never a fact; a depositary record
 * outranks an official statement, which outranks NGO, news and encyclopedia reports.
 */
export function attestationOf(evidence: string): Attestation | null {
  const text = evidence.trim().toLowerCase();
  if (text.startsWith('unverified')) return 'unverified';
  if (text.startsWith('depositary')) return 'depositary';
  if (text.startsWith('official')) return 'official-statement';
  if (/^(ngo|news|secondary|encyclopedia)/.test(text)) return 'news-report';
  return null;
}

export const ATTESTATION_RANK: Record<Attestation, number> = {
  depositary: 0,
  'official-statement': 1,
  'news-report': 2,
  unverified: 3,
};

/** UNTC-style MTDSG codes used in the raw files, mapped to the instrument ids of types.ts. */
export const INSTRUMENT_BY_CODE: Record<string, InstrumentId> = {
  'IV-9': 'uncat',
  'IV-9-b': 'opcat',
  'XVIII-10': 'rome-statute',
  'XVIII-10-a': 'rs-art8-2010',
  'XVIII-10-b': 'rs-aggression-2010',
  'XVIII-10-c': 'rs-art124-2015',
  'XVIII-10-d': 'rs-art8-2017-biological',
  'XVIII-10-e': 'rs-art8-2017-fragments',
  'XVIII-10-f': 'rs-art8-2017-lasers',
  'XVIII-10-g': 'rs-art8-2019-starvation',
  'XVIII-13': 'apic',
};

/** The first ISO date at the start of a text ("2023-01-20 or later" gives 2023-01-20). */
export function leadingIsoDate(text: string | null): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})\b/.exec(text?.trim() ?? '');
  return match?.[1] ?? null;
}

/** A depositary notification symbol quoted in a text, e.g. "C.N.180.2026.TREATIES-XVIII.10". */
export function notificationSymbolIn(text: string): string | null {
  return /C\.N\.\d+\.\d{4}(?:\.TREATIES-[IVXL]+(?:\.\d+)?)?/.exec(text)?.[0] ?? null;
}

/** Joins note fragments, skipping empty ones. */
export function joinNotes(...parts: (string | null | undefined)[]): string | null {
  const kept = parts
    .map((p) => p?.trim())
    .filter((p): p is string => !!p)
    // Source notes are fragments; end each with a full stop so joined notes read as sentences.
    .map((p) => (/[.!?"”)]$/.test(p) ? p : `${p}.`));
  return kept.length ? kept.join(' ') : null;
}
