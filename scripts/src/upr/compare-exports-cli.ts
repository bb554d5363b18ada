/**
 * Prints how the UPR Info exports of 2015 and 2018 agree where they overlap (compare-exports.ts).
 *
 *   pnpm -F @tracker/scripts upr:compare-exports
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDir } from '../normalise/paths.js';
import { compareBundledExports, formatComparison } from './compare-exports.js';
import type { StateNames } from './names.js';

const states = JSON.parse(readFileSync(join(seedDir, 'states.json'), 'utf8')) as StateNames[];
for (const line of formatComparison(compareBundledExports(states))) console.log(line);
