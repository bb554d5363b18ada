import { readFileSync } from 'node:fs';
import { inject } from 'vitest';

// Provided by api/test/global-setup.ts, which scripts/vitest.config.ts runs once for the run.
declare module 'vitest' {
  interface ProvidedContext {
    seededImagePath: string;
  }
}

let image: Buffer | undefined;
/**
 * The database api/test/global-setup.ts migrated and seeded once for the run, as bytes: `createDb(image)`
 * gives a test its own in-memory copy, and writing them to a file gives a command line one.
 */
export function seededImage(): Buffer {
  image ??= readFileSync(inject('seededImagePath'));
  return image;
}
