/**
 * Scores the UPR linker (api/src/domain/upr-linking.ts) against the hand-labelled sample
 * data/labels/upr-linking-sample.csv, and optionally runs it over every real recommendation.
 *
 *   pnpm -F @tracker/scripts exec tsx src/upr-linking/evaluate.ts            # scores + mismatches
 *   pnpm -F @tracker/scripts exec tsx src/upr-linking/evaluate.ts --all      # + counts over all rows, throughput
 *   options: --quiet (no mismatch list), --stratum NAME (score one stratum of the sample only)
 *
 * Scores:
 * - per instrument: a row "concerns" the instrument (instrument-level, actions ignored);
 * - per action: instrument+action pairs with that action (a pair = one instrument and one action
 *   asked for it, the `links` column of the sample);
 * - ratify-accede pairs overall, and all pairs overall.
 * Every row where the predicted links differ from the labelled ones is listed.
 *
 * The sample's texts are checked against the raw files (data/raw/upr/, else the shared sources
 * folder) at the recorded line: the labels must describe the real text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { INSTRUMENT_IDS } from '@tracker/api/domain';
import { linkRecommendation, toPairs, UPR_LINK_ACTIONS, type UprLink } from '@tracker/api';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SAMPLE = join(repoRoot, 'data/labels/upr-linking-sample.csv');
const RAW_DIRS = [join(repoRoot, 'data/raw/upr')];

/**
 * The real recommendation files, their text column and separator (the voluntary pledges are not
 * recommendations). Of the 2018 export only the sessions the seed takes from it (21-27) are
 * sampled, so only its three files that hold them are listed.
 */
export const UPR_FILES: ReadonlyArray<{ file: string; textColumn: string; delimiter?: ';' }> = [
  { file: 'upr-info-export_2015_sessions-01-05.csv', textColumn: 'Text' },
  { file: 'upr-info-export_2015_sessions-06-09.csv', textColumn: 'Text' },
  { file: 'upr-info-export_2015_sessions-10-13.csv', textColumn: 'Text' },
  { file: 'upr-info-export_2015_sessions-14-17.csv', textColumn: 'Text' },
  { file: 'upr-info-export_2015_sessions-18-20.csv', textColumn: 'Text' },
  { file: 'slovenia_upr-recommendations_cycles2-4_ohchr-thematic-lists.csv', textColumn: 'recommendation_text' },
  { file: 'upr-info-export_2018_sessions-19-21.csv', textColumn: 'Recommendation', delimiter: ';' },
  { file: 'upr-info-export_2018_sessions-22-24.csv', textColumn: 'Recommendation', delimiter: ';' },
  { file: 'upr-info-export_2018_sessions-25-27.csv', textColumn: 'Recommendation', delimiter: ';' },
];

export interface SampleRow {
  sourceFile: string;
  line: number;
  text: string;
  /** Labelled pairs as "instrument:action", plus "instrument" for an instrument without an action. */
  links: string[];
  instruments: string[];
  actions: string[];
  note: string;
  stratum: string;
}

function split(cell: string | undefined): string[] {
  return (cell ?? '')
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function readSample(path = SAMPLE): SampleRow[] {
  const records = parse<Record<string, string>>(readFileSync(path, 'utf8'), { columns: true, bom: true, skip_empty_lines: true });
  return records.map((r) => ({
    sourceFile: r.source_file ?? '',
    line: Number(r.line),
    text: r.text ?? '',
    links: split(r.links),
    instruments: split(r.instruments),
    actions: split(r.actions),
    note: r.note ?? '',
    stratum: r.stratum ?? '',
  }));
}

/** Links rendered the way the sample's `links` column writes them. */
export function linkStrings(links: readonly UprLink[]): string[] {
  return toPairs(links).map((p) => (p.action ? `${p.instrumentId}:${p.action}` : p.instrumentId));
}

interface Count {
  tp: number;
  fp: number;
  fn: number;
}
const empty = (): Count => ({ tp: 0, fp: 0, fn: 0 });
function score(c: Count, expected: boolean, predicted: boolean) {
  if (expected && predicted) c.tp++;
  else if (predicted) c.fp++;
  else if (expected) c.fn++;
}
const pct = (n: number, d: number) => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
function line(name: string, c: Count) {
  const support = c.tp + c.fn;
  return `${name.padEnd(36)} P ${pct(c.tp, c.tp + c.fp)}  R ${pct(c.tp, support)}  support ${String(support).padStart(4)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
}

/**
 * The texts of a raw file by the line each record starts on (the header is line 1). A record of the
 * 2018 export can span lines (a quoted cell with a line break), so the start line is counted from
 * where the record before it ended.
 */
function rawRows(file: string, textColumn: string, delimiter = ','): Map<number, string> | null {
  for (const dir of RAW_DIRS) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    // With `info`, each record comes with where it ends in the file.
    const records = parse<{ record: Record<string, string>; info: { lines: number } }>(readFileSync(path, 'utf8'), {
      columns: true,
      bom: true,
      delimiter,
      info: true,
    });
    const byLine = new Map<number, string>();
    let endOfPrevious = 1;
    for (const { record, info } of records) {
      byLine.set(endOfPrevious + 1, record[textColumn] ?? '');
      endOfPrevious = info.lines;
    }
    return byLine;
  }
  return null;
}

function main() {
  const args = process.argv.slice(2);
  const quiet = args.includes('--quiet');
  const stratumArg = args.indexOf('--stratum');
  const onlyStratum = stratumArg === -1 ? null : args[stratumArg + 1];

  const all = readSample();
  const sample = onlyStratum ? all.filter((r) => r.stratum === onlyStratum) : all;

  // The labels must describe the real text at the recorded line (files copied unchanged, header = line 1,
  // no record spans lines).
  let verified = 0;
  const problems: string[] = [];
  const cache = new Map<string, Map<number, string> | null>();
  for (const r of all) {
    const spec = UPR_FILES.find((f) => f.file === r.sourceFile);
    if (!spec) {
      problems.push(`${r.sourceFile}:${r.line} unknown source file`);
      continue;
    }
    if (!cache.has(spec.file)) cache.set(spec.file, rawRows(spec.file, spec.textColumn, spec.delimiter));
    const rows = cache.get(spec.file);
    if (!rows) continue;
    if (rows.get(r.line) !== r.text) problems.push(`${r.sourceFile}:${r.line} text differs from the raw file`);
    else verified++;
    const fromLinks = [...new Set(r.links.map((l) => l.split(':')[0]!))].sort();
    const fromActions = [...new Set(r.links.flatMap((l) => l.split(':')[1] ?? []))].sort();
    if (fromLinks.join('|') !== [...r.instruments].sort().join('|') || fromActions.join('|') !== [...r.actions].sort().join('|'))
      problems.push(`${r.sourceFile}:${r.line} instruments/actions columns disagree with links`);
  }
  console.log(
    `Sample: ${all.length} rows (${all.filter((r) => r.instruments.length > 0).length} with an instrument); texts verified against raw files: ${verified}`,
  );
  if (onlyStratum) console.log(`Scoring stratum "${onlyStratum}" only: ${sample.length} rows`);
  for (const p of problems) console.log(`  PROBLEM ${p}`);

  const perInstrument = new Map<string, Count>(INSTRUMENT_IDS.map((id) => [id, empty()]));
  const perAction = new Map<string, Count>(UPR_LINK_ACTIONS.map((a) => [a, empty()]));
  const ratifyPairs = empty();
  const allPairs = empty();
  const anyInstrument = empty();
  const mismatches: string[] = [];

  for (const r of sample) {
    const predictedLinks = linkRecommendation(r.text);
    const predicted = new Set(linkStrings(predictedLinks).map((s) => s));
    const predictedInstruments = new Set(predictedLinks.map((l) => l.instrumentId as string));
    const expected = new Set(r.links);
    const expectedInstruments = new Set(r.instruments);

    score(anyInstrument, expectedInstruments.size > 0, predictedInstruments.size > 0);
    for (const id of INSTRUMENT_IDS) score(perInstrument.get(id)!, expectedInstruments.has(id), predictedInstruments.has(id));
    const pairs = (s: Set<string>) => [...s].filter((x) => x.includes(':'));
    const exp = new Set(pairs(expected));
    const pred = new Set(pairs(predicted));
    for (const p of new Set([...exp, ...pred])) {
      const action = p.split(':')[1]!;
      score(perAction.get(action)!, exp.has(p), pred.has(p));
      score(allPairs, exp.has(p), pred.has(p));
      if (action === 'ratify-accede') score(ratifyPairs, exp.has(p), pred.has(p));
    }
    const e = [...expected].sort().join(' ');
    const g = [...predicted].sort().join(' ');
    if (e !== g) {
      mismatches.push(
        `${r.sourceFile}:${r.line} [${r.stratum}]\n    text:      ${r.text}\n    expected:  ${e || '(none)'}\n    predicted: ${g || '(none)'}${r.note ? `\n    note:      ${r.note}` : ''}`,
      );
    }
  }

  console.log('\nPer instrument (row concerns the instrument):');
  for (const [id, c] of perInstrument) console.log('  ' + line(id, c));
  console.log('  ' + line('(any instrument)', anyInstrument));
  console.log('\nPer action (instrument+action pairs):');
  for (const [a, c] of perAction) console.log('  ' + line(a, c));
  console.log('\nOverall:');
  console.log('  ' + line('ratify-accede pairs', ratifyPairs));
  console.log('  ' + line('all pairs', allPairs));
  console.log(`\nRows whose links differ from the labels: ${mismatches.length} of ${sample.length}`);
  if (!quiet) for (const m of mismatches) console.log('  ' + m);

  if (args.includes('--all')) runAll();
}

function runAll() {
  const texts: string[] = [];
  for (const { file, textColumn, delimiter } of UPR_FILES) {
    const rows = rawRows(file, textColumn, delimiter);
    if (!rows) throw new Error(`raw file not found: ${file} (looked in ${RAW_DIRS.join(', ')})`);
    texts.push(...rows.values());
  }
  const perInstrument = new Map<string, number>(INSTRUMENT_IDS.map((id) => [id, 0]));
  const perAction = new Map<string, number>(UPR_LINK_ACTIONS.map((a) => [a, 0]));
  const perPair = new Map<string, number>();
  let linked = 0;
  for (const t of texts) {
    const links = linkRecommendation(t);
    if (links.length > 0) linked++;
    const actions = new Set<string>();
    for (const l of links) {
      perInstrument.set(l.instrumentId, (perInstrument.get(l.instrumentId) ?? 0) + 1);
      for (const a of l.actions) actions.add(a);
    }
    for (const a of actions) perAction.set(a, (perAction.get(a) ?? 0) + 1);
    for (const s of linkStrings(links)) perPair.set(s, (perPair.get(s) ?? 0) + 1);
  }
  console.log(`\nAll real recommendations: ${texts.length} rows, ${linked} linked to at least one instrument`);
  console.log('Rows per instrument:');
  for (const [id, n] of perInstrument) console.log(`  ${id.padEnd(36)} ${String(n).padStart(6)}`);
  console.log('Rows per action (asked for at least one instrument):');
  for (const [a, n] of perAction) console.log(`  ${a.padEnd(36)} ${String(n).padStart(6)}`);
  console.log('Rows per instrument+action pair:');
  for (const [p, n] of [...perPair].sort((a, b) => b[1] - a[1])) console.log(`  ${p.padEnd(60)} ${String(n).padStart(6)}`);

  // Throughput: warm up, then time whole passes over every row.
  for (const t of texts) linkRecommendation(t);
  const passes = 5;
  const start = process.hrtime.bigint();
  let sink = 0;
  for (let p = 0; p < passes; p++) for (const t of texts) sink += linkRecommendation(t).length;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const positives = texts.filter((t) => linkRecommendation(t).length > 0);
  const start2 = process.hrtime.bigint();
  for (let p = 0; p < passes; p++) for (const t of positives) sink += linkRecommendation(t).length;
  const seconds2 = Number(process.hrtime.bigint() - start2) / 1e9;
  console.log(
    `\nThroughput: ${Math.round((passes * texts.length) / seconds).toLocaleString('en')} texts/s over all rows` +
      ` (${passes} passes, ${seconds.toFixed(2)} s); ${Math.round((passes * positives.length) / seconds2).toLocaleString('en')} texts/s over the ${positives.length} linked rows only (sink ${sink})`,
  );
}

main();
