/**
 * What an empty place in the record means: the rule every page and file applies before it writes
 * "not recorded", "none recorded" or "not applicable" (README.md here, "Not recorded, none
 * recorded, not applicable").
 *
 * - `not-applicable`: there is nothing to record. A State that accedes or succeeds is bound without
 *   ever signing, so an accession or a succession has no signature date to find; and the
 *   amendments to the Rome Statute are never signed at all (they are adopted by the Assembly of
 *   States Parties and ratified or accepted, art. 121 and 122).
 * - `none-recorded`: the tracker holds the source that would list the thing, and it lists none
 *   for this State: an absence the source establishes.
 * - `not-recorded`: the tracker's sources do not say. The thing may exist.
 */
import type { EventKind, InstrumentId } from './types.js';

export type Absence = 'not-applicable' | 'none-recorded' | 'not-recorded';

/** Consent given without a signature beforehand (UNTC suffixes "a" and "d"). */
const CONSENT_WITHOUT_SIGNATURE: readonly EventKind[] = ['accession', 'succession'];

/**
 * Instruments that are not open for signature: the Rome Statute's amendments, adopted by the
 * Assembly of States Parties and binding on a State by ratification or acceptance (Rome Statute
 * art. 121(3)-(5) and 122; the depositary's pages list no signatures for them).
 */
export const NOT_OPEN_FOR_SIGNATURE: readonly InstrumentId[] = [
  'rs-art8-2010',
  'rs-aggression-2010',
  'rs-art124-2015',
  'rs-art8-2017-biological',
  'rs-art8-2017-fragments',
  'rs-art8-2017-lasers',
  'rs-art8-2019-starvation',
];

/**
 * Why a State has no signature date: not applicable when the instrument is not open for signature
 * or the State acceded or succeeded, otherwise not recorded (it may never have signed, or it
 * signed and the sources do not give the date).
 */
export function signatureAbsence(
  consentKind: EventKind | null | undefined,
  instrumentId?: InstrumentId,
): Extract<Absence, 'not-applicable' | 'not-recorded'> {
  if (instrumentId && NOT_OPEN_FOR_SIGNATURE.includes(instrumentId)) return 'not-applicable';
  return consentKind && CONSENT_WITHOUT_SIGNATURE.includes(consentKind) ? 'not-applicable' : 'not-recorded';
}

/**
 * The declarations and reservations a bundled source lists completely, by instrument and article.
 * Only the UNTC status pages of UNCAT and OPCAT are read for them, and only these articles
 * (`scripts/src/untc/status-page-events.ts`; data/README.md, "raw/untc-html"): UNCAT art. 21 and
 * 22 declarations and art. 28(1) reservations (not recognising the art. 20 inquiry procedure),
 * OPCAT art. 24 postponements. Other declarations on those pages (UNCAT art. 30(1) reservations,
 * say) are not read, and the Rome Statute's sources do not list declarations at all.
 */
export const DECLARATIONS_LISTED_COMPLETELY: Readonly<Partial<Record<InstrumentId, readonly string[]>>> = {
  uncat: ['21', '22', '28(1)'],
  opcat: ['24'],
};

/**
 * What it means that a State has no declaration or reservation recorded under an article of an
 * instrument (or, without an article, under any): none recorded only where the source lists every
 * one of them; otherwise not recorded.
 */
export function declarationAbsence(instrumentId: InstrumentId, article?: string): Extract<Absence, 'none-recorded' | 'not-recorded'> {
  const listed = DECLARATIONS_LISTED_COMPLETELY[instrumentId];
  if (!listed) return 'not-recorded';
  // Without an article the question is about every declaration, and no source lists them all.
  return article !== undefined && listed.includes(article) ? 'none-recorded' : 'not-recorded';
}
