/**
 * A pure parser for a United Nations Treaty Collection (UNTC) status page, the HTML served at
 * https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=...  The same ASP.NET
 * layout serves every MTDSG entry: a header (status date, title, entry into force, the
 * "Signatories : 83. Parties : 175" line), the participants table, then sections of
 * declarations / objections / declarations under an article / notifications, then end notes.
 *
 * This module only reads the page. Turning a parse into participation events (which needs
 * the states registry and some reading of the texts) is in status-page-events.ts.
 */
import { parse, type HTMLElement } from 'node-html-parser';
import { clean, parseUntcDate } from './dates.js';

export { findUntcDates, parseUntcDate } from './dates.js';
export { statusPageToEvents } from './status-page-events.js';
export type { StatusPageEventOptions, StatusPageEvents } from './status-page-events.js';

export type ConsentKind = 'ratification' | 'accession' | 'succession' | 'acceptance' | 'approval';

export interface UntcParticipant {
  /** The participant as the page names it, footnote markers removed. */
  name: string;
  /** End-note numbers attached to the name, e.g. ["21", "22"]. */
  footnotes: string[];
  signature: string | null;
  /** "d" after a signature date means succession to signature. */
  signatureKind: 'signature' | 'succession-to-signature' | null;
  consent: string | null;
  consentKind: ConsentKind | null;
  /** Cell texts as displayed (whitespace collapsed), kept for error messages and audits. */
  rawSignature: string;
  rawConsent: string;
}

/** Part of a declaration text; a right-aligned date on the page starts a new segment. */
export interface UntcSegment {
  date: string | null;
  lines: string[];
}

export interface UntcBlock {
  participant: string;
  footnotes: string[];
  segments: UntcSegment[];
}

export type UntcSectionKind =
  'declarations-and-reservations' | 'objections' | 'declarations-under-articles' | 'notifications-under-article';

export interface UntcSection {
  kind: UntcSectionKind;
  title: string;
  /** e.g. "(Unless otherwise indicated, the declarations were made upon ratification, ...)" */
  subtitle: string;
  blocks: UntcBlock[];
}

export interface UntcEndNote {
  number: string;
  lines: string[];
}

export interface UntcStatusPage {
  /** From "STATUS AS AT : 03-02-2026 10:16:18 EDT". */
  statusAsAt: string;
  chapter: string | null;
  /** e.g. "9. b" */
  treatyNumber: string | null;
  title: string;
  /** The place and date line under the title, e.g. "New York, 10 December 1984". */
  concluded: { place: string | null; date: string | null; raw: string };
  entryIntoForce: { date: string | null; raw: string };
  counts: { signatories: number | null; parties: number | null };
  participants: UntcParticipant[];
  sections: UntcSection[];
  endNotes: UntcEndNote[];
}

/**
 * Limits on the shape of a page, a few times what the real pages reach (the UNCAT page, the
 * largest: 9,800 tags, at most 180 children to one element, 316 nodes inside elements never
 * closed, counted as pageShapeProblem counts them). node-html-parser takes time that grows with
 * the cube of the size on tags left open (40 kB of "<div>x" takes a minute) and overflows the
 * stack on deep nesting, so a page beyond these is refused before it is parsed.
 */
export const PAGE_SHAPE_LIMITS = { tags: 100_000, depth: 500, children: 1_000, leftOpen: 2_000, moves: 100_000 };

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/**
 * Why the page's tags are not shaped like a status page, or null. One pass over the text: tags
 * are counted, and nesting follows node-html-parser closely enough to bound its work: a closing
 * tag closes the innermost element only when it has that name (otherwise the parser ignores it),
 * so tags left open count as nesting. Comments, scripts and styles are one node each.
 */
export function pageShapeProblem(html: string, limits = PAGE_SHAPE_LIMITS): string | null {
  const stack: { tag: string; children: number }[] = [{ tag: '#root', children: 0 }];
  let tags = 0;
  const tooMany = () => {
    const top = stack[stack.length - 1]!;
    return ++top.children > limits.children ? `an element has more than ${limits.children} children` : null;
  };
  const whyNot = (reason: string) =>
    `the page is not shaped like a UNTC status page (${reason}; a real page has far fewer): is it the right file?`;
  let pos = 0;
  while (pos < html.length) {
    const lt = html.indexOf('<', pos);
    const textEnd = lt === -1 ? html.length : lt;
    if (/\S/.test(html.slice(pos, textEnd))) {
      const problem = tooMany();
      if (problem) return whyNot(problem);
    }
    if (lt === -1) break;
    const comment = html.startsWith('<!--', lt);
    const gt = comment ? html.indexOf('-->', lt + 4) : html.indexOf('>', lt + 1);
    if (gt === -1) break; // the rest is text
    pos = gt + (comment ? 3 : 1);
    const tag = comment ? null : /^<(\/?)([a-zA-Z][\w:-]*)/.exec(html.slice(lt, Math.min(gt, lt + 64)));
    if (!comment && !tag) continue;
    if (++tags > limits.tags) return whyNot(`more than ${limits.tags} tags`);
    const [, closing, rawName] = tag ?? [];
    const name = rawName?.toLowerCase();
    if (closing) {
      // As in node-html-parser, names are compared as written: "</a>" does not close "<A>".
      if (stack.length > 1 && stack[stack.length - 1]!.tag === rawName) stack.pop();
      continue;
    }
    const problem = tooMany();
    if (problem) return whyNot(problem);
    if (name === 'script' || name === 'style') {
      // Their text is not markup; the parser finds their end whatever its case ("</SCRIPT>").
      const end = new RegExp(`</${name}`, 'gi');
      end.lastIndex = pos;
      if (!end.exec(html)) break;
      pos = end.lastIndex - name.length - 2;
      continue;
    }
    if (comment || VOID_ELEMENTS.has(name!) || html[gt - 1] === '/') continue;
    stack.push({ tag: rawName!, children: 0 });
    if (stack.length - 1 > limits.depth) return whyNot(`elements nested more than ${limits.depth} deep`);
  }
  // node-html-parser moves the children of every element left open at the end up to its parent,
  // innermost first, each with the children moved into it: the work is the moves.
  let moving = 0;
  let moves = 0;
  for (let i = stack.length - 1; i > 0; i--) {
    moving += stack[i]!.children;
    moves += moving;
  }
  if (moving > limits.leftOpen || moves > limits.moves) return whyNot('too many tags are never closed');
  return null;
}

/** Parses the HTML of one UNTC status page. Throws an Error naming what is missing or malformed. */
export function parseStatusPage(html: string): UntcStatusPage {
  const shape = pageShapeProblem(html);
  if (shape) throw new Error(shape);
  const root = parse(html);
  const byIdSuffix = (suffix: string): HTMLElement | null => root.querySelector(`[id$="${suffix}"]`);

  const statusMatch = /STATUS AS AT\s*:\s*(\d{2})-(\d{2})-(\d{4})/.exec(root.text);
  if (!statusMatch) throw new Error('UNTC page: no "STATUS AS AT : dd-mm-yyyy" line');
  const statusAsAt = `${statusMatch[3]}-${statusMatch[2]}-${statusMatch[1]}`;

  const treatyCell = byIdSuffix('_rptTreaty_ctl00_tcTreaty');
  if (!treatyCell) throw new Error('UNTC page: no treaty title');
  const treatyLines = textLines(treatyCell.innerHTML.replace(/\n/g, '<br>'));
  const numberLine = treatyLines[0] && /^\d+\.\s*[a-z]?$/.test(treatyLines[0]) ? treatyLines[0] : null;
  const title = clean(treatyLines.slice(numberLine ? 1 : 0).join(' '));

  const concludedRaw = clean(byIdSuffix('_rptTreaty_ctl00_tcText')?.text ?? '');
  const concludedMatch = /^(.*?),\s*(\d{1,2} [A-Za-z]+ \d{4})$/.exec(concludedRaw);

  const eifRaw = clean(byIdSuffix('_rptEIF_ctl00_tcText')?.text ?? '');
  const eifDate = /^(\d{1,2} [A-Za-z]+ \d{4})/.exec(eifRaw);

  const statusText = clean(byIdSuffix('_rptStatus_ctl00_tcText')?.text ?? '');
  const signatories = /Signatories\s*:\s*(\d+)/.exec(statusText);
  const parties = /Parties\s*:\s*(\d+)/.exec(statusText);

  const chapter = /CHAPTER\s+([IVXL]+)/.exec(clean(byIdSuffix('_rptHead_ctl00_tcHead')?.text ?? ''));

  return {
    statusAsAt,
    chapter: chapter?.[1] ?? null,
    treatyNumber: numberLine ? clean(numberLine) : null,
    title,
    concluded: {
      place: concludedMatch?.[1] ?? null,
      date: concludedMatch?.[2] ? parseUntcDate(concludedMatch[2]) : null,
      raw: concludedRaw,
    },
    entryIntoForce: { date: eifDate?.[1] ? parseUntcDate(eifDate[1]) : null, raw: eifRaw },
    counts: {
      signatories: signatories?.[1] ? Number(signatories[1]) : null,
      parties: parties?.[1] ? Number(parties[1]) : null,
    },
    participants: parseParticipants(byIdSuffix('_tblgrid')),
    sections: parseSections(byIdSuffix),
    endNotes: parseEndNotes(byIdSuffix('_dgNotesAll')),
  };
}

function parseParticipants(table: HTMLElement | null): UntcParticipant[] {
  if (!table) throw new Error('UNTC page: no participants table');
  const rows = table.querySelectorAll('tr').slice(1); // the first row is the column header
  return rows.map((row, index) => {
    const cells = row.querySelectorAll('td');
    if (cells.length !== 3) throw new Error(`UNTC participants row ${index + 1}: expected 3 cells, found ${cells.length}`);
    const [nameCell, signatureCell, consentCell] = cells as [HTMLElement, HTMLElement, HTMLElement];
    const { name, footnotes } = nameAndFootnotes(nameCell);
    const rawSignature = clean(signatureCell.text);
    const rawConsent = clean(consentCell.text);
    const signature = parseDatedCell(rawSignature, `${name} signature`);
    const consent = parseDatedCell(rawConsent, `${name} consent`);
    if (signature && !['', 'd'].includes(signature.suffix)) {
      throw new Error(`UNTC participants: ${name}: unexpected signature suffix "${signature.suffix}"`);
    }
    const consentKind = consent ? CONSENT_SUFFIX[consent.suffix] : undefined;
    if (consent && !consentKind) throw new Error(`UNTC participants: ${name}: unknown consent suffix "${consent.suffix}"`);
    return {
      name,
      footnotes,
      signature: signature?.date ?? null,
      signatureKind: signature ? (signature.suffix === 'd' ? 'succession-to-signature' : 'signature') : null,
      consent: consent?.date ?? null,
      consentKind: consentKind ?? null,
      rawSignature,
      rawConsent,
    };
  });
}

/** A cell like "17 Apr 2018 a": the date and the UNTC suffix; null for an empty cell. */
function parseDatedCell(text: string, what: string): { date: string; suffix: string } | null {
  if (text === '') return null;
  const match = /^(\d{1,2} [A-Za-z]+ \d{4})\s*(a|d|A|AA)?$/.exec(text);
  const date = match?.[1] ? parseUntcDate(match[1]) : null;
  if (!match || !date) throw new Error(`UNTC participants: ${what}: cannot read "${text}"`);
  return { date, suffix: match[2] ?? '' };
}

/** The text of an element without its <sup> footnote markers, and those markers. */
function nameAndFootnotes(element: HTMLElement): { name: string; footnotes: string[] } {
  const footnotes = element
    .querySelectorAll('sup a')
    .map((a) => clean(a.text))
    .filter((n) => n !== '');
  const copy = parse(element.innerHTML);
  for (const sup of copy.querySelectorAll('sup')) sup.remove();
  return { name: clean(copy.text), footnotes };
}

const CONSENT_SUFFIX: Record<string, ConsentKind> = {
  '': 'ratification',
  a: 'accession',
  d: 'succession',
  A: 'acceptance',
  AA: 'approval',
};

const SECTION_TABLES: { table: string; title: string; subtitle: string; kind: UntcSectionKind }[] = [
  { table: '_dgDec', title: '_divMainDecTilte', subtitle: '_divDecTilte', kind: 'declarations-and-reservations' },
  { table: '_dgObj', title: '_divMainObjTitle', subtitle: '_divObjTitle', kind: 'objections' },
  { table: '_dgDecUnderArticle', title: '_divMainDecArt', subtitle: '_divDecArt', kind: 'declarations-under-articles' },
  { table: '_dgNotifications', title: '_div1', subtitle: '_div2', kind: 'notifications-under-article' },
];

function parseSections(byIdSuffix: (suffix: string) => HTMLElement | null): UntcSection[] {
  const sections: UntcSection[] = [];
  for (const spec of SECTION_TABLES) {
    const table = byIdSuffix(spec.table);
    if (!table) continue; // a page shows only the sections it has
    const blocks: UntcBlock[] = [];
    for (const cell of table.querySelectorAll('td')) {
      const heading = cell.querySelector('[id$="_divParticipant"]');
      // Declarations use "_divText", notifications "_divNotificationText".
      const body = cell.querySelector('[id$="_divText"]') ?? cell.querySelector('[id$="_divNotificationText"]');
      if (!heading || !body) continue;
      const { name, footnotes } = nameAndFootnotes(heading);
      blocks.push({ participant: name, footnotes, segments: segmentsOf(body.innerHTML) });
    }
    sections.push({
      kind: spec.kind,
      title: clean(byIdSuffix(spec.title)?.text ?? ''),
      subtitle: clean(byIdSuffix(spec.subtitle)?.text ?? ''),
      blocks,
    });
  }
  return sections;
}

const DATE_MARK = '\u0001';

/** Splits a declaration body into segments at each right-aligned date (how UNTC dates a text). */
function segmentsOf(innerHtml: string): UntcSegment[] {
  const html = innerHtml
    .replace(/<p class='invisible'>[\s\S]*?<\/p>/gi, '') // repeats the participant name for screen readers
    .replace(/<p align=right>([\s\S]*?)<\/p>/gi, `<br>${DATE_MARK}$1${DATE_MARK}<br>`);
  const segments: UntcSegment[] = [{ date: null, lines: [] }];
  for (const line of textLines(html)) {
    const dated = new RegExp(`^${DATE_MARK}(.*)${DATE_MARK}$`).exec(line);
    if (dated?.[1] !== undefined) {
      const date = parseUntcDate(dated[1]);
      if (!date) throw new Error(`UNTC page: cannot read the declaration date "${dated[1]}"`);
      segments.push({ date, lines: [] });
    } else {
      segments[segments.length - 1]!.lines.push(line);
    }
  }
  return segments.filter((s, i) => i > 0 || s.lines.length > 0);
}

/** The lines of an HTML fragment: <br> and paragraph ends break lines, tags are dropped. */
function textLines(html: string): string[] {
  const withBreaks = html.replace(/<br\s*\/?>|<\/p>|<p[^>]*>|<\/n>/gi, '\n');
  return parse(`<div>${withBreaks}</div>`)
    .text.split('\n')
    .map(clean)
    .filter((line) => line !== '');
}

function parseEndNotes(table: HTMLElement | null): UntcEndNote[] {
  if (!table) return [];
  return table.querySelectorAll('[id$="_divNotesAll"]').map((div) => {
    const anchor = div.querySelector('a[name]');
    const number = anchor?.getAttribute('name');
    if (!number) throw new Error('UNTC page: an end note without a number');
    const html = div.innerHTML.replace(/^\s*<a name=['"]?\d+['"]?>\d+<\/a>(<index><\/index>)?/i, '');
    return { number, lines: textLines(html) };
  });
}
