/**
 * Events for the seven Rome Statute amendments (XVIII-10-a to -g) from
 * rome_statute_amendments.csv and rome_statute_amendments_supplement.csv.
 */
import type { EventKind, InstrumentId } from '@tracker/api/domain';
import { readCsv, type CsvRow } from './csv.js';
import { attestationOf, INSTRUMENT_BY_CODE, joinNotes, originOf, type Problems, type TracedEvent } from './common.js';
import { findSource } from './sources.js';
import type { Attestation } from '@tracker/api/domain';

/** How much each kind of source in the amendments file is worth (see data/README.md). */
function attestationForSource(sourceId: string): Attestation {
  if (sourceId.startsWith('untc-') || sourceId.startsWith('zmjones-')) return 'depositary';
  if (sourceId === 'nl-treaty-database-013742') return 'official-statement';
  return 'news-report'; // crimeofaggression.info and PGA (NGOs), Wikipedia
}

/** consent_type wording to a kind, with a note when the source did not say which instrument it was. */
function consentOf(type: string): { kind: EventKind; note: string | null; undated: boolean } | null {
  switch (type) {
    case 'ratification':
    case 'ratification (reported)':
      return { kind: 'ratification', note: null, undated: false };
    case 'acceptance':
      return { kind: 'acceptance', note: null, undated: false };
    case 'ratification (type not given)':
      return {
        kind: 'ratification',
        note: 'The source does not say whether this was a ratification or an acceptance; recorded as ratification.',
        undated: false,
      };
    case 'ratification or acceptance (code R)':
      return {
        kind: 'ratification',
        note: 'The source codes it R (ratification, acceptance, approval or notification); recorded as ratification.',
        undated: false,
      };
    case 'ratified, not yet in force (Wikipedia status)':
    case 'in force by Jun 2025 (Wikipedia status)':
      return {
        kind: 'ratification',
        note: `Wikipedia status cell only: "${type.replace(' (Wikipedia status)', '')}"; no date given.`,
        undated: true,
      };
    default:
      return null;
  }
}

export interface AmendmentsResult {
  events: TracedEvent[];
  /** Rows that are not events: domestic steps, unidentified States, the art. 39 amendment. */
  notRepresented: string[];
}

export function buildAmendments(problems: Problems): AmendmentsResult {
  const events: TracedEvent[] = [];
  const notRepresented: string[] = [];

  for (const row of readCsv('treaties/rome_statute_amendments.csv')) {
    const instrumentId = INSTRUMENT_BY_CODE[row.get('amendment_code')];
    const consent = consentOf(row.get('consent_type'));
    const sourceId = findSource(row.get('source'), row.opt('source_url'), instrumentId);
    if (!instrumentId || !consent || !sourceId) {
      problems.add(
        originOf(row),
        `cannot read amendment row (code ${row.get('amendment_code')}, type "${row.get('consent_type')}", source "${row.get('source')}")`,
      );
      continue;
    }
    const date = row.opt('consent_date');
    if (!date && !consent.undated) problems.add(originOf(row), 'missing consent_date');
    // Only the Netherlands Treaty Database states entry-into-force dates; all others are computed.
    const stated = /^as shown in/.test(row.get('entry_into_force_basis')) ? row.opt('entry_into_force_date') : null;
    events.push({
      origin: originOf(row),
      event: {
        instrumentId,
        stateIso3: row.get('iso3'),
        kind: consent.kind,
        date,
        datePrecision: 'day',
        effectiveDate: stated,
        article: null,
        attestation: attestationForSource(sourceId),
        sourceId,
        sourceUrl: row.opt('source_url'),
        notificationSymbol: null,
        note: joinNotes(consent.note, row.opt('notes')),
      },
    });
  }

  for (const row of readCsv('treaties/rome_statute_amendments_supplement.csv')) {
    const instrumentId: InstrumentId | undefined = INSTRUMENT_BY_CODE[row.get('instrument')];
    const where = `${row.file}:${row.line}`;
    if (!instrumentId) {
      notRepresented.push(`${where} ${row.get('instrument')}: ${row.get('event')} (${row.get('date')}); not one of the 11 instruments`);
      continue;
    }
    if (!row.opt('iso3')) {
      notRepresented.push(
        `${where} ${instrumentId}: ${row.get('state')} ${row.get('event')} (${row.get('date_precision')}); placeholder, counted in counts.json notes`,
      );
      continue;
    }
    const kind = supplementKind(row.get('event'));
    if (!kind) {
      notRepresented.push(
        `${where} ${instrumentId} ${row.get('iso3')}: ${row.get('event')} (${row.get('date')}); domestic step, not a deposit`,
      );
      continue;
    }
    supplementEvent(row, instrumentId, kind, problems, events);
  }
  return { events, notRepresented };
}

function supplementKind(event: string): EventKind | null {
  if (/^ratification deposited/.test(event)) return 'ratification';
  if (/^acceptance deposited/.test(event)) return 'acceptance';
  if (/^accession (\(presumed\) )?deposited/.test(event)) return 'accession';
  return null;
}

/** Shared by the amendment and APIC supplements, which use the same columns. */
export function supplementEvent(row: CsvRow, instrumentId: InstrumentId, kind: EventKind, problems: Problems, events: TracedEvent[]): void {
  const attestation = attestationOf(row.get('evidence_level'));
  const sourceId = findSource(row.get('source'), row.opt('source_url'), instrumentId);
  if (!attestation || !sourceId) {
    problems.add(originOf(row), `cannot read evidence "${row.get('evidence_level')}" or source "${row.get('source')}"`);
    return;
  }
  if (row.get('date_precision') !== 'day' || !row.opt('date')) {
    problems.add(originOf(row), `expected a day-precision date, got "${row.get('date_precision')}"`);
    return;
  }
  // A date of effect counts only when the source column states it (the notes' dates are computed).
  const stated = /entry into force[^;]*?(\d{4}-\d{2}-\d{2})/.exec(row.get('source'))?.[1] ?? null;
  events.push({
    origin: originOf(row),
    event: {
      instrumentId,
      stateIso3: row.get('iso3'),
      kind,
      date: row.get('date'),
      datePrecision: 'day',
      effectiveDate: stated,
      article: null,
      attestation,
      sourceId,
      sourceUrl: row.opt('source_url'),
      notificationSymbol: null,
      note: joinNotes(
        attestation === 'unverified' ? `Unverified (${row.get('evidence_level')}): ${row.get('source')}.` : null,
        row.opt('note'),
      ),
    },
  });
}
