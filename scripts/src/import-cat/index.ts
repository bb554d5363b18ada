/**
 * Imports CAT reporting records (reports, dialogues, concluding observations, follow-up) to
 * complete the bundled data.
 *
 *   npx --yes pnpm@10 -F @tracker/scripts import:cat -- --file history.csv --source-title "…" --source-url URL --as-of YYYY-MM-DD [--dry-run]
 *   npx --yes pnpm@10 -F @tracker/scripts import:cat -- --format ohchr --state KIR --file table.csv --source-title "…" --as-of YYYY-MM-DD
 *
 * --format tracker (default) reads the tracker's CSV; --format ohchr an OHCHR treaty body
 * database reporting-status table saved as CSV. Both are described in data/import-formats.md. The
 * whole file is applied in one transaction or not at all; the same file twice changes nothing.
 * Exit status: 0 applied (or nothing to change), 1 refused input, 2 a usage or unexpected error.
 */
import { parseArgs } from 'node:util';
import { CatImportError, createDb, formatCatDiff, listProblems, loadConfig, migrateToLatest, seedIfEmpty } from '@tracker/api';
import { InputFileError } from '../import-upr/input-file.js';
import { importCatFile } from './import-cat.js';
import { importSource } from './parse.js';

const usage =
  'usage: import:cat --file <file.csv> --source-title <title> --as-of <YYYY-MM-DD> [--source-url <url>] [--format tracker|ohchr] [--state <ISO3>] [--database <path>] [--dry-run]';

function fail(message: string, code = 2): never {
  console.error(`[import:cat] ${message}`);
  process.exit(code);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        file: { type: 'string' },
        format: { type: 'string', default: 'tracker' },
        state: { type: 'string' },
        'source-title': { type: 'string' },
        'source-url': { type: 'string' },
        'as-of': { type: 'string' },
        database: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    return fail(`${(err as Error).message}\n${usage}`);
  }
})();
if (!values.file || !values['source-title'] || !values['as-of']) fail(usage);
if (!/^\d{4}-\d{2}-\d{2}$/.test(values['as-of'])) fail(`--as-of must be a date YYYY-MM-DD, not "${values['as-of']}"`);
if (values.format !== 'tracker' && values.format !== 'ohchr') fail(`--format must be "tracker" or "ohchr", not "${values.format}"`);

const config = loadConfig({ ...process.env, ...(values.database ? { DATABASE_PATH: values.database } : {}) });
const db = createDb(config.database);
try {
  await migrateToLatest(db);
  await seedIfEmpty(db, config.seedDir);
  const source = importSource({ title: values['source-title'], url: values['source-url'] ?? null, asOf: values['as-of'] });
  const dryRun = values['dry-run'];
  const { skipped, diff } = await importCatFile(db, {
    path: values.file,
    format: values.format,
    ...(values.state ? { stateIso3: values.state } : {}),
    source,
    dryRun,
  });
  for (const line of listProblems(skipped.map((s) => `line ${s.line}: ${s.reason}`))) console.log(`(skipped ${line})`);
  for (const line of formatCatDiff(diff)) console.log(line);
  console.log(
    `[import:cat] ${values.file}: ${diff.added.length} added, ${diff.changed.length} changed, ${diff.unchanged} unchanged, ${diff.histories.length} histories updated` +
      `${dryRun ? ' (dry run: nothing written)' : ''}`,
  );
} catch (err) {
  fail((err as Error).message, err instanceof CatImportError || err instanceof InputFileError ? 1 : 2);
} finally {
  await db.destroy();
}
