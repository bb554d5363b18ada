/**
 * Imports a UN Treaty Collection status page (the participants table with its "a"/"d"/"A"/"AA"
 * suffixes, declarations and end notes) into the events of one instrument.
 */
import type { Kysely } from 'kysely';
import type { Database, SourceRow } from '@tracker/api/db/database';
import { applyEventImport, type EventDiff } from '@tracker/api/services/event-import';
import type { InstrumentId } from '@tracker/api/domain';
import { parseStatusPage, statusPageToEvents } from '../untc/parse-status-page.js';
import { stateNames } from '../untc/state-names.js';

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

/**
 * Parses `html` and applies it to `instrumentId` (or only computes the diff with `dryRun`).
 * Throws, changing nothing, when the page is not that instrument's, or names a participant
 * that is not a known state.
 */
export async function importUntcStatusPage(
  db: Kysely<Database>,
  { instrumentId, html, dryRun }: { instrumentId: InstrumentId; html: string; dryRun: boolean },
): Promise<UntcImportResult> {
  const instrument = await db.selectFrom('instrument').select(['id', 'untcReference']).where('id', '=', instrumentId).executeTakeFirst();
  if (!instrument) throw new Error(`Unknown instrument "${instrumentId}"`);
  const page = parseStatusPage(html);

  const expected = referenceParts(instrument.untcReference);
  const pageNumber = (page.treatyNumber ?? '').replace(/\s+/g, '');
  const pageChapter = (page.chapter ?? '').replace(/^CHAPTER\s+/i, '').trim();
  const expectedNumber = `${expected.number}.${expected.letter ?? ''}`;
  if (pageChapter !== expected.chapter || pageNumber !== expectedNumber) {
    throw new Error(
      `This page is chapter ${pageChapter || '?'} number ${pageNumber || '?'}, not ${instrument.untcReference} (${instrumentId}): wrong --instrument or wrong file?`,
    );
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

  const states = await db.selectFrom('state').select(['iso3', 'nameEn']).execute();
  const { events, skipped } = statusPageToEvents(page, { instrumentId, sourceId, sourceUrl: source.url, names: stateNames(states) });
  const unknown = skipped.filter((s) => !/former/i.test(s.reason));
  if (unknown.length) {
    throw new Error(`Participants not matched to a state (nothing imported):\n${unknown.map((s) => `  ${s.participant}: ${s.reason}`).join('\n')}`);
  }
  const diff = await applyEventImport(db, { instrumentId, sourceIdPrefix: prefix, source, events, actor: 'import:untc' }, { dryRun });
  return { statusAsAt: page.statusAsAt, source, diff, skipped };
}

/** The diff as lines a person can review: + added, - removed, ~ changed (field: before -> after). */
export function formatDiff(diff: EventDiff): string[] {
  const describe = (e: { id: string; note: string | null }) => e.id;
  return [
    ...diff.added.map((e) => `+ ${describe(e)}`),
    ...diff.removed.map((e) => `- ${describe(e)}`),
    ...diff.changed.map(
      ({ before, after, fields }) =>
        `~ ${after.id}: ${fields.map((f) => `${f}: ${JSON.stringify(before[f])} -> ${JSON.stringify(after[f])}`).join('; ')}`,
    ),
  ];
}
