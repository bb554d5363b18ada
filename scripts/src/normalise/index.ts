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
import { assembleSeed } from './assemble.js';
import { seedDir } from './paths.js';

function main(): void {
  const seed = assembleSeed();
  if (seed.problems.length > 0) {
    console.error(`[normalise] ${seed.problems.length} problem(s); nothing written:`);
    for (const problem of seed.problems) console.error(`  ${problem}`);
    process.exitCode = 1;
    return;
  }
  mkdirSync(seedDir, { recursive: true });
  for (const [name, records] of Object.entries(seed.files)) {
    writeFileSync(join(seedDir, name), `${JSON.stringify(records, null, 2)}\n`);
  }
  console.log(`[normalise] wrote ${Object.entries(seed.files).map(([n, r]) => `${n} (${r.length})`).join(', ')} to data/seed/`);
  for (const line of seed.summary) console.log(`[normalise] ${line}`);
}

main();
