import type { SourceRecord } from './schemas.js';

/** A source as a registry defines it: the fields a definition does not give are null ("not recorded"). */
export function sourceRecord<T extends SourceRecord>(definition: Pick<T, 'id' | 'title'> & Partial<T>): T {
  return { publisher: null, url: null, asOf: null, rawFile: null, note: null, ...definition } as T;
}
