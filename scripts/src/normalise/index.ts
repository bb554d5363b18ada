/**
 * Normalises data/raw/** into data/seed/*.json.
 *
 *   npx tsx scripts/src/normalise/index.ts            (from the repository root, or anywhere)
 *
 * Every record is validated with zod before anything is written; on any problem the script
 * prints file:line and the reason for each, writes nothing and exits 1. Output is sorted by id
 * and pretty-printed, so running it twice gives byte-identical files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeReadmeFigures } from '../readme-figures.js';
import { buildUprSeed, toNdjson, UPR_RECOMMENDATIONS_FILE } from '../upr/normalise.js';
import { assembleSeed } from './assemble.js';
import { seedDir } from './paths.js';

function main(): void {
  const seed = assembleSeed();
  // UPR reads the states the main seed just built; its recommendations go to NDJSON.
  const upr = buildUprSeed(seed.files['states.json']);
  const problems = [...seed.problems, ...upr.problems];
  if (problems.length > 0) {
    console.error(`[normalise] ${problems.length} problem(s); nothing written:`);
    for (const problem of problems) console.error(`  ${problem}`);
    process.exitCode = 1;
    return;
  }
  mkdirSync(seedDir, { recursive: true });
  const files = { ...seed.files, ...upr.files };
  for (const [name, records] of Object.entries(files)) {
    writeFileSync(join(seedDir, name), `${JSON.stringify(records, null, 2)}\n`);
  }
  writeFileSync(join(seedDir, UPR_RECOMMENDATIONS_FILE), toNdjson(upr.recommendations));
  const written = [
    ...Object.entries(files).map(([n, r]) => `${n} (${r.length})`),
    `${UPR_RECOMMENDATIONS_FILE} (${upr.recommendations.length})`,
  ];
  console.log(`[normalise] wrote ${written.join(', ')} to data/seed/`);
  for (const line of [...seed.summary, ...upr.summary]) console.log(`[normalise] ${line}`);
  // The counts data/README.md states follow from the seed just written.
  if (writeReadmeFigures()) console.log('[normalise] data/README.md: figures block rewritten from the seed');
}

main();
