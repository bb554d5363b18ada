import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import './global-setup.js';

let image: Buffer | undefined;
/**
 * The database ./global-setup.ts migrated and seeded once for the run, as bytes: `createDb(image)`
 * gives a test its own in-memory copy, and writing them to a file gives a command line one.
 */
export function seededImage(): Buffer {
  image ??= readFileSync(inject('seededImagePath'));
  return image;
}
