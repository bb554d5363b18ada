/**
 * Imports a UN Treaty Collection status page (the participants table with its "a"/"d"/"A"/"AA"
 * suffixes, declarations and end notes) into the events of one instrument.
 */
import type { Kysely } from 'kysely';
import { applyEventImport, type Database, type EventDiff, refusalMessage, type SourceRow } from '@tracker/api';
import type { InstrumentId } from '@tracker/api/domain';
import { INPUT_LIMITS, readInputText } from '../import-upr/input-file.js';
import { urlProblem } from '../normalise/source-record.js';
import { parseStatusPage, statusPageToEvents, type UntcStatusPage } from '../untc/parse-status-page.js';
import type { StateNames } from '../untc/status-page-events.js';
import { stateNames } from '../untc/state-names.js';

/** A page refused: nothing is imported. */
export class UntcImportError extends Error {
  constructor(readonly problems: string[]) {
    super(refusalMessage(problems));
  }
}

/** The text of a saved status page: UTF-8 text of at most 10 MB (see input-file.ts). */
export const readStatusPageFile = (path: string): string => readInputText(path, INPUT_LIMITS.untcPage);

/**
 * Checks on the page's text before it is parsed, so that a wrong file is refused at once: an
 * HTML page (a browser's "Save Page As" of a UNTC status page), complete (a cut page lacks the
 * rows and notes after the cut, which would read as events withdrawn), with its status date.
 */
function pageTextProblem(html: string): string | null {
  if (!/<html[\s>]|<!doctype html/i.test(html.slice(0, 4096))) {
    return 'the file is not an HTML page: save the UNTC status page from the browser (Save Page As, "Web Page, HTML only")';
  }
  if (!/<\/html>\s*$/i.test(html.slice(-4096)))
    return 'the page ends before </html>: the file is cut (saved or downloaded before it had loaded?); save the page again';
  if (!/STATUS AS AT\s*:/.test(html)) return 'UNTC page: no "STATUS AS AT : dd-mm-yyyy" line: is it a UNTC status page?';
  return null;
}

/**
 * What is wrong with the participants table: no rows; a participant listed twice (under the same
 * name or two names of one State), with the same dates or others; fewer or more parties and
 * signatories than the page's own "Signatories : 83. Parties : 175" line says (rows missing from
 * a page saved before it had loaded). Former States (no row in the registry) are not counted.
 */
function participantProblems(page: UntcStatusPage, names: StateNames): string[] {
  if (page.participants.length === 0) return ['no rows: the participants table is empty'];
  const problems: string[] = [];
  const seen = new Map<string, { row: number; dates: string }>();
  let parties = 0;
  let signatories = 0;
  page.participants.forEach((p, i) => {
    const iso3 = names.resolve(p.name);
    if (iso3 === null) return;
    if (p.consent) parties++;
    if (p.signature) signatories++;
    const key = iso3 ?? p.name;
    const dates = `${p.rawSignature}|${p.rawConsent}`;
    const first = seen.get(key);
    if (!first) seen.set(key, { row: i + 1, dates });
    else
      problems.push(
        `${p.name} is listed twice in the participants table (rows ${first.row} and ${i + 1})${first.dates === dates ? '' : ', with other dates'}`,
      );
  });
  const counts = [
    {
      stated: page.counts.parties,
      found: parties,
      label: 'Parties',
      what: 'parties (rows with a date of ratification, accession, succession, acceptance or approval)',
    },
    { stated: page.counts.signatories, found: signatories, label: 'Signatories', what: 'signatories (rows with a date of signature)' },
  ];
  for (const { stated, found, label, what } of counts) {
    if (stated !== null && stated !== found) {
      problems.push(
        `the page says "${label} : ${stated}", but its participants table has ${found} ${what}: rows are ${found < stated ? 'missing' : 'too many'}`,
      );
    }
  }
  return problems;
}

export interface UntcImportResult {
  statusAsAt: string;
  source: SourceRow;
  diff: EventDiff;
  skipped: { participant: string; reason: string }[];
}

/** "IV-9-b" -> chapter "IV", number "9", letter "b": how the page prints its own reference. */
function referenceParts(untcReference: string) {
  const match = /^([IVXL]+)-(\d+)(?:-([a-z]))?$/.exec(untcReference);
  if (!match) throw new Error(`Unexpected UNTC reference "${untcReference}"`);
  return { chapter: match[1]!, number: match[2]!, letter: match[3] ?? null };
}

/** The parse of a page, its errors as a refusal. */
function parsed(html: string): UntcStatusPage {
  const problem = pageTextProblem(html);
  if (problem) throw new UntcImportError([problem]);
  try {
    return parseStatusPage(html);
  } catch (error) {
    throw new UntcImportError([(error as Error).message]);
  }
}

/**
 * Parses `html` and applies it to `instrumentId` (or only computes the diff with `dryRun`).
 * Throws, changing nothing, when the page is not that instrument's, is cut or incomplete (see
 * participantProblems), names a participant that is not a known state, or would remove stored
 * events without `allowRemovals`.
 */
export async function importUntcStatusPage(
  db: Kysely<Database>,
  {
    instrumentId,
    html,
    dryRun,
    allowRemovals = false,
  }: { instrumentId: InstrumentId; html: string; dryRun: boolean; allowRemovals?: boolean },
): Promise<UntcImportResult> {
  const instrument = await db.selectFrom('instrument').select(['id', 'untcReference']).where('id', '=', instrumentId).executeTakeFirst();
  if (!instrument) throw new Error(`Unknown instrument "${instrumentId}"`);
  const page = parsed(html);

  const expected = referenceParts(instrument.untcReference);
  const pageNumber = (page.treatyNumber ?? '').replace(/\s+/g, '');
  const pageChapter = (page.chapter ?? '').replace(/^CHAPTER\s+/i, '').trim();
  const expectedNumber = `${expected.number}.${expected.letter ?? ''}`;
  if (pageChapter !== expected.chapter || pageNumber !== expectedNumber) {
    throw new UntcImportError([
      `This page is chapter ${pageChapter || '?'} number ${pageNumber || '?'}, not ${instrument.untcReference} (${instrumentId}): wrong --instrument or wrong file?`,
    ]);
  }

  const prefix = `untc-${instrument.untcReference.toLowerCase()}-`;
  const sourceId = `${prefix}${page.statusAsAt}`;
  // Keep the registered source when re-importing the same page; otherwise describe the new one
  // like the family's latest, with the URL the family already uses.
  const family = await db.selectFrom('source').selectAll().where('id', 'like', `${prefix}%`).orderBy('asOf', 'desc').execute();
  const source: SourceRow = family.find((s) => s.id === sourceId) ?? {
    id: sourceId,
    title: `UNTC status page ${instrument.untcReference}, ${page.title} (status as at ${page.statusAsAt})`,
    publisher: 'United Nations Treaty Collection',
    url: family[0]?.url ?? null,
    asOf: page.statusAsAt,
    rawFile: null,
    note: 'Imported with scripts/src/import-untc from a saved status page.',
  };

  // The address is copied from the family's sources into the new source and every event: a link.
  const badUrl = source.url === null ? null : urlProblem(source.url, `the address of source ${family[0]?.id ?? source.id}`);
  if (badUrl) throw new UntcImportError([`${badUrl}: correct that source first`]);

  const states = await db.selectFrom('state').select(['iso3', 'nameEn']).execute();
  const names = stateNames(states);
  const problems = participantProblems(page, names);
  if (problems.length) throw new UntcImportError(problems);
  let events, skipped;
  try {
    ({ events, skipped } = statusPageToEvents(page, { instrumentId, sourceId, sourceUrl: source.url, names }));
  } catch (error) {
    throw new UntcImportError([(error as Error).message]);
  }
  const unknown = skipped.filter((s) => !/former/i.test(s.reason));
  if (unknown.length) throw new UntcImportError(unknown.map((s) => `participant not matched to a state: ${s.participant}: ${s.reason}`));
  const diff = await applyEventImport(
    db,
    { instrumentId, sourceIdPrefix: prefix, source, events, actor: 'import:untc' },
    { dryRun, allowRemovals },
  );
  return { statusAsAt: page.statusAsAt, source, diff, skipped };
}

/** The diff as lines a person can review: + added, - removed, ~ changed (field: before -> after), = kept as an editor recorded it. */
export function formatDiff(diff: EventDiff): string[] {
  const describe = (e: { id: string; note: string | null }) => e.id;
  return [
    ...diff.added.map((e) => `+ ${describe(e)}`),
    ...diff.removed.map((e) => `- ${describe(e)}`),
    ...diff.changed.map(
      ({ before, after, fields }) =>
        `~ ${after.id}: ${fields.map((f) => `${f}: ${JSON.stringify(before[f])} -> ${JSON.stringify(after[f])}`).join('; ')}`,
    ),
    ...diff.keptAsEdited.map((e) => `= ${describe(e)} (kept: an editor corrected or retracted it since; review it on its event page)`),
  ];
}
