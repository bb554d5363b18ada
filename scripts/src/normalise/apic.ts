/**
 * APIC (XVIII-13) events from apic_participants.csv (UNTC scrape of 2013 plus Palestine) and
 * apic_supplement_2013-2026.csv (later accessions, Hungary's denunciation, UK territories).
 */
import type { EventKind } from '@tracker/api/domain';
import { parseUntcDate } from '../untc/dates.js';
import { supplementEvent } from './amendments.js';
import { attestationOf, joinNotes, originOf, type Problems, type TracedEvent } from './common.js';
import { readCsv } from './csv.js';
import { findSource, sourceUrl } from './sources.js';

const ZMJONES_APIC = 'zmjones-untreaties-18-13-2013-07-06';

const CONSENT_TYPES: Record<string, EventKind> = {
  ratification: 'ratification',
  accession: 'accession',
  acceptance: 'acceptance',
  approval: 'approval',
  succession: 'succession',
};

export interface ApicResult {
  events: TracedEvent[];
  generalEntryIntoForce: string | null;
  notRepresented: string[];
}

export function buildApic(problems: Problems): ApicResult {
  const events: TracedEvent[] = [];
  const notRepresented: string[] = [];
  const raw = rawApicRows();
  let generalEntryIntoForce: string | null = null;

  for (const row of readCsv('treaties/apic_participants.csv')) {
    const iso3 = row.get('iso3');
    const sourceId = findSource(row.get('source'), null, 'apic');
    if (!sourceId) {
      problems.add(originOf(row), `source "${row.get('source')}" is not in the source registry`);
      continue;
    }
    const fromUntc = sourceId === ZMJONES_APIC;
    if (/22 Jul 2004 for the first 10/.test(row.get('entry_into_force_basis'))) generalEntryIntoForce ??= '2004-07-22';
    const rawRow = raw.get(row.get('state_name_in_source'));
    const signature = row.opt('signature_date');
    if (signature) {
      if (rawRow?.signature !== signature) problems.add(originOf(row), `signature ${signature} is not in the raw UNTC copy`);
      events.push({
        origin: originOf(row),
        event: {
          instrumentId: 'apic',
          stateIso3: iso3,
          kind: 'signature',
          date: signature,
          datePrecision: 'day',
          effectiveDate: null,
          article: null,
          attestation: 'depositary',
          sourceId: ZMJONES_APIC,
          sourceUrl: sourceUrl(ZMJONES_APIC),
          notificationSymbol: null,
          note: null,
        },
      });
    }
    const consent = row.opt('consent_date');
    if (!consent) continue;
    const kind = CONSENT_TYPES[row.get('consent_type')];
    if (!kind) {
      problems.add(originOf(row), `unknown consent_type "${row.get('consent_type')}"`);
      continue;
    }
    if (fromUntc && rawRow?.consent !== consent) problems.add(originOf(row), `consent ${consent} is not in the raw UNTC copy`);
    events.push({
      origin: originOf(row),
      event: {
        instrumentId: 'apic',
        stateIso3: iso3,
        kind,
        date: consent,
        datePrecision: 'day',
        effectiveDate: null,
        article: null,
        // Palestine's row rests on the ASP President's statement as reported by Diplomat Magazine.
        attestation: fromUntc ? 'depositary' : 'official-statement',
        sourceId,
        sourceUrl: sourceUrl(sourceId),
        notificationSymbol: null,
        note: fromUntc ? null : row.opt('notes'),
      },
    });
  }

  for (const row of readCsv('treaties/apic_supplement_2013-2026.csv')) {
    const what = row.get('event');
    const where = `${row.file}:${row.line}`;
    const iso3 = row.opt('iso3');
    if (!iso3) {
      notRepresented.push(
        `${where} APIC: ${row.get('state')} ${what} (${row.get('date_precision')}); placeholder, counted in counts.json notes`,
      );
      continue;
    }
    if (/^(ratification|accession) deposited/.test(what)) {
      supplementEvent(row, 'apic', what.startsWith('ratification') ? 'ratification' : 'accession', problems, events);
    } else if (/^notification of denunciation/.test(what)) {
      supplementEvent(row, 'apic', 'withdrawal-notified', problems, events);
    } else if (/^territorial extension/.test(what)) {
      territorialExtension(row, problems, events);
    } else {
      // Government decisions, parliamentary approvals, and the unanswered question whether
      // Hungary withdrew its APIC denunciation ("UNVERIFIED: no source", no date) are not events.
      notRepresented.push(`${where} APIC ${iso3}: ${what} (${row.opt('date') ?? 'no date'}); ${row.get('evidence_level')}`);
    }
  }
  return { events, generalEntryIntoForce, notRepresented };
}

/**
 * UK notifications extending the Agreement to a territory. types.ts has no kind for this, so
 * they are recorded as declarations without an article; they do not change the UK's status.
 */
function territorialExtension(row: ReturnType<typeof readCsv>[number], problems: Problems, events: TracedEvent[]): void {
  const territory = /\(([^)]+)\)/.exec(row.get('state'))?.[1] ?? row.get('state');
  const attestation = attestationOf(row.get('evidence_level'));
  const sourceId = findSource(row.get('source'), row.opt('source_url'), 'apic');
  if (!attestation || !sourceId) {
    problems.add(originOf(row), `cannot read evidence or source "${row.get('source')}"`);
    return;
  }
  const enteredIntoForce = /entered into force/.test(row.get('event'));
  events.push({
    origin: originOf(row),
    event: {
      instrumentId: 'apic',
      stateIso3: row.get('iso3'),
      kind: 'declaration',
      // "entered into force" rows give the date of effect, not of the notification.
      date: enteredIntoForce ? null : row.get('date'),
      datePrecision: 'day',
      effectiveDate: enteredIntoForce ? row.get('date') : null,
      article: null,
      attestation,
      sourceId,
      sourceUrl: row.opt('source_url'),
      notificationSymbol: null,
      note: joinNotes(`Territorial extension of the Agreement to ${territory} (${row.get('event')}).`, row.opt('note')),
    },
  });
}

function rawApicRows(): Map<string, { signature: string | null; consent: string | null }> {
  const rows = readCsv('treaties/raw/zmjones_untreaties/apic_XVIII-13_untc_2013-07-06.csv');
  const consentColumn = 'Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)';
  return new Map(
    rows.map((row) => {
      const consentText = row.get(consentColumn).replace(/\s+(a|d|A|AA)$/, '');
      return [
        row.get('Participant'),
        {
          signature: row.opt('Signature') ? parseUntcDate(row.get('Signature')) : null,
          consent: consentText.trim() ? parseUntcDate(consentText) : null,
        },
      ];
    }),
  );
}
