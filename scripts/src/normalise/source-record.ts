import { createHash } from 'node:crypto';
import type { SourceRecord } from './schemas.js';

/** A source as a registry defines it: the fields a definition does not give are null ("not recorded"). */
export function sourceRecord<T extends SourceRecord>(definition: Pick<T, 'id' | 'title'> & Partial<T>): T {
  return { publisher: null, url: null, asOf: null, rawFile: null, note: null, ...definition } as T;
}

/** A source described on an importer's command line. */
export interface ImportSource {
  title: string;
  url: string | null;
  asOf: string | null;
  publisher?: string | null;
}

/**
 * The source record of an import (`command` e.g. "import:cat"). Its id is `<command>-<title slug>-<hash
 * of title and URL>` ("import-cat-…"): the same title and URL always give the same id, so a re-import is
 * recognised and changes nothing.
 */
export function importedSource(command: `import:${string}`, source: ImportSource): SourceRecord {
  const slug = source.title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40).replace(/-$/, '');
  const hash = createHash('sha1').update(`${source.title}\n${source.url ?? ''}`).digest('hex').slice(0, 8);
  return {
    id: `${command.replace(':', '-')}-${slug || 'source'}-${hash}`,
    title: source.title,
    publisher: source.publisher ?? null,
    url: source.url,
    asOf: source.asOf,
    rawFile: null,
    note: `Imported with ${command}.`,
  };
}
