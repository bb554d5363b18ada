/**
 * counts.json: party and signatory counts that a source published, for tests to check the
 * events against. Taken from the UNTC page headers (via the parser) and from
 * counts_crosscheck.csv / counts_supplement.csv. Counts that the source compilers worked out
 * themselves (reconstructions, "derived", "computed") are left out: they are not evidence.
 */
import type { InstrumentId } from '@tracker/api/domain';
import { INSTRUMENT_BY_CODE, joinNotes, leadingIsoDate, originOf, type Origin, type Problems } from './common.js';
import { readCsv } from './csv.js';
import type { CountRecord } from './schemas.js';
import { findSource } from './sources.js';
import type { UntcPageResult } from './untc-pages.js';

export interface TracedCount {
  record: CountRecord;
  origin: Origin;
}

/** Source wordings of counts the compilers derived rather than found. */
const NOT_PUBLISHED =
  /^(derived|reconstruction|computed|hand-coded|as above|rome_statute_participants\.csv|no UNTC copy found|UNVERIFIED)|^\d+ \(UNTC 2013\)|^Switzerland \(official\)/;

export function buildCounts(pages: UntcPageResult[], problems: Problems): { counts: TracedCount[]; leftOut: string[] } {
  const counts: TracedCount[] = [];
  const leftOut: string[] = [];

  for (const { instrumentId, sourceId, page } of pages) {
    const origin = { file: `page header of ${sourceId}`, line: null };
    for (const measure of ['parties', 'signatories'] as const) {
      const value = page.counts[measure];
      if (value === null) {
        problems.add(origin, `no ${measure} count in the page header`);
        continue;
      }
      counts.push({
        origin,
        record: {
          id: countId(instrumentId, measure, page.statusAsAt, sourceId),
          instrumentId,
          measure,
          value,
          asOf: page.statusAsAt,
          sourceId,
          note:
            measure === 'signatories'
              ? 'UNTC header count of every State that signed, including those that later ratified.'
              : 'UNTC header count.',
        },
      });
    }
  }

  for (const file of ['treaties/counts_crosscheck.csv', 'treaties/counts_supplement.csv']) {
    for (const row of readCsv(file)) {
      const where = `${row.file}:${row.line}`;
      const code = /\(([IVXL]+-[\d]+(?:-[a-z])?)\)/.exec(row.get('instrument'))?.[1];
      const instrumentId: InstrumentId | undefined = code ? INSTRUMENT_BY_CODE[code] : undefined;
      if (!instrumentId) {
        problems.add(originOf(row), `unknown instrument "${row.get('instrument')}"`);
        continue;
      }
      const source = row.get('source');
      if (NOT_PUBLISHED.test(source)) {
        leftOut.push(`${where} ${instrumentId} ${row.get('measure')} ${row.get('value')}: worked out by the compilers ("${source}")`);
        continue;
      }
      // "parties / signatories not ratified / withdrawn" = "125 / 29 / 2" (PGA): the first figure is a party count.
      const measure = row.get('measure');
      const value =
        measure === 'parties' ? row.get('value') : measure.startsWith('parties /') ? row.get('value').split('/')[0]!.trim() : null;
      if (value === null || !/^\d+$/.test(value)) {
        leftOut.push(`${where} ${instrumentId} ${measure} "${row.get('value')}": not a single published party count`);
        continue;
      }
      const sourceId = findSource(source, file.includes('supplement') ? row.opt('source_url') : null, instrumentId);
      if (!sourceId) {
        problems.add(originOf(row), `source "${source}" is not in the source registry`);
        continue;
      }
      const asOfText = row.get('as_of');
      const asOf = leadingIsoDate(asOfText);
      const record: CountRecord = {
        id: countId(instrumentId, 'parties', asOf, sourceId),
        instrumentId,
        measure: 'parties',
        value: Number(value),
        asOf,
        sourceId,
        note: joinNotes(asOf === asOfText.trim() ? null : `As of: ${asOfText || 'not given'}.`, row.opt('note')),
      };
      const same = counts.find((c) => c.record.id === record.id);
      if (same) {
        // The UNTC header counts also appear in counts_crosscheck.csv; one record is enough.
        if (same.record.value !== record.value)
          problems.add(originOf(row), `count ${record.value} contradicts ${same.record.value} for ${record.id}`);
        continue;
      }
      counts.push({ origin: originOf(row), record });
    }
  }
  return { counts, leftOut };
}

function countId(instrumentId: InstrumentId, measure: string, asOf: string | null, sourceId: string): string {
  return `${instrumentId}:${measure}:${asOf ?? 'undated'}:${sourceId}`;
}
