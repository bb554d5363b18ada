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
 * Whether `url` is an http:// or https:// address. Every URL an importer stores becomes a link on
 * the dashboard: a `javascript:` or `data:` address would run or show whatever its author chose
 * when a reader clicks it, so nothing else is stored.
 */
export function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** The reason `url` may not be stored, or null when it may (http or https). */
export function urlProblem(url: string, what: string): string | null {
  return isHttpUrl(url) ? null : `${what} ${JSON.stringify(url)} is not an http:// or https:// address`;
}

/**
 * The source record of an import (`command` e.g. "import:cat"). Its id is `<command>-<title slug>-<hash
 * of title and URL>` ("import-cat-…"): the same title and URL always give the same id, so a re-import is
 * recognised and changes nothing. Throws when the URL is not http(s) (see isHttpUrl).
 */
export function importedSource(command: `import:${string}`, source: ImportSource): SourceRecord {
  const problem = source.url === null ? null : urlProblem(source.url, '--source-url');
  if (problem !== null) throw new Error(problem);
  const slug = source.title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40)
    .replace(/-$/, '');
  const hash = createHash('sha1')
    .update(`${source.title}\n${source.url ?? ''}`)
    .digest('hex')
    .slice(0, 8);
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
