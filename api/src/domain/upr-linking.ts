/**
 * UPR recommendation linking (summarised in api/src/domain/README.md): which of our 11 instruments a UPR recommendation concerns,
 * and what it asks the State to do about each of them. Pure, rule-based, no I/O.
 *
 * Output shape: one link per instrument, `{ instrumentId, actions }`, where `actions` is the
 * (possibly empty) list of the five actions asked *for that instrument*. One entry per instrument
 * (rather than one per instrument+action pair) because "this recommendation concerns APIC" is a
 * fact on its own: a text can name an instrument without asking one of the five actions ("taking
 * into account that it is a State party to the Rome Statute", "cooperate with the Committee
 * against Torture"); `toPairs()` flattens links to instrument+action pairs for storage or scoring.
 * Actions are attached per instrument, not per text: "Fully align its national legislation with
 * the Rome Statute and ratify the Kampala amendments" asks implement-national-law of the Statute
 * and ratify-accede of the amendments, not both of both.
 *
 * The labelling rules these patterns implement are written out in data/labels/README.md (rules
 * I1-I7 for instruments, A1-A7 for actions); the hand-labelled sample next to it
 * (data/labels/upr-linking-sample.csv) measures them: scripts/src/upr-linking/evaluate.ts.
 *
 * How it works, in four steps over a lower-cased copy of the text (same length, so positions in
 * the copy are positions in the original, where the case-sensitive abbreviations are matched):
 *  1. Mentions: instrument patterns run in table order; a match claims its characters, so a later,
 *     shorter pattern cannot re-read them. Masks come first (International Coordinating Committee
 *     "ICC", the Special Rapporteur on torture's title, the Kampala Convention on IDPs, ...), then
 *     the children before their parents: "Kampala amendments to the Rome Statute" is an amendment
 *     mention, not a Rome Statute mention; "Optional Protocol to the Convention against Torture"
 *     is OPCAT, not UNCAT; "Agreement on Privileges and Immunities of the ICC" is APIC, not the Court.
 *  2. Cues: action phrases ("ratify", "withdraw ... reservations", "align ... legislation",
 *     "cooperate with", "submit ... report"), each with its position.
 *  3. Each mention takes the action of the nearest cue before it in its segment (segments end at
 *     ";", ". " and " - "; a segment without any cue continues the previous one, as in the dash-
 *     separated lists of UPR Info), else the nearest cue after it; a passive cue ("... are
 *     effectively implemented") reaches back to the mentions of its clause. A verb coordinated
 *     with the next one shares its object ("Accede to and fully align its national legislation
 *     with the Rome Statute"). A cue followed by no mention but by an anaphor ("implement it",
 *     "ensure its implementation", "therein") applies to the mentions of the previous cue. Verbs in
 *     relative clauses ("to which it committed itself by signing") and context phrases ("as a
 *     State party to", "taking into account") ask nothing.
 *  4. Actions that cannot apply to an instrument are dropped (cooperate-with-court is for the
 *     ICC only, report-to-committee for UNCAT only); the instrument stays linked.
 *
 * Scope: English texts only (both sources, the UPR Info export and the OHCHR thematic lists, are
 * English). French/Spanish texts ("Statut de Rome", "Convention contre la torture", "Estatuto de
 * Roma") are out of scope: they would need their own tables. Throughput: most recommendations
 * contain none of the trigger words and leave after one regex test; see evaluate.ts --all.
 */
import { INSTRUMENT_IDS, type InstrumentId } from './types.js';

// ---------------------------------------------------------------------------------------------
// Vocabulary

/** The five actions a recommendation can ask about an instrument. Public ids: the API's `action` filter and its answers use them. */
export const UPR_LINK_ACTIONS = [
  'ratify-accede',
  'withdraw-reservations-declarations',
  'implement-national-law',
  'cooperate-with-court',
  'report-to-committee',
] as const;
export type UprLinkAction = (typeof UPR_LINK_ACTIONS)[number];

/** One instrument a recommendation concerns, with the actions it asks for that instrument. */
export interface UprLink {
  instrumentId: InstrumentId;
  /** Sorted in UPR_LINK_ACTIONS order; empty when the text names the instrument but asks none. */
  actions: UprLinkAction[];
}

/** A link flattened to one row per action (`action: null` for an instrument linked without one). */
export interface UprLinkPair {
  instrumentId: InstrumentId;
  action: UprLinkAction | null;
}

/** Where an instrument was found in the text (for explanations and tests). */
export interface UprMention {
  instrumentIds: InstrumentId[];
  start: number;
  end: number;
  text: string;
}

/** Where an action phrase was found. `action: null`: a phrase that only separates clauses. */
export interface UprCue {
  action: UprLinkAction | null;
  start: number;
  end: number;
  text: string;
  /** Passive phrase ("is enacted into domestic law") that applies to the mentions before it. */
  backward: boolean;
}

export interface UprLinkAnalysis {
  links: UprLink[];
  mentions: UprMention[];
  cues: UprCue[];
}

// ---------------------------------------------------------------------------------------------
// 1. Instrument patterns (order matters: earlier patterns claim their characters first)

type Target = readonly InstrumentId[] | 'mask' | 'kampala' | 'uncat-if-context' | 'rome-if-context' | 'opcat-if-context';

interface InstrumentPattern {
  target: Target;
  re: RegExp;
  /** Match against the original text (case-sensitive abbreviations) instead of the lower-cased copy. */
  caseSensitive?: boolean;
  why: string;
}

const RS: readonly InstrumentId[] = ['rome-statute'];
const UNCAT: readonly InstrumentId[] = ['uncat'];
const OPCAT: readonly InstrumentId[] = ['opcat'];
const APIC: readonly InstrumentId[] = ['apic'];
const AGGRESSION: readonly InstrumentId[] = ['rs-aggression-2010'];

/** "... and Other Cruel, Inhuman or Degrading Treatment or Punishment", with the sources' variants. */
const CIDT = String.raw`(?:,? and (?:other )?cruel,?(?: inhuman\w*| human)?,? (?:or |and )?degrading (?:treatments?|punishments?)(?: (?:or|and|of) (?:treatments?|punishments?))?)?`;
const ICC_NAME = String.raw`(?:international criminal court|icc)`;
const OF_ICC = String.raw`(?: (?:of|on|establishing|on the creation of|creating) the ${ICC_NAME}| of icc)?`;
const ROME = String.raw`(?:rome stat\w*|statute of rome)${OF_ICC}`;

export const INSTRUMENT_PATTERNS: readonly InstrumentPattern[] = [
  // --- Masks: text that looks like one of ours and is not (rule I2).
  {
    target: 'mask',
    re: /international coordinating committee[^.;()]*(?:\(icc\))?/g,
    why: 'ICC = International Coordinating Committee of NHRIs (accreditation, Paris Principles)',
  },
  {
    target: 'mask',
    re: new RegExp(String.raw`\baccredit\w*[^.;]{0,80}?\b${ICC_NAME}\b`, 'g'),
    why: 'NHRI accreditation "by the ICC": the Coordinating Committee, even when written "International Criminal Court"',
  },
  { target: 'mask', re: /\bkampala convention\b/g, why: 'African Union convention on internally displaced persons' },
  {
    target: 'mask',
    re: new RegExp(String.raw`special rapporteurs? (?:on|against) (?:the question of )?torture${CIDT}`, 'g'),
    why: 'a special procedure, not the Convention: its title must not read as "torture and other cruel ..."',
  },
  {
    target: 'mask',
    re: new RegExp(String.raw`european (?:committee|convention) for the prevention of torture${CIDT}`, 'g'),
    why: 'regional body (CPT), not the OPCAT Subcommittee',
  },
  { target: 'mask', re: /inter-american convention to prevent and punish torture/g, why: 'regional treaty' },
  {
    target: 'mask',
    re: new RegExp(String.raw`(?:activation of the )?jurisdiction of the ${ICC_NAME},? over the crime of aggression`, 'g'),
    why: 'purpose clause of the Kampala recommendations: not a request about the Statute itself',
  },

  // --- Rome Statute amendments (children before the parent, rules I3/I4).
  {
    target: AGGRESSION,
    re: new RegExp(
      String.raw`(?:kampala )?amendments? (?:to the ${ROME} )?(?:on|concerning|relating to|regarding) (?:the )?(?:crime of )?aggression|\baggression amendments?`,
      'g',
    ),
    why: 'an amendment qualified by the crime of aggression is the aggression amendment only',
  },
  {
    target: 'kampala',
    re: new RegExp(String.raw`kampala (?:review conference )?amendments?(?: to the ${ROME})?`, 'g'),
    why: '"Kampala amendments": both 2010 amendments (art. 8 and aggression), unless narrowed to aggression',
  },
  {
    target: 'kampala',
    re: /as amended (?:at|in|by) (?:the )?(?:review conference (?:in|at) )?kampala(?: in 2010)?|in its 2010 version/g,
    why: 'the Statute "as amended in Kampala" / "in its 2010 version" includes the 2010 amendments',
  },
  {
    target: ['rs-art8-2010'],
    re: new RegExp(String.raw`(?:2010 )?amendments? to article 8 of the ${ROME}(?:,? adopted)? (?:in|at) (?:kampala|2010)`, 'g'),
    why: 'the 2010 art. 8 amendment (poison, gases, expanding bullets in non-international conflicts)',
  },
  {
    target: ['rs-art8-2017-biological', 'rs-art8-2017-fragments', 'rs-art8-2017-lasers'],
    re: new RegExp(String.raw`\b2017 amendments?(?: to (?:article 8 of )?the ${ROME})?`, 'g'),
    why: '"the 2017 amendments": the three art. 8 amendments adopted in December 2017',
  },
  {
    target: ['rs-art8-2017-biological'],
    re: /amendments?[^.;]{0,80}?\b(?:biological (?:weapons|agents)|microbial)[^.;,]*|biological weapons amendment/g,
    why: '2017 art. 8 amendment on biological weapons',
  },
  {
    target: ['rs-art8-2017-fragments'],
    re: /amendments?[^.;]{0,80}?\b(?:non-detectable|undetectable) fragments[^.;,]*|(?:non-detectable|undetectable) fragments amendment/g,
    why: '2017 art. 8 amendment on weapons injuring by non-detectable fragments',
  },
  {
    target: ['rs-art8-2017-lasers'],
    re: /amendments?[^.;]{0,80}?\bblinding laser[^.;,]*|blinding laser(?: weapons)? amendment/g,
    why: '2017 art. 8 amendment on blinding laser weapons',
  },
  {
    target: ['rs-art8-2019-starvation'],
    re: /amendments?[^.;]{0,80}?\bstarvation[^.;,]*|starvation amendment|\b2019 amendment(?: to (?:article 8 of )?the rome stat\w*)?/g,
    why: '2019 art. 8 amendment: starvation of civilians in non-international armed conflict',
  },
  {
    target: ['rs-art124-2015'],
    re: new RegExp(
      String.raw`amendments? (?:to|of|deleting|on) (?:the )?article 124(?: of the ${ROME})?|article 124 amendment|(?:deletion of|delete|deleting) article 124(?: of the ${ROME})?`,
      'g',
    ),
    why: 'the 2015 amendment deleting art. 124 (not "withdraw the art. 124 declaration", which is the Statute, rule I5)',
  },

  // --- APIC (before the Court, whose name is in its title).
  {
    target: APIC,
    re: new RegExp(
      String.raw`(?:agreement|convention) (?:on|of) (?:the )?privileges and immunities(?! of the united nations| of the specialized)(?: (?:of|to) (?:the )?(?:${ICC_NAME}|court))?(?: \(apic\))?|privileges and immunities of the ${ICC_NAME}`,
      'g',
    ),
    why: 'Agreement on the Privileges and Immunities of the ICC (also "its Agreement on Privileges and Immunities")',
  },
  { target: APIC, re: /\bAPIC\b/g, caseSensitive: true, why: 'abbreviation' },

  // --- OPCAT (before UNCAT, whose name is in its title).
  {
    target: OPCAT,
    re: new RegExp(
      String.raw`(?:optional )?protocols? (?:to|of|on) (?:the )?(?:un |united nations )?(?:convention (?:against|on) (?:the )?torture|torture convention|cat\b)${CIDT}(?: \(?(?:op-? ?)?cat\b\)?)?|optional protocol against torture`,
      'g',
    ),
    why: 'Optional Protocol to the Convention against Torture, spelled out',
  },
  { target: OPCAT, re: /\bop-? ?cat\b|\bopcat\b|\bcat-op\b/g, why: 'OPCAT, OP-CAT, OP- CAT, CAT-OP' },
  {
    target: OPCAT,
    re: /\bnational (?:\w+ ){0,2}(?:preventive|preventative|prevention|protective) mechanisms?|\b(?:preventive|preventative) mechanisms?|\bnational (?:\w+ )?mechanisms? (?:for|of|on|to|against) (?:the )?prevent(?:ion|ing)?(?: of)? torture|\bmechanisms? (?:for|of|on) (?:the )?prevention of torture|\bnational torture prevention mechanism|\bnational mechanism of prevention/g,
    why: 'the national preventive mechanism is an OPCAT institution (rule I1)',
  },
  { target: OPCAT, re: /\bNPMs?\b/g, caseSensitive: true, why: 'national preventive mechanism' },
  {
    target: OPCAT,
    re: /\bsub-?committee (?:on|for) (?:the )?prevention(?: of torture)?|\bsubcommittee against torture/g,
    why: 'the OPCAT treaty body (SPT)',
  },
  { target: OPCAT, re: /\bSPT\b/g, caseSensitive: true, why: 'Subcommittee on Prevention of Torture' },
  {
    target: 'opcat-if-context',
    re: /\b(?:national|independent)(?: \w+){0,2} mechanisms? (?:for|to|of) (?:the )?(?:oversight|monitor\w*|inspect\w*|visit\w*)(?: (?:of|in|to) (?:all )?(?:places of detention|places of deprivation of liberty|detention (?:centres|centers|facilities|places)|prisons))?/g,
    why: '"ratify OP-CAT and set up a national mechanism for oversight in places of detention": the NPM, when OPCAT is named',
  },

  // --- UNCAT.
  {
    target: UNCAT,
    re: new RegExp(
      String.raw`\b(?:un |united nations )?(?:committee|convention) (?:against|on) (?:the )?torture${CIDT}|\btorture convention`,
      'g',
    ),
    why: 'the Convention, or its treaty body the Committee against Torture',
  },
  { target: UNCAT, re: /\b(?:UN)?CAT\b/g, caseSensitive: true, why: 'CAT / UNCAT (the Convention or the Committee)' },
  {
    target: 'uncat-if-context',
    re: /\b(?:the|this|said|that) convention\b(?! (?:on|for|against|relating|to|of|concerning|no\b))/g,
    why: '"the Convention" in a torture recommendation that names no other convention (rule I1)',
  },

  // --- Rome Statute and the Court.
  {
    target: RS,
    re: new RegExp(String.raw`\b${ROME}|\bicc (?:rome )?statute|statute of the ${ICC_NAME}`, 'g'),
    why: "the Statute (with the sources' misspellings: Statue, Status, Stature, State)",
  },
  { target: RS, re: /\binternational criminal court\b/g, why: 'the Court: joining or cooperating with the ICC concerns the Statute' },
  { target: RS, re: /\bICC\b/g, caseSensitive: true, why: 'the Court (the Coordinating Committee "ICC" is masked above)' },
  {
    target: 'rome-if-context',
    re: /\b(?:the|this|its) (?:court|statute)\b|\bthe court's statute/g,
    why: '"the Court" / "the Statute" after the Rome Statute or the ICC has been named',
  },
];

/** Texts containing none of these can concern none of our instruments (fast exit). */
const TRIGGER =
  /rome|criminal court|\bicc\b|tortur|\bu?cat\b|op-? ?cat|cat-op|privileges and immunities|apic|kampala|aggression|(?:preventive|preventative|prevention|protective) mechanism|mechanism of prevention|\bnpm|sub-?committee|article 124|(?:2017|2019) amendment/i;

// ---------------------------------------------------------------------------------------------
// 2. Action cues

interface CuePattern {
  action: UprLinkAction | null;
  re: RegExp;
  backward?: boolean;
  why: string;
}

/** Legislative words that turn "cooperation with the Court" into an implement-national-law ask. */
const LEGISLATIVE_BEFORE = /\b(?:provisions?|legislat\w*|laws?|bill|measures to implement|measures of)\b/;

export const CUE_PATTERNS: readonly CuePattern[] = [
  // Barriers: context phrases that ask nothing, so a verb before them does not reach past them.
  {
    action: null,
    re: /\bshare (?:its |their )?(?:experiences?|best practices?|good practices?)(?: (?:regarding|on|in|of|with|about) (?:the )?(?:establishment|creation|setting up|implementation)(?: of)?)?|\b(?:as (?:a )?states? part(?:y|ies) to|(?:is|are) (?:a )?states? part(?:y|ies) to|to which [\w' ]{1,40}? (?:is|are|became) (?:a )?part(?:y|ies)|taking into account|bearing in mind|preservation of|integrity of)\b/g,
    why: '"as a State party to the Rome Statute", "taking into account that ...": status, not an ask',
  },
  // report-to-committee first: "report(s) on the implementation of X" must not read as implementation.
  {
    action: 'report-to-committee',
    re: /\b(?:submit\w*|submission|transmit\w*|present\w*|send\w*|finali[sz]\w*|prepar\w*|draft\w*)\b(?=[^.;]{0,80}?\breports?\b)[^.;]{0,80}?\breports?\b(?:[^.;]{0,40}? on (?:the )?(?:implementation|application) of)?/g,
    why: 'submit / transmit ... report(s)',
  },
  {
    action: 'report-to-committee',
    re: /\b(?:overdue|outstanding|delayed|pending|expected|initial|periodic|late|regular)\s+(?:[\w,()]+\s+){0,3}?reports?\b(?:[^.;]{0,40}? on (?:the )?(?:implementation|application) of)?|\breports? (?:due|expected|overdue)|\breport(?:ing)? (?:regularly |periodically )?to\b|\brepl(?:y|ies) to (?:the )?follow-up|\bfollow-up (?:information|replies)/g,
    why: 'overdue / initial / periodic report(s), report regularly to, follow-up replies',
  },
  // withdraw-reservations-declarations
  {
    action: 'withdraw-reservations-declarations',
    re: /\b(?:withdraw\w*|lift\w*|remov\w*|review\w*|reconsider\w*|re-?examin\w*|eliminat\w*|limit\w*|rais\w*)\b(?=[^.;]{0,50}?\b(?:reservations?|declarations?|interpretations?)\b)/g,
    why: 'withdraw / lift / review (with a view to withdrawing) reservations or declarations',
  },
  {
    action: 'withdraw-reservations-declarations',
    re: /\bdeclarations? (?:under|on|of articles?|regarding|provided for in|within|in accordance with|recogni[sz]\w*|to recogni[sz]\w*|accepting)\b|\bmake (?:the |a |necessary )*declarations?\b/g,
    why: 'make the declarations (UNCAT art. 21/22), or a declaration under a named article',
  },
  {
    action: 'withdraw-reservations-declarations',
    re: /\b(?:recogni[sz]\w*|accept\w*|acknowledg\w*)\b(?=[^.;]{0,60}?\b(?:competence|jurisdiction|individual (?:complaints?|communications?|procedures?|petitions?)|complaints? (?:procedures?|mechanisms?)|inquiry procedure)\b)/g,
    why: "recognise the Committee's competence / accept individual complaints / accept the ICC's jurisdiction (art. 12(3))",
  },
  // ratify-accede
  {
    action: 'ratify-accede',
    re: /(?<!recent |following the |following |after the |since the |since its |upon |during the |time of the )\b(?:ratif(?:y|ying|ies|ication|ications)|accede|acceding|accession|adhere|adhering|adherence|adhesion|(?:become|becoming|being|be) (?:a )?(?:state )?part(?:y|ies)|consent to be bound|join|joining|sign|signing|signature|subscrib\w*|approval in (?:congress|parliament))\b|\baccept(?:ing|ance of)? (?:the )?(?=(?:[\w-]+ ){0,2}(?:rome stat|amendments?\b))|^acceded to\b/g,
    why: 'sign / ratify / accede / adhere / become party / join, accept the Statute or an amendment (art. 121 acceptance); not "recently ratified"',
  },
  // cooperate-with-court (only kept for the Court, step 4)
  {
    action: 'cooperate-with-court',
    re: /\b(?:co-?operat\w*|collaborat\w*|arrest\w*|surrender\w*|hand(?:ing)? over|transfer\w*|warrants?|prosecutor|witness\w*|mission|enable the (?=international criminal court|icc|court))\b/g,
    why: 'cooperate with the Court, arrest / surrender / transfer suspects, execute warrants, Prosecutor missions, witnesses',
  },
  // implement-national-law: passive phrases first (they reach back), then the active ones.
  {
    action: 'implement-national-law',
    backward: true,
    re: /\b(?:is|are|be|being|been)\s+(?:\w+ly\s+)?(?:implemented|enacted|incorporated|integrated|domesticated|transposed|provided with|equipped with|granted|allocated)\b/g,
    why: '"... are effectively implemented in national legislation", "the Rome Statute is enacted into domestic law", "its NPM ... is provided with the necessary resources"',
  },
  {
    action: 'cooperate-with-court',
    backward: true,
    re: /\b(?:is|are|be|being|been)\s+(?:\w+ly\s+)?executed\b/g,
    why: '"ICC arrest warrants are executed"',
  },
  // implement-national-law (rule A3), one entry per kind of ask:
  {
    action: 'implement-national-law',
    re: /\b(?:implement\w*|incorporat\w*|incorporation|domesticat\w*|transpos\w*|integrat\w*|harmoni[sz]\w*|align\w*|enact\w*|legislat\w*|promulgat\w*|amend\w*|revis\w*|reform\w*|adapt\w*|adjust\w*|codify|give effect|giving effect|translat\w*|transcrib\w*|introduc\w*|adopt\w*|law on|approv\w* (?:and implement )?(?:the )?(?:draft )?bill)\b/g,
    why: 'legislate: incorporate / align / harmonise / enact / amend / give effect to the instrument in national law',
  },
  {
    action: 'implement-national-law',
    re: /\b(?:defin\w*|criminali[sz]\w*|as contained in|as defined|set out in|enshrined in)\b/g,
    why: 'define and criminalise torture as the Convention does (art. 1 and 4)',
  },
  {
    action: 'implement-national-law',
    re: /\b(?:in line with|into line with|in accordance with|in conformity with|into conformity with|in compliance with|in keeping with|consistent with|compl(?:y|ies|ying|iance) with|conform\w*|fulfil\w*|(?<!with )respect(?:s|ing|ed)?|appl(?:y|ying|ied|ication))\b/g,
    why: 'a domestic measure to be taken in line with / in compliance with the instrument, or the instrument to be applied',
  },
  {
    action: 'implement-national-law',
    re: /\b(?:establish\w*|set(?:ting)? up|creat\w*|designat\w*|appoint\w*|resources?|strengthen\w*|expand\w*|broaden\w*|enlarg\w*|extend\w* the (?:scope|mandate)|functioning|operation|independence)\b/g,
    why: 'set up, designate, resource or strengthen a domestic body, in practice the national preventive mechanism',
  },
  {
    action: 'implement-national-law',
    re: /\b(?:recommend\w*|suggested|requested|stipulated|required|follow(?:-| )?up|concerns?|views of|address\w*)\b/g,
    why: "act on the Committee's or the Subcommittee's recommendations, concerns or views",
  },
];

/** Anaphors letting a cue with no instrument after it apply to the previous cue's instruments. */
const ANAPHOR =
  /\b(?:it|them|thereto|therein|thereof|accordingly|this (?:instrument|statute|convention|protocol|into)|that instrument|these (?:instruments|treaties)|both treaties|its (?:provisions|implementation|full implementation|effective implementation|obligations|definition)|their (?:provisions|implementation|full implementation))\b/;

/** Segment breaks: a mention never takes a cue across one, except into a segment with no cue. */
const HARD_BREAK = /;|\.\s|\s-\s|\n/g;

// ---------------------------------------------------------------------------------------------
// Matching

interface RawMention {
  target: Exclude<Target, 'mask'>;
  start: number;
  end: number;
}

function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

function findMentions(text: string, lower: string): RawMention[] {
  const claimed = new Uint8Array(text.length);
  const found: RawMention[] = [];
  for (const p of INSTRUMENT_PATTERNS) {
    const subject = p.caseSensitive ? text : lower;
    p.re.lastIndex = 0;
    for (const m of subject.matchAll(p.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (end === start) continue;
      let free = true;
      for (let i = start; i < end; i++) {
        if (claimed[i]) {
          free = false;
          break;
        }
      }
      if (!free) continue;
      claimed.fill(1, start, end);
      if (p.target !== 'mask') found.push({ target: p.target, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Rule I6: "the Optional Protocols to A and B", "..., to CAT and CRPD", "A, B, C and to D". */
function protocolGovernedSpans(lower: string, mentions: RawMention[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const re = /\boptional protocols (?:to|of) /g;
  for (const m of lower.matchAll(re)) {
    const from = m.index + m[0].length;
    // "acceding to the ICESCR, to the two Optional Protocols to the ICCPR, to the Convention on
    // Torture": here "to" marks the items of "acceding to", so it does not carry the protocols.
    const toIsListMarker = /,\s*(?:and )?to (?:the )?(?:\w+ )?$/.test(lower.slice(Math.max(0, m.index - 30), m.index));
    const stop = lower.slice(from, from + 300).search(/;|\.\s|\s-\s|:|\b(?:ratify|accede|sign|become|consider)\b/);
    const to = from + (stop === -1 ? Math.min(300, lower.length - from) : stop);
    // Split the list on commas that are not inside an instrument name.
    const items: Array<[number, number]> = [];
    let itemStart = from;
    for (let i = from; i < to; i++) {
      if (lower[i] !== ',') continue;
      if (mentions.some((x) => x.start <= i && i < x.end)) continue;
      items.push([itemStart, i]);
      itemStart = i + 1;
    }
    items.push([itemStart, to]);
    const trimmed = items.map(([s, e]) => [s, e, lower.slice(s, e).trim()] as const);
    const last = trimmed[trimmed.length - 1];
    const distributesOverAll = trimmed.length > 1 && last !== undefined && /\band to\b/.test(last[2]);
    trimmed.forEach(([s, e, t], i) => {
      if (/\b(?:its|their) optional protocol|thereto/.test(t)) return;
      if (i === 0 || (!toIsListMarker && (distributesOverAll || /^(?:and )?to\b/.test(t)))) spans.push([s, e]);
    });
  }
  return spans;
}

function resolveMentions(text: string, lower: string, raw: RawMention[]): UprMention[] {
  const namesUncat = raw.some((m) => m.target !== 'uncat-if-context' && Array.isArray(m.target) && m.target.includes('uncat'));
  // "the Statute" / "the Court" read as the Rome Statute once any of the ICC family is named.
  const namesRome = raw.some(
    (m) =>
      m.target === 'kampala' ||
      (Array.isArray(m.target) &&
        (m.target as readonly InstrumentId[]).some((id) => id === 'rome-statute' || id === 'apic' || id.startsWith('rs-'))),
  );
  const otherConventions =
    (lower.match(/\bconvention\b/g) ?? []).length - (lower.match(/\b(?:the|this|said|that) convention\b/g) ?? []).length;
  const aggressionOnly = raw.some((m) => m.target === AGGRESSION) || (/\bkampala amendment\b(?!s)/.test(lower) && /aggression/.test(lower));
  const governed = protocolGovernedSpans(lower, raw);

  const out: UprMention[] = [];
  for (const m of raw) {
    let ids: InstrumentId[];
    if (m.target === 'kampala') {
      ids = aggressionOnly ? ['rs-aggression-2010'] : ['rs-art8-2010', 'rs-aggression-2010'];
    } else if (m.target === 'uncat-if-context') {
      const before = raw.some((x) => x !== m && x.start < m.start && x.target === UNCAT);
      if (before || (/tortur/.test(lower) && otherConventions === 0 && !namesUncat)) ids = ['uncat'];
      else continue;
    } else if (m.target === 'opcat-if-context') {
      if (!raw.some((x) => x.target === OPCAT)) continue;
      ids = ['opcat'];
    } else if (m.target === 'rome-if-context') {
      if (!namesRome) continue;
      ids = ['rome-statute'];
    } else {
      ids = [...m.target];
    }
    if (ids.length === 1 && ids[0] === 'uncat') {
      // "CAT and its Optional Protocol", "CAT, as well as the Optional Protocol thereto" (rule I6).
      const after = lower.slice(m.end, m.end + 60);
      const companion =
        /^(?:\s*\((?:un)?cat\))?(?:,|\s)*(?:(?:and|as well as|or)\s+)?(?:(?:to |accede to |ratify |sign and ratify )?(?:its|the)\s+)?(?:optional )?protocols? thereto|^(?:\s*\((?:un)?cat\))?(?:,|\s)*(?:(?:and|as well as)\s+)(?:(?:accede to|ratify|sign) )?its (?:optional )?protocols?/.exec(
          after,
        );
      if (companion) {
        // Placed on the protocol words, so a verb between ("and accede to its Optional Protocol") applies.
        const at = m.end + companion[0].search(/(?:its|the|optional)\s+(?:optional )?protocol|protocols? thereto/);
        out.push({
          instrumentIds: ['opcat'],
          start: at,
          end: m.end + companion[0].length,
          text: after.slice(at - m.end, companion[0].length),
        });
      }
      if (governed.some(([s, e]) => s <= m.start && m.end <= e)) ids = ['opcat'];
    }
    out.push({ instrumentIds: ids, start: m.start, end: m.end, text: text.slice(m.start, m.end) });
  }
  // "ICCPR, ICESCR, CAT ... and their optional protocols" / "the Optional Protocols to those
  // respective treaties": OPCAT when CAT is in the list just before (rule I6).
  for (const m of lower.matchAll(
    /\b(?:their|(?:the )?optional protocols to (?:those|these) (?:respective )?treaties|the (?:optional )?protocols thereto)\b(?: optional protocols)?/g,
  )) {
    if (!/protocol/.test(m[0])) continue;
    const cat = out.find((x) => x.instrumentIds[0] === 'uncat' && x.end <= m.index && m.index - x.end < 150);
    if (cat && !lower.slice(cat.end, m.index).includes(';'))
      out.push({ instrumentIds: ['opcat'], start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  // "the Optional Protocol to this Convention" after the Convention against Torture.
  for (const m of lower.matchAll(/optional protocol (?:to|of) (?:this|the said|that) convention/g)) {
    if (out.some((x) => x.instrumentIds[0] === 'uncat' && x.end <= m.index)) {
      for (let i = out.length - 1; i >= 0; i--) {
        const x = out[i];
        if (x && x.start >= m.index && x.end <= m.index + m[0].length) out.splice(i, 1);
      }
      out.push({ instrumentIds: ['opcat'], start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  // "the crime of aggression" in a recommendation about the Statute (align with the definition).
  if (namesRome) {
    for (const m of lower.matchAll(/(?<!over )\bthe crime of aggression\b/g)) {
      if (!out.some((x) => x.start <= m.index && m.index < x.end) && !raw.some((x) => x.start <= m.index && m.index < x.end))
        out.push({ instrumentIds: ['rs-aggression-2010'], start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function findCues(lower: string, mentions: UprMention[]): UprCue[] {
  const claimed = new Uint8Array(lower.length);
  for (const m of mentions) claimed.fill(1, m.start, m.end);
  const cues: UprCue[] = [];
  for (const p of CUE_PATTERNS) {
    p.re.lastIndex = 0;
    for (const m of lower.matchAll(p.re)) {
      const start = m.index;
      const end = Math.min(start + Math.max(m[0].length, 1), lower.length);
      if (claimed[start]) continue;
      claimed.fill(1, start, end);
      // The clause before the cue, back to the last comma or segment break.
      const clause =
        lower
          .slice(Math.max(0, start - 120), start)
          .split(/[,;]|\.\s|\s-\s/)
          .pop() ?? '';
      // A verb inside a relative clause describes, it does not ask: "..., to which it committed
      // itself by signing the Optional Protocol", "the declaration which limits the definition".
      const sinceAnd = clause.split(/\band\b/).pop() ?? '';
      const conformity =
        /^(?:in line|into line|in accordance|in conformity|into conformity|in compliance|in keeping|consistent|compl)/.test(m[0]);
      if (p.action !== null && !p.backward && !conformity && /\b(?:which|whose|who)\b/.test(sinceAnd)) continue;
      let action = p.action;
      if (action === 'cooperate-with-court' && !p.backward) {
        // "provisions to cooperate with the Court", "law on cooperation": a legislative ask (rule
        // A4), unless the verb starts its own coordinated phrase ("... and cooperate fully with the ICC").
        const before = lower.slice(Math.max(0, start - 120), start);
        const segmentBefore = before.split(/;|\.\s|\s-\s/).pop() ?? '';
        const insideProvision = /\b(?:provisions?|measures)\s+(?:\w+\s+)?to\s+(?:(?:\w+ly|and)\s+)*$/.test(segmentBefore);
        const startsPhrase = !insideProvision && /(?:^|[,;]\s*|\band\s+|\bto\s+)(?:\w+ly\s+)?$/.test(segmentBefore);
        if (!startsPhrase && LEGISLATIVE_BEFORE.test(segmentBefore)) action = 'implement-national-law';
      }
      cues.push({ action, start, end, text: lower.slice(start, end), backward: p.backward === true });
    }
  }
  return cues.sort((a, b) => a.start - b.start);
}

function segmentOf(breaks: number[], pos: number): number {
  let i = 0;
  while (i < breaks.length && (breaks[i] ?? Infinity) <= pos) i++;
  return i;
}

const ALLOWED: Record<UprLinkAction, (id: InstrumentId) => boolean> = {
  'ratify-accede': () => true,
  'withdraw-reservations-declarations': () => true,
  'implement-national-law': () => true,
  'cooperate-with-court': (id) => id === 'rome-statute',
  'report-to-committee': (id) => id === 'uncat',
};

/** Everything the linker found: mentions, cues and the resulting links. */
export function analyseRecommendation(text: string): UprLinkAnalysis {
  if (!TRIGGER.test(text)) return { links: [], mentions: [], cues: [] };
  const lower = lowerSameLength(text);
  const mentions = resolveMentions(text, lower, findMentions(text, lower));
  if (mentions.length === 0) return { links: [], mentions, cues: [] };
  const cues = findCues(lower, mentions);

  const breaks: number[] = [];
  HARD_BREAK.lastIndex = 0;
  for (const b of lower.matchAll(HARD_BREAK)) breaks.push(b.index);
  const cueSeg = cues.map((c) => segmentOf(breaks, c.start));

  // Step 3: each mention's cue (index into cues), -1 if none.
  const chosen: number[] = mentions.map((m) => {
    const seg = segmentOf(breaks, m.start);
    const nextIdx = cues.findIndex((c) => c.start >= m.end);
    const next = nextIdx === -1 ? undefined : cues[nextIdx];
    // A passive cue after the mention, in its clause, with no cue in between, wins
    // ("ensure that the Statute and the Agreement ... are effectively implemented").
    if (next && next.backward && cueSeg[nextIdx] === seg && next.start - m.end <= 160) {
      if (!/\b(?:that|whether)\b/.test(lower.slice(m.end, next.start))) return nextIdx;
    }
    // Nearest cue before it in its segment; a segment without cues continues the previous one.
    for (let s = seg; s >= 0; s--) {
      let best = -1;
      for (let i = 0; i < cues.length; i++) {
        const c = cues[i];
        if (c && cueSeg[i] === s && c.start < m.start && !c.backward) best = i;
      }
      if (best !== -1) return best;
      if (cueSeg.includes(s)) break;
    }
    // Else a cue right after it ("International Criminal Court arrest warrants are executed").
    if (next && cueSeg[nextIdx] === seg && next.start - m.end <= 25) return nextIdx;
    return -1;
  });

  const actions = new Map<InstrumentId, Set<UprLinkAction>>();
  const add = (id: InstrumentId, a: UprLinkAction | null | undefined) => {
    let set = actions.get(id);
    if (!set) actions.set(id, (set = new Set()));
    if (a && ALLOWED[a](id)) set.add(a);
  };
  mentions.forEach((m, i) => {
    const c = chosen[i] ?? -1;
    for (const id of m.instrumentIds) add(id, c === -1 ? null : cues[c]?.action);
  });

  const groupOf = (cueIndex: number) => mentions.filter((_, mi) => chosen[mi] === cueIndex);
  cues.forEach((c, i) => {
    if (chosen.includes(i) || c.backward || c.action === null) return;
    const nextCue = cues[i + 1];
    // Shared object: "Accede to and fully align its national legislation with the Rome Statute",
    // "Ratify and align ...": a verb coordinated with the next one takes that verb's instruments.
    const isVerbPhrase = !/^(?:legislat|resource|concern|independence|functioning|operation|bill|law on)/.test(c.text);
    if (
      isVerbPhrase &&
      nextCue &&
      /^(?:\s|,|\/|-|\bto\b|\band\b|\bor\b|\bfully\b|\bfull\b)*$/.test(lower.slice(c.end, nextCue.start)) &&
      /\b(?:and|or)\b|\//.test(lower.slice(c.end, nextCue.start))
    ) {
      // The coordinated verb's instruments may hang on a later word of its phrase ("align its national legislation with").
      let j = i + 1;
      while (groupOf(j).length === 0 && cues[j + 1] && cues[j + 1]!.start - cues[j]!.end <= 30) j++;
      const group = groupOf(j);
      for (const m of group) for (const id of m.instrumentIds) add(id, c.action);
      if (group.length > 0) return;
    }
    // Anaphor: a cue followed by no instrument but by "it", "its implementation", "therein", ...
    // applies to the instruments of the previous cue ("Ratify the Rome Statute ... to implement it").
    const nextMention = mentions.find((m) => m.start > c.end);
    const prevMentionEnd = Math.max(0, ...mentions.filter((m) => m.end <= c.start).map((m) => m.end));
    const from = Math.max(prevMentionEnd, c.start - 20);
    const limit = Math.min(nextCue?.start ?? lower.length, nextMention?.start ?? lower.length, c.end + 80);
    if (!ANAPHOR.test(lower.slice(from, limit))) return;
    let prev = -1;
    chosen.forEach((ci, mi) => {
      const m = mentions[mi];
      if (ci !== -1 && ci < i && m && m.start < c.start && cues[ci]?.action !== null) prev = Math.max(prev, ci);
    });
    if (prev === -1) return;
    for (const m of groupOf(prev)) for (const id of m.instrumentIds) add(id, c.action);
  });

  const links: UprLink[] = [...actions.entries()]
    .sort((a, b) => INSTRUMENT_IDS.indexOf(a[0]) - INSTRUMENT_IDS.indexOf(b[0]))
    .map(([instrumentId, set]) => ({
      instrumentId,
      actions: UPR_LINK_ACTIONS.filter((a) => set.has(a)),
    }));
  return { links, mentions, cues };
}

/** The instruments a recommendation concerns, each with the actions it asks for that instrument. */
export function linkRecommendation(text: string): UprLink[] {
  return analyseRecommendation(text).links;
}

/** Only the instruments (INSTRUMENT_IDS order). */
export function matchedInstruments(text: string): InstrumentId[] {
  return linkRecommendation(text).map((l) => l.instrumentId);
}

/**
 * The same links, one row per instrument+action (`action: null` for an instrument named without
 * one of the five actions): the shape the UPR store records (db/upr-store.ts `UprLinkOut`).
 */
export function linkRecommendationPairs(text: string): UprLinkPair[] {
  return toPairs(linkRecommendation(text));
}

/** One row per instrument+action; an instrument linked without an action gives `action: null`. */
export function toPairs(links: readonly UprLink[]): UprLinkPair[] {
  return links.flatMap((l): UprLinkPair[] =>
    l.actions.length === 0
      ? [{ instrumentId: l.instrumentId, action: null }]
      : l.actions.map((action) => ({ instrumentId: l.instrumentId, action })),
  );
}
