/**
 * Rome Statute (XVIII-10) events from rome_statute_participants.csv (UNTC scrape of 2014 plus
 * later joiners) and rome_statute_events.csv (dated events with an evidence level).
 *
 * - Signatures and the instruments of consent listed by UNTC in 2014 are depositary records,
 *   checked against the raw zmjones copy.
 * - Later instruments of consent, withdrawals, revocations, signature withdrawals and
 *   declarations come from rome_statute_events.csv with its evidence level.
 * - Announcements, de facto statements and domestic steps are not participation events; they are
 *   listed in `notRepresented` for the report.
 */
import type { EventKind } from '@tracker/api/domain';
import { parseUntcDate } from '../untc/dates.js';
import { readCsv, type CsvRow } from './csv.js';
import { attestationOf, joinNotes, notificationSymbolIn, originOf, type Problems, type TracedEvent } from './common.js';
import { findSource, sourceUrl } from './sources.js';

const ZMJONES_SOURCE = 'zmjones-untreaties-18-10-2014-01-27';

/**
 * Entry-into-force dates that a source states (not computed), with the words in the row's notes
 * that say so. The normaliser checks the words are still there, so this table cannot drift.
 */
const STATED_ENTRY_INTO_FORCE: Record<string, { date: string; quote: string }> = {
  PSE: { date: '2015-04-01', quote: 'ICC states Statute in force 1 Apr 2015' },
  SLV: { date: '2016-06-01', quote: 'Depositary notification says in force 1 Jun 2016' },
  KIR: { date: '2020-02-01', quote: 'In force 1 Feb 2020 per Coalition for the ICC' },
  ARM: { date: '2024-02-01', quote: 'In force 1 Feb 2024 per the same table' },
  UKR: { date: '2025-01-01', quote: 'Entry into force 1 Jan 2025 confirmed by the ICC spokesperson' },
};

const CONSENT_TYPES: Record<string, EventKind> = {
  ratification: 'ratification',
  accession: 'accession',
  acceptance: 'acceptance',
  approval: 'approval',
  succession: 'succession',
};

export interface RomeResult {
  events: TracedEvent[];
  /** Aggression activation date from the events file, for instruments.json. */
  aggressionActivatedOn: string | null;
  /** The source of that date (the ASP's crime-of-aggression page). */
  aggressionActivationSourceId: string | null;
  /** The Statute's general entry into force, as the participants file states it ("1 Jul 2002"). */
  generalEntryIntoForce: string | null;
  notRepresented: string[];
}

export function buildRomeStatute(problems: Problems): RomeResult {
  const events: TracedEvent[] = [];
  const notRepresented: string[] = [];
  const raw = rawZmjonesRows();
  const eventRows = readCsv('treaties/rome_statute_events.csv');
  // Entry into force stated for States that joined after the 2014 scrape, applied to their deposit events.
  const statedByIso3 = new Map<string, { date: string; quote: string } | undefined>();

  // --- participants file ---------------------------------------------------------------------
  const participants = readCsv('treaties/rome_statute_participants.csv');
  let generalEntryIntoForce: string | null = null;
  for (const row of participants) {
    const iso3 = row.get('iso3');
    const fromUntc = /zmjones\/untreaties/.test(row.get('consent_source'));
    const rawRow = raw.get(row.get('state_name_in_source'));

    const basis = /\(1 Jul 2002,/.test(row.get('entry_into_force_basis')) ? '2002-07-01' : null;
    generalEntryIntoForce ??= basis;

    const signature = row.opt('signature_date');
    if (signature) {
      // Signatures all come from the 2014 UNTC table, whatever the source of the consent.
      if (rawRow?.signature !== signature) {
        problems.add(originOf(row), `signature ${signature} is not in the raw UNTC copy (found ${rawRow?.signature ?? 'nothing'})`);
      }
      events.push({
        origin: originOf(row),
        event: {
          instrumentId: 'rome-statute',
          stateIso3: iso3,
          kind: 'signature',
          date: signature,
          datePrecision: 'day',
          effectiveDate: null,
          article: null,
          attestation: 'depositary',
          sourceId: ZMJONES_SOURCE,
          sourceUrl: sourceUrl(ZMJONES_SOURCE),
          notificationSymbol: null,
          note: null,
        },
      });
    }

    const consent = row.opt('consent_date');
    if (!consent) continue;
    const stated = STATED_ENTRY_INTO_FORCE[iso3];
    if (stated && !(row.get('notes').includes(stated.quote) && row.get('entry_into_force_date') === stated.date)) {
      problems.add(originOf(row), `expected the notes to state entry into force on ${stated.date} ("${stated.quote}")`);
    }
    if (fromUntc) {
      const kind = CONSENT_TYPES[row.get('consent_type')];
      if (!kind) {
        problems.add(originOf(row), `unknown consent_type "${row.get('consent_type')}"`);
        continue;
      }
      if (rawRow?.consent !== consent) problems.add(originOf(row), `consent ${consent} is not in the raw UNTC copy`);
      events.push({
        origin: originOf(row),
        event: {
          instrumentId: 'rome-statute',
          stateIso3: iso3,
          kind,
          date: consent,
          datePrecision: 'day',
          effectiveDate: stated?.date ?? null,
          article: null,
          attestation: 'depositary',
          sourceId: ZMJONES_SOURCE,
          sourceUrl: sourceUrl(ZMJONES_SOURCE),
          notificationSymbol: null,
          note: null,
        },
      });
    } else {
      // Joined after the 2014 scrape: the dated row in rome_statute_events.csv carries the evidence.
      const match = eventRows.find(
        (e) => e.get('iso3') === iso3 && /^(accession|ratification) deposited/.test(e.get('event')) && e.get('date') === consent,
      );
      if (!match) problems.add(originOf(row), `no matching deposit in rome_statute_events.csv for ${iso3} ${consent}`);
      statedByIso3.set(iso3, stated);
    }

    // Ukraine's art. 124 declaration is only in the notes of its row ("ratified with a declaration
    // under art. 124 ... (Kyiv Independent)"); it was made with the instrument, so it takes its date.
    const art124 = /ratified with a declaration under art\. 124 ([^(]*)\(Kyiv Independent\)/.exec(row.get('notes'));
    if (art124) {
      const id = 'kyiv-independent-ukraine-rome-statute';
      events.push({
        origin: originOf(row),
        event: {
          instrumentId: 'rome-statute',
          stateIso3: iso3,
          kind: 'declaration',
          date: consent,
          datePrecision: 'day',
          effectiveDate: null,
          article: '124',
          attestation: 'news-report',
          sourceId: id,
          sourceUrl: sourceUrl(id),
          notificationSymbol: null,
          note: `Declaration under art. 124 ${art124[1]!.trim()}; made with the instrument of ratification, so the deposit date is used.`,
        },
      });
    }

    // The withdrawal columns summarise rows of rome_statute_events.csv; check they agree.
    const notified = row.opt('withdrawal_notified');
    if (notified && iso3 !== 'MYS') {
      const match = eventRows.find((e) => e.get('iso3') === iso3 && e.get('event') === 'withdrawal notified' && e.get('date') === notified);
      if (!match) problems.add(originOf(row), `withdrawal_notified ${notified} has no row in rome_statute_events.csv`);
    }
  }

  // --- events file -----------------------------------------------------------------------------
  let previousSource: string | undefined;
  let aggressionActivatedOn: string | null = null;
  let aggressionActivationSourceId: string | null = null;
  for (const row of eventRows) {
    const what = row.get('event');
    const url = row.opt('source_url');
    const text = row.get('source');
    const inherits = /^(same|as above|as for )/i.test(text) && !url;
    const sourceId = inherits ? previousSource : findSource(text, url, 'rome-statute');
    previousSource = sourceId;

    if (row.get('instrument') === 'Rome Statute amendments') {
      if (/jurisdiction over the crime of aggression activated/.test(what)) {
        aggressionActivatedOn = row.get('date');
        aggressionActivationSourceId = sourceId ?? null;
      } else
        notRepresented.push(
          `${row.file}:${row.line} ${row.get('state')}: ${what} (${row.get('date')}); amendment deposits are read from rome_statute_amendments.csv`,
        );
      continue;
    }

    const kind = eventKind(what);
    if (kind === 'not-an-event') {
      notRepresented.push(`${row.file}:${row.line} ${row.get('state')}: ${what} (${row.get('date')})`);
      continue;
    }
    if (kind === 'effect') continue; // handled below with the withdrawal it completes
    if (!kind) {
      problems.add(originOf(row), `cannot map event "${what}" to an event kind`);
      continue;
    }
    const attestation = attestationOf(row.get('evidence_level'));
    if (!attestation) {
      problems.add(originOf(row), `unknown evidence_level "${row.get('evidence_level')}"`);
      continue;
    }
    if (!sourceId) {
      problems.add(originOf(row), `source "${text}" (${url ?? 'no URL'}) is not in the source registry`);
      continue;
    }
    const precision = row.get('date_precision');
    if (!['day', 'month', 'year'].includes(precision)) {
      problems.add(originOf(row), `unknown date_precision "${precision}"`);
      continue;
    }
    const date = row.get('date');
    const iso3 = row.get('iso3');
    const tookEffect = eventRows.find(
      (e) => e.get('iso3') === iso3 && e.get('event') === 'withdrawal took effect' && !/^computed/.test(e.get('evidence_level')),
    );
    const isUnverifiedClaim = /\(claimed\)/.test(what);
    events.push({
      origin: originOf(row),
      event: {
        instrumentId: 'rome-statute',
        stateIso3: iso3,
        kind,
        date: precision === 'day' ? date : precision === 'month' ? `${date}-01` : `${date}-01-01`,
        datePrecision: precision as 'day' | 'month' | 'year',
        effectiveDate: effectiveDateOf(kind, row, iso3, tookEffect, statedByIso3),
        article: kind === 'declaration' ? declarationArticle(what) : null,
        attestation,
        sourceId,
        // The source's own URL; for the Hungarian revocation this is the C.N. link the secondary note cites.
        sourceUrl: url,
        notificationSymbol: notificationSymbolIn(`${what} ${row.get('note')} ${row.get('evidence_level')}`),
        note: joinNotes(
          isConsent(kind) && statedByIso3.get(iso3)
            ? `Entry into force ${statedByIso3.get(iso3)!.date} as stated in rome_statute_participants.csv ("${statedByIso3.get(iso3)!.quote}").`
            : null,
          kind === 'signature-withdrawn' ? `Notification that it does not intend to become a party ("${what}").` : null,
          isUnverifiedClaim ? 'Claimed by a single unverified secondary note; no news or official source found.' : null,
          kind === 'withdrawal-notified' && tookEffect ? `Took effect ${tookEffect.get('date')} (${tookEffect.get('source')}).` : null,
          row.opt('note'),
        ),
      },
    });
  }
  return { events, aggressionActivatedOn, aggressionActivationSourceId, generalEntryIntoForce, notRepresented };
}

const isConsent = (kind: EventKind): boolean => kind === 'accession' || kind === 'ratification';

function effectiveDateOf(
  kind: EventKind,
  row: CsvRow,
  iso3: string,
  tookEffect: CsvRow | undefined,
  stated: Map<string, { date: string; quote: string } | undefined>,
): string | null {
  if (isConsent(kind)) return stated.get(iso3)?.date ?? null;
  if (kind === 'withdrawal-notified') {
    if (tookEffect) return tookEffect.get('date');
    // "scheduled effective date 2026-06-02" (Hungary): the date of effect the ICC statement gave.
    return /scheduled effective date (\d{4}-\d{2}-\d{2})/.exec(row.get('note'))?.[1] ?? null;
  }
  return null;
}

function declarationArticle(what: string): string | null {
  return /art\. (\d+\(\d+\)|\d+)/.exec(what)?.[1] ?? null;
}

/** Maps the free-text `event` column; 'not-an-event' for statements without legal effect. */
function eventKind(what: string): EventKind | 'not-an-event' | 'effect' | null {
  if (/^notification of intention not to become a party|^presidential order to notify intention not to become a party/.test(what)) {
    return 'signature-withdrawn';
  }
  if (/^declaration under art\./.test(what)) return 'declaration';
  if (/^accession deposited/.test(what)) return 'accession';
  if (/^ratification deposited/.test(what)) return 'ratification';
  if (/^withdrawal notified$|^withdrawal notification \(claimed\)$/.test(what)) return 'withdrawal-notified';
  if (/^withdrawal notification (rescinded|revoked)$|^withdrawal of the notification of withdrawal deposited/.test(what)) {
    return 'withdrawal-revoked';
  }
  if (/^instrument of accession withdrawn/.test(what)) return 'consent-withdrawn';
  if (/^withdrawal took effect$/.test(what)) return 'effect';
  if (/announced|do not recognise|no withdrawal notification received|law revoking|repeals withdrawal law/.test(what))
    return 'not-an-event';
  return null;
}

/** Signature and consent dates per participant name in the raw UNTC copy (zmjones 18-10.csv). */
function rawZmjonesRows(): Map<string, { signature: string | null; consent: string | null }> {
  const rows = readCsv('treaties/raw/zmjones_untreaties/rome_statute_XVIII-10_untc_2014-01-27.csv');
  const consentColumn = 'Approval(AA), Acceptance(A), Accession(a), Succession(d), Ratification';
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
