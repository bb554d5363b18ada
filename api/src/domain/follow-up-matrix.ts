/**
 * Pure rules for the implementation matrix as mechanisms keep it in spreadsheets (docs:
 * api/src/domain/README.md, "Implementation matrices, both ways"): which column is which, what a
 * cell means, and which stored recommendation a row is about.
 */
import { PROGRESS_STATUSES, type ProgressStatus } from './vocabulary.js';

/**
 * The matrix's columns, in the order the export writes them, with the headers it writes and the
 * other headers an import recognises (matched without case, spaces or punctuation).
 * One row per planned action; a recommendation without an action has one row of its own.
 */
export const MATRIX_LAYOUT = [
  { key: 'id', header: 'Recommendation id', aliases: ['id', 'recommendation id', 'ref', 'reference'] },
  { key: 'paragraph', header: 'Paragraph', aliases: ['para', 'paragraph no', 'paragraph number', 'no', 'number', '#'] },
  { key: 'recommendation', header: 'Recommendation', aliases: ['recommendation text', 'text'] },
  { key: 'response', header: 'Response', aliases: ['state response', 'position'] },
  { key: 'cluster', header: 'Cluster', aliases: ['theme', 'thematic cluster', 'group'] },
  {
    key: 'responsibleBody',
    header: 'Responsible body',
    aliases: ['responsible', 'responsible institution', 'responsible ministry', 'lead institution', 'institution'],
  },
  { key: 'action', header: 'Action', aliases: ['planned action', 'activity', 'activities', 'measure'] },
  { key: 'timeline', header: 'Timeline', aliases: ['target date', 'deadline', 'due date', 'due'] },
  { key: 'status', header: 'Status', aliases: ['progress', 'implementation status', 'progress status'] },
  { key: 'statusDate', header: 'Status date', aliases: ['as of', 'date', 'status as of'] },
  { key: 'narrative', header: 'Narrative', aliases: ['progress narrative', 'comments', 'comment', 'remarks'] },
  { key: 'evidence', header: 'Evidence', aliases: ['source', 'evidence source', 'means of verification'] },
] as const;
export type MatrixKey = (typeof MATRIX_LAYOUT)[number]['key'];
export const MATRIX_KEYS = MATRIX_LAYOUT.map((c) => c.key);
export type MatrixRow = Record<MatrixKey, string>;

const squash = (header: string) => header.toLowerCase().replace(/[^\p{L}\p{N}#]+/gu, '');
const HEADER_KEYS = new Map<string, MatrixKey>(
  MATRIX_LAYOUT.flatMap((c) => [c.key, c.header, ...c.aliases].map((h) => [squash(h), c.key] as const)),
);

/**
 * Which matrix column each header names (by position), or an error naming what is missing: a
 * matrix needs a recommendation's id, paragraph or text to be matched at all.
 */
export function readHeaders(headers: readonly string[]): { columns: (MatrixKey | null)[] } | { error: string } {
  const columns = headers.map((h) => HEADER_KEYS.get(squash(h)) ?? null);
  const seen = new Set<MatrixKey>();
  for (const [i, key] of columns.entries()) {
    if (key === null) continue;
    if (seen.has(key)) return { error: `the column "${headers[i]}" repeats the ${key} column` };
    seen.add(key);
  }
  if (!seen.has('id') && !seen.has('paragraph') && !seen.has('recommendation'))
    return {
      error: `no column says which recommendation a row is about: name one "Recommendation id", "Paragraph" or "Recommendation" (found: ${headers.join(', ') || 'no headers'})`,
    };
  return { columns };
}

/** The progress statuses as a matrix may write them: our codes, or their words ("Partially implemented"). */
export function readProgressStatus(cell: string): ProgressStatus | null {
  const code = cell
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  const aliases: Record<string, ProgressStatus> = {
    'fully-implemented': 'implemented',
    done: 'implemented',
    partial: 'partially-implemented',
    partially: 'partially-implemented',
    ongoing: 'in-progress',
    'not-implemented': 'not-started',
    'not-relevant': 'no-longer-relevant',
  };
  if ((PROGRESS_STATUSES as readonly string[]).includes(code)) return code as ProgressStatus;
  return aliases[code] ?? null;
}

/** Words of a text for comparing: lower case, without accents and punctuation. */
function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Pairs of neighbouring words: they keep some word order, so "ratify X and Y" differs from "Y and ratify X". */
function bigrams(text: string): Map<string, number> {
  const w = words(text);
  const grams = new Map<string, number>();
  const keys = w.length === 1 ? w : w.slice(1).map((word, i) => `${w[i]} ${word}`);
  for (const k of keys) grams.set(k, (grams.get(k) ?? 0) + 1);
  return grams;
}

/**
 * How alike two recommendation texts are, from 0 to 1: the Sørensen–Dice coefficient of their
 * word pairs. Texts copied into a matrix differ by a recommending State's name cut, a typo or
 * punctuation, which leaves most pairs in common; different recommendations share few.
 */
export function textSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  const size = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + n, 0);
  const total = size(x) + size(y);
  if (total === 0) return 0;
  let shared = 0;
  for (const [k, n] of x) shared += Math.min(n, y.get(k) ?? 0);
  return (2 * shared) / total;
}

/** Below this score a text is not taken for a recommendation at all; at or above it, the editor confirms. */
export const TEXT_MATCH_THRESHOLD = 0.6;

export interface MatchCandidate {
  itemId: string;
  recommendationId: string | null;
  paragraph: string | null;
  text: string;
}

export type RowMatch =
  { by: 'id' | 'paragraph'; itemId: string } | { by: 'text'; itemId: string; score: number } | { by: 'none'; reason: string };

/**
 * Which recommendation of the plan a row is about: by its id, else by its paragraph number when
 * no other recommendation of the plan has that number, else by the most similar text (a score
 * the editor must confirm). Otherwise none, and the row is refused.
 */
export function matchRow(row: Pick<MatrixRow, 'id' | 'paragraph' | 'recommendation'>, candidates: readonly MatchCandidate[]): RowMatch {
  const id = row.id.trim();
  if (id) {
    const hit = candidates.find((c) => c.recommendationId === id || c.itemId === id);
    if (hit) return { by: 'id', itemId: hit.itemId };
  }
  const paragraph = row.paragraph.trim().replace(/^(para(graph)?\.?\s*)/i, '');
  if (paragraph) {
    const hits = candidates.filter((c) => c.paragraph === paragraph);
    if (hits.length === 1) return { by: 'paragraph', itemId: hits[0]!.itemId };
  }
  const text = row.recommendation.trim();
  if (text) {
    let best: { itemId: string; score: number } | null = null;
    for (const c of candidates) {
      const score = textSimilarity(text, c.text);
      if (!best || score > best.score) best = { itemId: c.itemId, score };
    }
    if (best && best.score >= TEXT_MATCH_THRESHOLD) return { by: 'text', itemId: best.itemId, score: Math.round(best.score * 100) / 100 };
    return {
      by: 'none',
      reason: `no recommendation of the plan reads like this one (closest similarity ${best ? best.score.toFixed(2) : '0'})`,
    };
  }
  if (id) return { by: 'none', reason: `no recommendation of the plan has the id "${id}"` };
  if (paragraph) return { by: 'none', reason: `no single recommendation of the plan has paragraph ${paragraph}` };
  return { by: 'none', reason: 'the row names no recommendation (id, paragraph or text)' };
}

/** An evidence cell: addresses (http/https) and document symbols, one per line or separated by ";". */
export function readEvidence(cell: string): { sourceUrl: string | null; documentSymbol: string | null } {
  const parts = cell
    .split(/[\n;]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  return {
    sourceUrl: parts.find((p) => /^https?:\/\//i.test(p)) ?? null,
    documentSymbol: parts.find((p) => !/^https?:\/\//i.test(p)) ?? null,
  };
}

/** A recommendation of the plan as an import compares rows with it. */
export interface ImportTarget extends MatchCandidate {
  clusterTitle: string | null;
  actions: readonly string[];
  progress: { status: ProgressStatus; date: string } | null;
}

export type ImportChange =
  | { kind: 'cluster'; itemId: string; title: string }
  | { kind: 'new-cluster'; title: string }
  | { kind: 'action'; itemId: string; description: string; responsibleBody: string | null; targetDate: string | null }
  | {
      kind: 'progress';
      itemId: string;
      status: ProgressStatus;
      date: string;
      narrative: string;
      sourceUrl: string | null;
      documentSymbol: string | null;
    };

export interface ImportRowPlan {
  row: number;
  matchedBy: 'id' | 'paragraph' | 'text';
  score: number | null;
  confirmed: boolean;
  itemId: string;
  changes: ImportChange[];
}

export interface ImportPlan {
  rows: ImportRowPlan[];
  refused: { row: number; message: string }[];
}

/** When a row's status has no narrative of its own, the update says where it came from. */
export const IMPORTED_NARRATIVE = 'As recorded in the imported implementation matrix.';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (s: string) => ISO_DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const isHttpUrl = (s: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
};
const sameText = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * What importing a matrix into a plan would do, row by row, without doing it: which recommendation
 * each row is about (and how it was matched), and the changes it brings — a move to another or a
 * new cluster, a new action, a new progress update. What is already in
 * the plan is no change, so a plan's own export imports as nothing. A row is refused, with its
 * number and why, when it names no recommendation of the plan or a cell cannot be read; rows
 * matched by text count only once the editor confirms them (`confirm`, their row numbers).
 */
export function planImport(
  rows: readonly { row: number; cells: Partial<MatrixRow> }[],
  plan: { targets: readonly ImportTarget[]; clusterTitles: readonly string[]; today: string },
  confirm: ReadonlySet<number>,
): ImportPlan {
  const out: ImportPlan = { rows: [], refused: [] };
  const clusters = new Set(plan.clusterTitles.map((t) => t.toLowerCase()));
  const targets = new Map(plan.targets.map((t) => [t.itemId, t]));
  // What earlier rows of the file already decided for a recommendation (a matrix has a row per action).
  const decided = new Map<string, { row: number; cluster: string | null; actions: string[]; status: string | null }>();

  for (const { row, cells } of rows) {
    const cell = (key: MatrixKey) => (cells[key] ?? '').trim();
    const refuse = (message: string) => out.refused.push({ row, message });
    const match = matchRow({ id: cell('id'), paragraph: cell('paragraph'), recommendation: cell('recommendation') }, plan.targets);
    if (match.by === 'none') {
      refuse(match.reason);
      continue;
    }
    const target = targets.get(match.itemId)!;
    const earlier = decided.get(target.itemId) ?? { row, cluster: null, actions: [...target.actions], status: null };
    const changes: ImportChange[] = [];
    const problems: string[] = [];

    const cluster = cell('cluster');
    if (cluster) {
      if (cluster.length < 2 || cluster.length > 200) problems.push('the cluster must be 2 to 200 characters');
      else if (earlier.cluster !== null && !sameText(earlier.cluster, cluster))
        problems.push(`the cluster "${cluster}" differs from "${earlier.cluster}" given for the same recommendation in row ${earlier.row}`);
      else if (earlier.cluster === null && !(target.clusterTitle && sameText(target.clusterTitle, cluster))) {
        if (!clusters.has(cluster.toLowerCase())) {
          changes.push({ kind: 'new-cluster', title: cluster });
          clusters.add(cluster.toLowerCase());
        }
        changes.push({ kind: 'cluster', itemId: target.itemId, title: cluster });
      }
      earlier.cluster = cluster;
    }

    const body = cell('responsibleBody');
    if (body && (body.length < 2 || body.length > 300)) problems.push('the responsible body must be 2 to 300 characters');
    const timeline = cell('timeline');
    if (timeline && !isRealDate(timeline))
      problems.push(`the timeline "${timeline}" is not a date written YYYY-MM-DD (the date the action is due)`);
    const action = cell('action');
    if (action && (action.length < 3 || action.length > 2000)) problems.push('the action must be 3 to 2,000 characters');
    else if (action && !earlier.actions.some((a) => sameText(a, action))) {
      changes.push({
        kind: 'action',
        itemId: target.itemId,
        description: action,
        responsibleBody: body || null,
        targetDate: timeline || null,
      });
      earlier.actions.push(action);
    } else if (!action && (body || timeline)) problems.push('a responsible body or timeline needs the action it belongs to');

    const statusCell = cell('status');
    if (statusCell) {
      const status = readProgressStatus(statusCell);
      const date = cell('statusDate') || plan.today;
      const evidence = readEvidence(cell('evidence'));
      const narrative = cell('narrative') || IMPORTED_NARRATIVE;
      if (!status)
        problems.push(
          `the status "${statusCell}" is not one of: not started, in progress, partially implemented, implemented, no longer relevant`,
        );
      else if (!isRealDate(date)) problems.push(`the status date "${date}" is not a date written YYYY-MM-DD`);
      else if (date > plan.today) problems.push(`the status date ${date} has not come yet`);
      else if (!evidence.sourceUrl && !evidence.documentSymbol)
        problems.push('a status needs its evidence: an http(s) address or a document symbol in the evidence column');
      else if (evidence.sourceUrl && !isHttpUrl(evidence.sourceUrl))
        problems.push(`the evidence "${evidence.sourceUrl}" is not an http(s) address`);
      else if (earlier.status !== null && earlier.status !== `${status} ${date}`)
        problems.push(`the status differs from the one given for the same recommendation in row ${earlier.row}`);
      else if (earlier.status === null) {
        earlier.status = `${status} ${date}`;
        const current = target.progress;
        if (!current || current.status !== status || (cell('statusDate') && current.date !== date))
          changes.push({ kind: 'progress', itemId: target.itemId, status, date, narrative, ...evidence });
      }
    }

    if (problems.length) {
      refuse(problems.join('; '));
      continue;
    }
    decided.set(target.itemId, earlier);
    const score = match.by === 'text' ? match.score : null;
    out.rows.push({ row, matchedBy: match.by, score, confirmed: match.by !== 'text' || confirm.has(row), itemId: target.itemId, changes });
  }
  return out;
}
