import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { Source } from '../schemas/common.js';
import type { Database } from './database.js';

const SourcesFile = z.array(Source);

/** Reads and validates one seed file; a missing file is an empty list, a bad one stops the seed. */
function readSeedFile<T>(seedDir: string, name: string, schema: z.ZodType<T[]>): T[] {
  const path = join(seedDir, name);
  if (!existsSync(path)) return [];
  const parsed = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`Seed file ${path} is invalid at ${first?.path.join('.')}: ${first?.message}`);
  }
  return parsed.data;
}

/**
 * Loads the bundled dataset (data/seed/*.json) into an empty database, in one transaction:
 * either all of it lands or none. A database that already holds data is left alone, so
 * restarting the server never overwrites what users or imports have added.
 */
export async function seedIfEmpty(db: Kysely<Database>, seedDir: string): Promise<{ seeded: boolean }> {
  const existing = await db.selectFrom('source').select('id').limit(1).executeTakeFirst();
  if (existing) return { seeded: false };
  const sources = readSeedFile(seedDir, 'sources.json', SourcesFile);
  await db.transaction().execute(async (trx) => {
    for (const source of sources) await trx.insertInto('source').values(source).execute();
  });
  return { seeded: sources.length > 0 };
}
