/**
 * What the importers (import:cat, import:untc, import:upr) check about a file before they parse
 * it, so that a wrong file is refused in a moment with a message saying what to do, instead of
 * being parsed for minutes or stored garbled:
 *
 * - its size, before reading it: each kind of file has a limit far above the real files;
 * - that it is text: a NUL byte means a binary file (a workbook, a PDF, an image), and a UTF-16
 *   byte order mark text in an encoding the importers do not read;
 * - that the text is UTF-8: a Latin-1 or Windows-1252 file would otherwise be stored with U+FFFD
 *   replacement characters in place of its accented letters; the first bad byte is named by line;
 * - that it is not empty.
 *
 * A UTF-8 byte order mark is fine (Excel's "CSV UTF-8" writes one) and is dropped.
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';

/** A file refused before it is parsed: nothing is imported. */
export class InputFileError extends Error {}

const MB = 1024 * 1024;

export interface InputLimit {
  /** The command, for the message: "import:upr". */
  command: `import:${string}`;
  maxBytes: number;
  /** How large the real files are, so the message shows how far off the file is. */
  realFiles: string;
  /** What to do with a real file that is larger, when there is something. */
  advice?: string;
}

/**
 * The largest file each importer reads: ten to forty times the largest real file of its kind
 * (data/raw/), so no real file comes near it, and small enough that a wrong file is refused
 * before it costs minutes or gigabytes. Documented in data/import-formats.md.
 */
export const INPUT_LIMITS = {
  catCsv: { command: 'import:cat', maxBytes: 10 * MB, realFiles: 'the bundled CAT reporting files are under 40 kB' },
  untcPage: { command: 'import:untc', maxBytes: 10 * MB, realFiles: 'the saved UNCAT status page, the longest, is 0.9 MB' },
  uprTable: {
    command: 'import:upr',
    maxBytes: 100 * MB,
    realFiles: 'the UPR Info exports are 1.5 to 2.3 MB each',
    advice: 'Split a larger export into parts (by sessions, or by State) and import them one by one.',
  },
  uprText: { command: 'import:upr', maxBytes: 10 * MB, realFiles: 'the thematic list documents are 66 to 122 kB' },
} as const satisfies Record<string, InputLimit>;

const megabytes = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/** The file's bytes, refused unread when it is larger than `limit` allows. */
export function readInputBytes(path: string, limit: InputLimit): Buffer {
  const stat = statSync(path);
  if (!stat.isFile()) throw new InputFileError(`${path} is not a file`);
  if (stat.size > limit.maxBytes) {
    throw new InputFileError(
      `${path} is ${megabytes(stat.size)}, more than the ${limit.maxBytes / MB} MB ${limit.command} reads (${limit.realFiles}): is it the right file?` +
        (limit.advice ? ` ${limit.advice}` : ''),
    );
  }
  return readFileSync(path);
}

/** The line (1-based) of byte `offset`. */
function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

/** The line of the first bytes that are not UTF-8. A line break byte is never part of a longer character, so each line can be checked alone. */
function firstNonUtf8Line(bytes: Buffer): number {
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end === -1 ? bytes.length : end;
    if (!isUtf8(bytes.subarray(start, stop))) return line;
    start = stop + 1;
  }
  return 1;
}

const SAVE_AS_UTF8 = 'save it as UTF-8 (in Excel "CSV UTF-8"; in a text editor, Save As with the encoding UTF-8) and import it again';

/** The text of a file that must be UTF-8 text, or an InputFileError saying what it is instead. */
export function inputText(bytes: Buffer, path: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputFileError(`${path} is UTF-16 text: ${SAVE_AS_UTF8}`);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new InputFileError(
      `${path} is not text: it has a NUL byte on line ${lineAt(bytes, nul)}, so it is a binary file (a workbook, a PDF, an image?), not the text this import reads`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputFileError(
      `${path} is not UTF-8 text (first bad byte on line ${firstNonUtf8Line(bytes)}): it may be Latin-1 or Windows-1252 (or Mac Roman), ` +
        `whose accented letters would be stored garbled; ${SAVE_AS_UTF8}`,
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new InputFileError(`${path} is empty`);
  return text;
}

/** readInputBytes and inputText: the text of a file, checked. */
export const readInputText = (path: string, limit: InputLimit): string => inputText(readInputBytes(path, limit), path);

/** A value from a file quoted in a message: shortened, so that a line of junk does not fill the screen. */
export function quoted(value: string, max = 80): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
}
