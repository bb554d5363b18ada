/**
 * Turns a parsed UNTC status page into participation events for one instrument:
 * - signatures and instruments of consent from the participants table;
 * - declarations under the articles named in the "Declarations made under articles 21 and 22"
 *   section (UNCAT art. 21 and 22);
 * - for UNCAT, art. 28(1) reservations (non-recognition of the art. 20 inquiry procedure) and
 *   their withdrawals, which the page records either in the declarations section or in end notes;
 * - for OPCAT, art. 24 postponement declarations.
 *
 * Dates: a date printed with a declaration is used as is. Otherwise the page's own rule applies,
 * "(Unless otherwise indicated, the declarations ... were made upon ratification, accession or
 * succession.)", so the date of the State's instrument of consent is used (or its signature date
 * when the text says "upon signature"), and the event note says so.
 */
import type { InstrumentId, ParticipationEvent } from '@tracker/api/domain';
import { withIds } from '../normalise/event-id.js';
import { clean, findUntcDates } from './dates.js';
import type { UntcBlock, UntcEndNote, UntcParticipant, UntcStatusPage } from './parse-status-page.js';

export interface StateNames {
  /** ISO3 for a UNTC name; null for a known former State (e.g. "Yugoslavia (former)"); undefined if unknown. */
  resolve(name: string): string | null | undefined;
  /** Every name the State (or its predecessor) goes by in UNTC texts, for reading end notes. */
  namesOf(iso3: string): string[];
  /** All known names with their ISO3, to find which governments an end-note sentence is about. */
  allNames(): { name: string; iso3: string }[];
}

export interface StatusPageEventOptions {
  instrumentId: InstrumentId;
  sourceId: string;
  sourceUrl: string | null;
  names: StateNames;
}

export interface StatusPageEvents {
  events: ParticipationEvent[];
  /** Participants or blocks not turned into events, with the reason (e.g. a former State). */
  skipped: { participant: string; reason: string }[];
}

type Draft = Omit<ParticipationEvent, 'id'>;

const NO_DATE_RULE =
  'No date is printed with it; the page says declarations were made upon ratification, accession or succession unless otherwise indicated, so the date of that instrument is used.';

export function statusPageToEvents(page: UntcStatusPage, options: StatusPageEventOptions): StatusPageEvents {
  const drafts: Draft[] = [];
  const skipped: StatusPageEvents['skipped'] = [];
  const base = {
    instrumentId: options.instrumentId,
    effectiveDate: null,
    attestation: 'depositary' as const,
    sourceId: options.sourceId,
    sourceUrl: options.sourceUrl,
    notificationSymbol: null,
  };

  const participants = new Map<string, { participant: UntcParticipant; iso3: string }>();
  for (const participant of page.participants) {
    const iso3 = resolveOrThrow(options.names, participant.name);
    if (iso3 === null) {
      skipped.push({ participant: participant.name, reason: 'former State, not in the registry' });
      continue;
    }
    participants.set(iso3, { participant, iso3 });
    if (participant.signature) {
      drafts.push({
        ...base,
        stateIso3: iso3,
        kind: 'signature',
        date: participant.signature,
        datePrecision: 'day',
        article: null,
        note: participant.signatureKind === 'succession-to-signature' ? 'Succession to signature ("d" on the UNTC page).' : null,
      });
    }
    if (participant.consent && participant.consentKind) {
      drafts.push({
        ...base,
        stateIso3: iso3,
        kind: participant.consentKind,
        date: participant.consent,
        datePrecision: 'day',
        article: null,
        note: null,
      });
    }
  }

  const endNotes = new Map(page.endNotes.map((note) => [note.number, note]));
  const context = { base, participants, endNotes, names: options.names, drafts, skipped };

  for (const section of page.sections) {
    if (section.kind === 'declarations-under-articles') {
      const articles = [...section.title.matchAll(/\b(\d+)\b/g)].map((m) => m[1]!);
      for (const block of section.blocks) articleDeclarations(context, block, articles);
    }
    if (section.kind === 'declarations-and-reservations') {
      for (const block of section.blocks) {
        if (options.instrumentId === 'uncat') article20Reservations(context, block);
        if (options.instrumentId === 'opcat') article24Postponements(context, block);
      }
    }
  }
  return { events: withIds(drafts), skipped };
}

interface Context {
  base: Pick<Draft, 'instrumentId' | 'effectiveDate' | 'attestation' | 'sourceId' | 'sourceUrl' | 'notificationSymbol'>;
  participants: Map<string, { participant: UntcParticipant; iso3: string }>;
  endNotes: Map<string, UntcEndNote>;
  names: StateNames;
  drafts: Draft[];
  skipped: StatusPageEvents['skipped'];
}

function resolveOrThrow(names: StateNames, name: string): string | null {
  const iso3 = names.resolve(name);
  if (iso3 === undefined) throw new Error(`UNTC page: unknown participant "${name}" (add it to the alias table)`);
  return iso3;
}

/** The participant a declaration block belongs to, or null (with a skip record) for a former State. */
function blockParticipant(ctx: Context, block: UntcBlock): { participant: UntcParticipant; iso3: string } | null {
  const iso3 = resolveOrThrow(ctx.names, block.participant);
  if (iso3 === null) {
    ctx.skipped.push({ participant: block.participant, reason: 'declaration of a former State' });
    return null;
  }
  const found = ctx.participants.get(iso3);
  if (!found) throw new Error(`UNTC page: declaration by "${block.participant}", who is not in the participants table`);
  return found;
}

/** Which instrument a text says a statement was made upon: signature, or (by default) consent. */
type MadeUpon = 'signature' | 'signature-confirmed' | 'consent';

function madeUpon(text: string): MadeUpon | null {
  if (/upon signature and confirmed upon ratification/i.test(text)) return 'signature-confirmed';
  if (/\bupon signature\b/i.test(text)) return 'signature';
  if (/\bupon (ratification|accession|succession)\b/i.test(text)) return 'consent';
  return null;
}

/** The date a statement made "upon" something takes, and a note saying how it was chosen. */
function undatedStatement(participant: UntcParticipant, upon: MadeUpon | null): { date: string | null; note: string } {
  if ((upon === 'signature' || upon === 'signature-confirmed') && participant.signature) {
    return {
      date: participant.signature,
      note:
        upon === 'signature'
          ? 'Made upon signature; the date of signature is used.'
          : 'Made upon signature and confirmed upon ratification; the date of signature is used.',
    };
  }
  if (upon === 'signature' || upon === 'signature-confirmed') {
    return {
      date: participant.consent,
      note: 'The page says it was made upon signature by a predecessor State; this State has no signature of its own, so the date of its instrument (succession) is used.',
    };
  }
  return { date: participant.consent, note: NO_DATE_RULE };
}

const ART21 =
  /\barticles?\s*\(?21\b|\[21\b|another State Party|a State Party claims|a Party claims that another Party|from a State Party claiming|submitted by another State/i;
const ART22 =
  /\barticles?\s*(\(?21\)?,? and )?\(?22\b|\b21 and 22\b|\bindividuals?\b|individual communications|denunciations of violations/i;

/** Declarations under art. 21 and 22 (or whatever articles the section title names). */
function articleDeclarations(ctx: Context, block: UntcBlock, articles: string[]): void {
  const owner = blockParticipant(ctx, block);
  if (!owner) return;
  const { participant, iso3 } = owner;

  const covered = (text: string): string[] => {
    if (articles.length === 1) return articles;
    return articles.filter((article) => {
      if (article === '21') return ART21.test(text);
      if (article === '22') return ART22.test(text);
      return new RegExp(`\\barticles?\\s*\\(?${article}\\b`, 'i').test(text);
    });
  };

  const segments = block.segments.filter((s) => s.lines.length > 0);
  if (segments.length === 0) {
    // The text sits in an end note (UNCAT: Ukraine, end note 18).
    declarationsFromEndNotes(ctx, block, owner, articles);
    return;
  }
  for (const segment of segments) {
    const text = segment.lines.join(' ');
    const found = covered(text);
    if (found.length === 0) {
      ctx.skipped.push({ participant: block.participant, reason: `declaration text names none of articles ${articles.join(', ')}` });
      continue;
    }
    const undated = segment.date ? null : undatedStatement(participant, madeUpon(segment.lines[0] ?? ''));
    for (const article of found) {
      ctx.drafts.push({
        ...ctx.base,
        stateIso3: iso3,
        kind: 'declaration',
        date: segment.date ?? undated?.date ?? null,
        datePrecision: 'day',
        article,
        note: undated?.note ?? null,
      });
    }
  }
}

function declarationsFromEndNotes(
  ctx: Context,
  block: UntcBlock,
  owner: { participant: UntcParticipant; iso3: string },
  articles: string[],
): void {
  const ownNames = ctx.names.namesOf(owner.iso3);
  for (const number of noteNumbers(owner.participant, block)) {
    const note = ctx.endNotes.get(number);
    for (const line of note?.lines ?? []) {
      const mentioned = articles.filter((a) => new RegExp(`\\barticles? (\\d+ and )?${a}\\b|\\b${a} and \\d+\\b`, 'i').test(line));
      const dates = findUntcDates(line);
      if (!/declaration/i.test(line) || mentioned.length === 0 || dates.length === 0) continue;
      if (!ownNames.some((name) => line.includes(name))) continue;
      for (const article of mentioned) {
        ctx.drafts.push({
          ...ctx.base,
          stateIso3: owner.iso3,
          kind: 'declaration',
          date: dates[0]!,
          datePrecision: 'day',
          article,
          note: `Text and date are in end note ${number} of the UNTC page.`,
        });
      }
      return;
    }
  }
  ctx.skipped.push({ participant: block.participant, reason: 'empty declaration block and no dated declaration in its end notes' });
}

/** End notes attached to a State, on its participants row or on its declaration block. */
function noteNumbers(participant: UntcParticipant, block?: UntcBlock): string[] {
  return [...new Set([...participant.footnotes, ...(block?.footnotes ?? [])])];
}

const ART20 = /\barticle(?:s|\(s\))?\s*\(?20\)?(?!\d)/i;
const NON_RECOGNITION = /\bnot\s+recogni[sz]e\b|does not consider itself bound by article 20|reservations? (as to|on|to) article/i;
const ART28_1 = /\barticles?\s*28\s*\(1\)/i;

/**
 * UNCAT art. 28(1): a State may declare on signature, ratification or accession that it does
 * not recognise the competence of the Committee under art. 20 (confidential inquiries), and may
 * withdraw that reservation at any time.
 */
function article20Reservations(ctx: Context, block: UntcBlock): void {
  const owner = blockParticipant(ctx, block);
  if (!owner) return;
  const { participant, iso3 } = owner;

  let hasReservation = false;
  let upon: MadeUpon | null = null;
  for (const segment of block.segments) {
    for (const line of segment.lines) {
      upon = madeUpon(line) ?? upon; // headings such as "Upon signature:" set the context for the lines below
      if (hasReservation || !ART20.test(line)) continue;
      if (NON_RECOGNITION.test(line)) {
        hasReservation = true;
        const when = segment.date ? { date: segment.date, note: null } : undatedStatement(participant, upon);
        ctx.drafts.push({
          ...ctx.base,
          stateIso3: iso3,
          kind: 'reservation',
          date: when.date,
          datePrecision: 'day',
          article: '28(1)',
          note: when.note,
        });
      }
    }
  }
  if (!hasReservation) {
    const conditional = block.segments.flatMap((s) => s.lines).find((line) => ART20.test(line) && line.length > 40);
    if (conditional) {
      const when = undatedStatement(participant, null);
      ctx.drafts.push({
        ...ctx.base,
        stateIso3: iso3,
        kind: 'declaration',
        date: when.date,
        datePrecision: 'day',
        article: '20',
        note: `A declaration on art. 20 that is not worded as an art. 28(1) non-recognition; read its text on the UNTC page. ${when.note}`,
      });
    }
  }

  for (const withdrawal of article20Withdrawals(ctx, owner, block)) {
    if (!hasReservation) {
      hasReservation = true;
      const when = undatedStatement(participant, withdrawal.upon);
      ctx.drafts.push({
        ...ctx.base,
        stateIso3: iso3,
        kind: 'reservation',
        date: when.date,
        datePrecision: 'day',
        article: '28(1)',
        note: `Recorded in end note ${withdrawal.note}, which reports its withdrawal. ${when.note}`,
      });
    }
    ctx.drafts.push({
      ...ctx.base,
      stateIso3: iso3,
      kind: 'reservation-withdrawn',
      date: withdrawal.date,
      datePrecision: 'day',
      article: '28(1)',
      note: `End note ${withdrawal.note} of the UNTC page.`,
    });
  }
}

/**
 * Withdrawals of the art. 20 reservation reported in a State's end notes. A sentence counts when
 * it says "withdraw", concerns art. 20 or art. 28(1) (in the sentence or in the quoted text that
 * follows it), names this State (or its predecessor), and carries a date. "On d1 and d2,
 * respectively, the Governments of A and B ..." pairs dates with States, or with the articles
 * listed when only one State is named ("... to article 30 (1) and 20").
 */
function article20Withdrawals(
  ctx: Context,
  owner: { participant: UntcParticipant; iso3: string },
  block: UntcBlock,
): { date: string; note: string; upon: MadeUpon | null }[] {
  const found = new Map<string, { date: string; note: string; upon: MadeUpon | null }>();
  for (const number of noteNumbers(owner.participant, block)) {
    const lines = ctx.endNotes.get(number)?.lines ?? [];
    lines.forEach((line, index) => {
      if (!/withdr/i.test(line)) return;
      // Who acted and when is said before the verb ("On 1 October 1991, ..., the Governments of A
      // and B notified ..."); dates and names after it belong to the quoted text.
      const head = line.slice(0, line.search(/\bnotified\b|\binformed\b|withdr/i));
      const dates = findUntcDates(head);
      if (dates.length === 0) return;
      // The quoted reservation may follow on the next lines, up to the next dated or withdrawal sentence.
      const following: string[] = [];
      for (const next of lines.slice(index + 1)) {
        if (/withdr/i.test(next) || findUntcDates(next).length > 0) break;
        following.push(next);
      }
      const scope = [line, ...following].join(' ');
      const aboutArticle20 =
        ART28_1.test(line) ||
        articlesListed(line).includes('20') ||
        (ART20.test(scope) && (ART20.test(line) || /the following reservation/i.test(line)));
      if (!aboutArticle20) return;

      const actors = governmentsNamed(ctx.names, head);
      const position = actors.findIndex((actor) => actor.iso3 === owner.iso3);
      if (position < 0) return;
      let date: string | undefined;
      if (/respectively/i.test(line) && actors.length > 1 && dates.length === actors.length) {
        date = dates[position];
      } else if (/respectively/i.test(line) && actors.length === 1 && dates.length > 1) {
        const listed = articlesListed(line);
        const at = listed.indexOf('20');
        date = at >= 0 ? dates[at] : undefined;
      } else {
        date = dates[0];
      }
      if (!date) return;
      found.set(date, { date, note: number, upon: madeUpon(scope) });
    });
  }
  return [...found.values()];
}

/** The States an end-note sentence names, in the order they appear (longest name wins an overlap). */
function governmentsNamed(names: StateNames, line: string): { iso3: string; at: number }[] {
  const hits: { iso3: string; at: number; end: number }[] = [];
  for (const { name, iso3 } of names.allNames()) {
    const re = new RegExp(`(?<![A-Za-z])${escapeRegExp(name)}(?![A-Za-z])`, 'g');
    for (const m of line.matchAll(re)) hits.push({ iso3, at: m.index, end: m.index + name.length });
  }
  hits.sort((a, b) => a.at - b.at || b.end - a.end);
  const kept: { iso3: string; at: number; end: number }[] = [];
  for (const hit of hits) {
    const last = kept[kept.length - 1];
    if (last && hit.at < last.end) continue; // inside a longer name already kept
    if (kept.some((k) => k.iso3 === hit.iso3)) continue;
    kept.push(hit);
  }
  return kept.map(({ iso3, at }) => ({ iso3, at }));
}

/** Article numbers listed after "article(s)" in "the reservations to article 30 (1) and 20". */
function articlesListed(line: string): string[] {
  const match = /\barticles?\s+((?:\d+(?:\s*\(\d+\))?(?:,\s*|\s+and\s+)?)+)/i.exec(line);
  if (!match?.[1]) return [];
  return [...match[1].replace(/\(\d+\)/g, '').matchAll(/\d+/g)].map((m) => m[0]);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** OPCAT art. 24: a State may postpone its obligations under Part III or Part IV. */
function article24Postponements(ctx: Context, block: UntcBlock): void {
  const owner = blockParticipant(ctx, block);
  if (!owner) return;
  for (const segment of block.segments) {
    const text = clean(segment.lines.join(' '));
    if (!/\barticle\s*\[?24\]?|\bpostpone/i.test(text)) continue;
    const when = segment.date ? { date: segment.date, note: null } : undatedStatement(owner.participant, madeUpon(segment.lines[0] ?? ''));
    ctx.drafts.push({
      ...ctx.base,
      stateIso3: owner.iso3,
      kind: 'declaration',
      date: when.date,
      datePrecision: 'day',
      article: '24',
      note: when.note,
    });
  }
}
