/** Shared by the UPR tests: the committed states registry and the bundled raw files. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StateRecord } from '@tracker/api';
import { rawPath, seedDir } from '../normalise/paths.js';
import { createStateNameResolver } from './names.js';

export const registry = JSON.parse(readFileSync(join(seedDir, 'states.json'), 'utf8')) as StateRecord[];
export const states = createStateNameResolver(registry);

/** The text of a file under data/raw/upr/. */
export const rawUpr = (name: string): string => readFileSync(rawPath(`upr/${name}`), 'utf8');

/** The text with line `n` (1-based) replaced. */
export function replaceLine(text: string, n: number, replace: (line: string) => string): string {
  const lines = text.split('\n');
  lines[n - 1] = replace(lines[n - 1]!);
  return lines.join('\n');
}

export const UPR_INFO_FILES = [
  'upr-info-export_2015_sessions-01-05.csv',
  'upr-info-export_2015_sessions-06-09.csv',
  'upr-info-export_2015_sessions-10-13.csv',
  'upr-info-export_2015_sessions-14-17.csv',
  'upr-info-export_2015_sessions-18-20.csv',
] as const;

/** The UPR Info export of 25 July 2018, as bundled (semicolon-separated, original header). */
export const UPR_INFO_2018_FILES = [
  'upr-info-export_2018_sessions-01-06.csv',
  'upr-info-export_2018_sessions-07-10.csv',
  'upr-info-export_2018_sessions-11-14.csv',
  'upr-info-export_2018_sessions-15-18.csv',
  'upr-info-export_2018_sessions-19-21.csv',
  'upr-info-export_2018_sessions-22-24.csv',
  'upr-info-export_2018_sessions-25-27.csv',
] as const;
