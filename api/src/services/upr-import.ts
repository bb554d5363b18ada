/**
 * Applies one imported UPR file (recommendations, voluntary pledges, or calendar reviews and
 * session dates) to the database: the service behind `import:upr` (scripts/src/import-upr).
 *
 * - Every record is validated with the dataset schemas; any problem refuses the whole file.
 * - The file cites one source: registered when new, refused when a source with the same id exists
 *   with other details.
 * - Reviews implied by the recommendations are created when missing (status "held", with the note
 *   the normaliser writes) and cite the file's source; reviews and sessions the file itself gives
 *   (the calendar) are merged with the stored ones: the file's values win, a value the file does
 *   not give keeps the stored one, source lists and documents are united. So nothing is lost.
 * - Everything is written by the UPR store (repositories/upr-store.repository.ts) in ONE transaction with an audit entry per
 *   change; the data version moves on only when something changed. `dryRun` computes the same
 *   diff and writes nothing (not even the source).
 * - Stable ids (computed by the parsers) make a re-import of the same file change nothing.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { linkRecommendation } from '../domain/upr-links.js';
import { createUprStoreRepository, isEmptyUprDiff, type UprDataset, type UprWriteDiff } from '../repositories/upr-store.repository.js';
import { impliedUprReview, uprReviewId, UprReviewRecord, UprSessionRecord } from '../schemas/upr-dataset.js';
import { differingSourceFields } from './source-refs.js';
import { prepareUprImport, reason, UprImportError, type PreparedUprImport, type UprImport } from './upr-prepare.js';

export { prepareUprImport, UprImportError, type PreparedUprImport, type UprImport };

/** The note of a review whose status is inferred; the same words as scripts/src/upr/normalise.ts. */
export const INFERRED_HELD_NOTE =
  'Status "held" because recommendations from this review are recorded; no source states it in other words.';

export interface UprImportOptions {
  dryRun?: boolean;
  /** Recommendations written so far and in all; every 1,000 and at the end (from writeUpr). */
  onProgress?: (done: number, total: number) => void;
}

export interface UprImportResult {
  diff: UprWriteDiff;
  /** The source is new and is (or, on a dry run, would be) registered: only when something else changes. */
  sourceAdded: boolean;
  /** Worth a look, not a reason to refuse: e.g. a review now holding the same recommendations from two sources. */
  warnings: string[];
  dryRun: boolean;
}

/** A source list with `id` added (kept as it is when already there, so stored order is kept). */
const cite = (ids: string[], id: string) => (ids.includes(id) ? ids : [...ids, id].sort());
const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** Raised inside the transaction to roll back when nothing changed (so a new source is not left uncited). */
class NothingToWrite extends Error {}

export function applyUprImport(db: Kysely<Database>, input: UprImport, options: UprImportOptions = {}): Promise<UprImportResult> {
  return applyPreparedUprImport(db, prepareUprImport(input), options);
}

/** Checks a prepared import against the database and applies it (see the top of this file). */
export async function applyPreparedUprImport(
  db: Kysely<Database>,
  prepared: PreparedUprImport,
  options: UprImportOptions = {},
): Promise<UprImportResult> {
  const dryRun = options.dryRun ?? false;
  const store = createUprStoreRepository(db);
  const { source } = prepared;
  const problems = [...prepared.problems];
  const warnings: string[] = [];
  const where = (r: { sourceLine: number }) => `(line ${r.sourceLine})`;
  const { sessions, reviews: fileReviews, recommendations, pledges } = prepared.dataset;

  // --- citations, states, sessions ------------------------------------------------------------------
  const registered = await store.sourceIds();
  for (const r of [
    ...sessions.map((s) => ({ what: `session ${s.session}`, ids: s.sourceIds })),
    ...fileReviews.map((r) => ({ what: `review ${r.id}`, ids: r.sourceIds })),
  ]) {
    for (const id of r.ids)
      if (id !== source.id && !registered.has(id))
        problems.push(`${r.what} cites source ${id}, which is neither the import's source nor registered`);
  }

  const knownStates = await store.stateCodes();
  const unknownState = (iso3: string | null, what: () => string) => {
    if (iso3 !== null && !knownStates.has(iso3)) problems.push(`${what()}: unknown State ${iso3}`);
  };
  for (const r of fileReviews) unknownState(r.stateIso3, () => `review ${r.id}`);
  for (const r of recommendations) {
    unknownState(r.stateUnderReviewIso3, () => `${r.id} ${where(r)}`);
    for (const s of r.recommendingStates) unknownState(s.iso3, () => `${r.id} ${where(r)} recommending State "${s.nameAsRecorded}"`);
  }
  for (const p of pledges) unknownState(p.stateIso3, () => `${p.id} ${where(p)}`);

  const storedSessions = await store.sessions();
  const fileSessions = new Set(sessions.map((s) => s.session));
  const missingSessions = new Map<number, string>();
  const needsSession = (session: number, what: () => string) => {
    if (!storedSessions.has(session) && !fileSessions.has(session) && !missingSessions.has(session)) missingSessions.set(session, what());
  };
  for (const r of fileReviews) needsSession(r.session, () => `review ${r.id}`);
  for (const r of recommendations) needsSession(r.session, () => `${r.id} ${where(r)}`);
  for (const p of pledges) needsSession(p.session, () => `${p.id} ${where(p)}`);
  for (const [session, what] of missingSessions)
    problems.push(`session ${session} is not in the database (first needed by ${what}): import the calendar that gives it first`);

  const storedSource = await store.findSource(source.id);
  if (storedSource) {
    const differing = differingSourceFields(storedSource, source);
    if (differing.length)
      problems.push(
        `source ${source.id} already exists with other details (${differing.join(', ')}): give the import's source another title or URL`,
      );
  }
  if (problems.length) throw new UprImportError(problems);

  // --- sessions: merged with the stored ones -------------------------------------------------------
  const mergedSessions: UprSessionRecord[] = [];
  for (const s of sessions) {
    const stored = storedSessions.get(s.session);
    if (!stored) {
      mergedSessions.push({ ...s, sourceIds: [...s.sourceIds].sort() });
      continue;
    }
    if (stored.year !== null && s.year !== null && stored.year !== s.year) {
      problems.push(
        `session ${s.session}: the file puts it in ${s.year}, the database in ${stored.year} (sources ${stored.sourceIds.join(', ')})`,
      );
      continue;
    }
    mergedSessions.push({
      session: s.session,
      cycle: s.cycle,
      year: s.year ?? stored.year,
      startDate: s.startDate ?? stored.startDate,
      endDate: s.endDate ?? stored.endDate,
      sourceIds: s.sourceIds.reduce(cite, stored.sourceIds),
      // A file's note replaces the stored one; without one, the stored note (e.g. the 26th session's gap) stays.
      note: s.note ?? stored.note ?? null,
    });
  }

  // --- reviews: the file's own (calendar), merged; then those the recommendations imply -------------
  const storedReviews = await store.reviews();
  // Only the file's own recommendations are looked up, never all the stored ones (see storedRecommendations).
  const alreadyStored = await store.storedRecommendations(recommendations.map((r) => r.id));
  // Of the file's own reviews (a calendar's), those with recommendations, stored or in the file.
  const reviewsWithRecommendations = new Set([
    ...recommendations.map((r) => r.reviewId),
    ...(await store.reviewsWithRecommendations(fileReviews.map((r) => r.id))),
  ]);
  const touched = new Map<string, UprReviewRecord>();
  const current = (id: string) => touched.get(id) ?? storedReviews.get(id);

  for (const r of fileReviews) {
    if (r.status !== null && r.status !== 'held' && reviewsWithRecommendations.has(r.id)) {
      problems.push(`review ${r.id} is "${r.statusAsRecorded ?? r.status}" in the file, but recommendations of this review are recorded`);
      continue;
    }
    const stored = storedReviews.get(r.id);
    if (!stored) {
      touched.set(r.id, { ...r, sourceIds: [...r.sourceIds].sort() });
      continue;
    }
    const stated = r.status !== null;
    touched.set(r.id, {
      ...stored,
      status: stated ? r.status : stored.status,
      statusAsRecorded: stated ? r.statusAsRecorded : stored.statusAsRecorded,
      reviewDate: r.reviewDate ?? stored.reviewDate,
      // The inferred note no longer holds once a source states the status.
      note: r.note ?? (stated && stored.note === INFERRED_HELD_NOTE ? null : stored.note),
      documents: mergeDocuments(stored.documents, r.documents),
      sourceIds: r.sourceIds.reduce(cite, stored.sourceIds),
    });
  }

  // A State is reviewed once a cycle: a review a file implies in another session of a cycle whose
  // review is recorded means a wrong session number, e.g. a file cut inside its last row's session
  // ("14" read as "1"). It is refused, never created as held. A postponed review is not the
  // cycle's review (the United States: 50 postponed, 53 scheduled).
  const cycleReview = new Map<string, UprReviewRecord>();
  const cycleKey = (iso3: string, cycle: number) => `${iso3}:${cycle}`;
  for (const r of new Map([...storedReviews, ...touched]).values()) {
    if (r.status !== 'postponed') cycleReview.set(cycleKey(r.stateIso3, r.cycle), r);
  }

  const implied = (iso3: string, session: number, cycle: number, held: boolean, line: number): UprReviewRecord => {
    const id = uprReviewId(iso3, session);
    let r = current(id);
    if (!r) {
      r = impliedUprReview(iso3, session, cycle);
      const other = cycleReview.get(cycleKey(iso3, cycle));
      if (other) {
        problems.push(
          `review ${id} (first on line ${line}) would be a second review of ${iso3} in cycle ${cycle}: ${other.id} (${other.status ?? 'no status'}) is its review of that cycle; ` +
            'a State is reviewed once a cycle, so the session on that line is wrong, or the file is cut there',
        );
      }
      cycleReview.set(cycleKey(iso3, cycle), r);
    }
    // Every recommendation of a review comes here: the review is copied only when it changes (the
    // first time), not once per recommendation.
    if (!r.sourceIds.includes(source.id)) r = { ...r, sourceIds: cite(r.sourceIds, source.id) };
    if (held && r.status === null) r = { ...r, status: 'held', note: r.note ? `${r.note} ${INFERRED_HELD_NOTE}` : INFERRED_HELD_NOTE };
    touched.set(id, r);
    return r;
  };
  const notHeld = new Map<string, number>();
  for (const rec of recommendations) {
    let r = implied(rec.stateUnderReviewIso3, rec.session, rec.cycle, true, rec.sourceLine);
    const documents: UprReviewRecord['documents'] = [];
    if (rec.documentSymbol) documents.push({ symbol: rec.documentSymbol, kind: 'wg-report' });
    // "A/HRC/28/15/Add.1 - Para. 3": the addendum holds the State's views on the recommendations.
    const addendum = rec.responseSource ? /^(A\/HRC\/\d+\/\d+\/Add\.\d+)/.exec(rec.responseSource)?.[1] : undefined;
    if (addendum) documents.push({ symbol: addendum, kind: 'wg-report-addendum' });
    if (documents.length) {
      r = { ...r, documents: mergeDocuments(r.documents, documents) };
      touched.set(r.id, r);
    }
    if (r.status !== 'held') notHeld.set(r.id, (notHeld.get(r.id) ?? 0) + 1);
  }
  for (const p of pledges) implied(p.stateIso3, p.session, p.cycle, false, p.sourceLine);
  for (const [id, n] of notHeld) {
    const r = current(id)!;
    warnings.push(
      `review ${id} is recorded as "${r.statusAsRecorded ?? r.status}", but this file records ${n} recommendation(s) from it; its status is left as recorded (import a newer calendar to update it)`,
    );
  }

  const mergedReviews = [...touched.values()].sort((a, b) => compare(a.session, b.session) || compare(a.stateIso3, b.stateIso3));
  for (const s of mergedSessions) {
    const check = UprSessionRecord.safeParse(s);
    if (!check.success) problems.push(`session ${s.session} merged with the stored one: ${reason(check.error)}`);
  }
  for (const r of mergedReviews) {
    const check = UprReviewRecord.safeParse(r);
    if (!check.success) problems.push(`review ${r.id} merged with the stored one: ${reason(check.error)}`);
  }
  if (problems.length) throw new UprImportError(problems);

  // --- worth a look: the same review from two sources; stored records the file leaves out ------------
  const addedByReview = new Map<string, number>();
  for (const r of recommendations) if (!alreadyStored.has(r.id)) addedByReview.set(r.reviewId, (addedByReview.get(r.reviewId) ?? 0) + 1);
  // Recommendations other sources hold in the reviews the file adds to, by review and source.
  const others = new Map<string, { sourceId: string; n: number }[]>();
  for (const { reviewId, sourceId, n } of await store.recommendationsFromOtherSources([...addedByReview.keys()], source.id))
    others.set(reviewId, [...(others.get(reviewId) ?? []), { sourceId, n }]);
  let keptFromSource = 0;
  if (storedSource) {
    const ofSource = await store.countRecommendationsOfSource(source.id);
    let inFile = 0;
    for (const r of alreadyStored.values()) if (r.sourceId === source.id) inFile++;
    keptFromSource = ofSource - inFile;
  }
  for (const [reviewId, bySource] of others) {
    const held = bySource.map(({ sourceId, n }) => `${n} from ${sourceId}`).join(', ');
    warnings.push(
      `review ${reviewId}: this file adds ${addedByReview.get(reviewId)} recommendation(s) to the ${held}; ` +
        'if they are the same recommendations recorded by another source, they are now counted twice',
    );
  }
  if (keptFromSource > 0) {
    warnings.push(
      `${keptFromSource} recommendation(s) of source ${source.id} in the database are not in this file; they are kept (an import never deletes)`,
    );
  }

  // --- write -----------------------------------------------------------------------------------------
  const data: UprDataset = { sessions: mergedSessions, reviews: mergedReviews, recommendations, pledges };
  if (dryRun) {
    const diff = await store.diff(data, {
      link: linkRecommendation,
      stored: alreadyStored,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    return { diff, sourceAdded: !storedSource && !isEmptyUprDiff(diff), warnings, dryRun };
  }

  const at = new Date().toISOString();
  let diff: UprWriteDiff | undefined;
  try {
    await store.transaction(at, async (writes, changes) => {
      if (!storedSource) {
        await writes.insertSource(source);
        changes.record({
          at,
          actor: prepared.actor,
          action: 'insert',
          entity: 'source',
          entityId: source.id,
          after: source,
          sourceId: source.id,
        });
      }
      diff = await writes.write(data, {
        link: linkRecommendation,
        audit: { actor: prepared.actor, at, sourceId: source.id, recorder: changes },
        stored: alreadyStored,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
      if (isEmptyUprDiff(diff)) throw new NothingToWrite();
    });
  } catch (error) {
    if (!(error instanceof NothingToWrite)) throw error;
  }
  return { diff: diff!, sourceAdded: !storedSource && !isEmptyUprDiff(diff!), warnings, dryRun };
}

function mergeDocuments(stored: UprReviewRecord['documents'], incoming: UprReviewRecord['documents']): UprReviewRecord['documents'] {
  const fresh = incoming.filter(
    (d, i) => !stored.some((s) => s.symbol === d.symbol) && incoming.findIndex((x) => x.symbol === d.symbol) === i,
  );
  return fresh.length ? [...stored, ...fresh].sort((a, b) => compare(a.symbol, b.symbol)) : stored;
}

/** Counts per kind, and one line per changed record (at most `limit` per kind), for the command line. */
export function formatUprDiff(diff: UprWriteDiff, limit = 20): string[] {
  const lines: string[] = [];
  const kinds = [
    ['sessions', 'session'],
    ['reviews', 'review'],
    ['recommendations', 'recommendation'],
    ['pledges', 'pledge'],
  ] as const;
  for (const [kind] of kinds) {
    const d = diff[kind];
    lines.push(`${`${kind}:`.padEnd(17)}${d.added} added, ${d.changed.length} changed, ${d.unchanged} unchanged`);
  }
  for (const [kind, one] of kinds) {
    const changed = diff[kind].changed;
    for (const c of changed.slice(0, limit)) lines.push(`~ ${one} ${c.id}: ${c.fields.join(', ')}`);
    if (changed.length > limit) lines.push(`~ … and ${changed.length - limit} more changed ${kind}`);
  }
  return lines;
}
