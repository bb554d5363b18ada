/**
 * UNCAT and OPCAT events and header counts, produced by the UNTC status-page parser from the
 * saved HTML pages, so that re-importing a page reproduces exactly the bundled events.
 */
import { readFileSync } from 'node:fs';
import type { InstrumentId } from '@tracker/api/domain';
import { parseStatusPage, statusPageToEvents, type UntcStatusPage } from '../untc/parse-status-page.js';
import type { StateNames } from '../untc/status-page-events.js';
import type { TracedEvent } from './common.js';
import { rawPath, repoRelative } from './paths.js';
import { sourceUrl } from './sources.js';

export interface UntcPageResult {
  instrumentId: InstrumentId;
  sourceId: string;
  page: UntcStatusPage;
  events: TracedEvent[];
  skipped: { participant: string; reason: string }[];
}

export const UNTC_PAGES: { instrumentId: InstrumentId; file: string; sourceId: string }[] = [
  { instrumentId: 'uncat', file: 'treaties/raw/untc-html/IV-9_uncat_2026-02-03.html', sourceId: 'untc-iv-9-2026-02-03' },
  { instrumentId: 'opcat', file: 'treaties/raw/untc-html/IV-9-b_opcat_2026-02-03.html', sourceId: 'untc-iv-9-b-2026-02-03' },
];

export function buildUntcPages(names: StateNames): UntcPageResult[] {
  return UNTC_PAGES.map(({ instrumentId, file, sourceId }) => {
    const path = rawPath(file);
    const page = parseStatusPage(readFileSync(path, 'utf8'));
    const { events, skipped } = statusPageToEvents(page, { instrumentId, sourceId, sourceUrl: sourceUrl(sourceId), names });
    const origin = { file: repoRelative(path), line: null };
    return {
      instrumentId,
      sourceId,
      page,
      // Ids are already assigned by the mapper; the assembler keeps them.
      events: events.map(({ id: _id, ...event }) => ({ event, origin })),
      skipped,
    };
  });
}
