import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file's location so the normaliser works from any cwd. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export const rawDir = join(repoRoot, 'data/raw');
export const seedDir = join(repoRoot, 'data/seed');

/** Absolute path of a file under data/raw/, given as e.g. `treaties/uncat_participants.csv`. */
export function rawPath(relativeToRaw: string): string {
  return join(rawDir, relativeToRaw);
}

/** The repo-relative form (`data/raw/...`) used in sources.json and in error messages. */
export function repoRelative(absolutePath: string): string {
  return relative(repoRoot, absolutePath).split('\\').join('/');
}
