// From a fact candidate to cards: a cloze and/or a question, checked for ambiguity (the
// answer must occur once) and for leaks (no other name or demonym of the answer left in
// the prompt), with distractors, accepted variants and true/false statements.
import { hasUnresolvedReference } from "./references";
import type { CardDraft, Fact } from "./types";
import type { Candidate, DocContext, Replacement } from "./candidate";
import { type Pools, distractorsFor } from "./distractors";
import { type Entity, entityWords } from "./entities";
import { personOf, render } from "./sentences";
import { WordIndex, capitalizeFirst, countWord, findWord, hash, replaceWord } from "./text";
import { acceptedVariants } from "./variants";
import { MAX_CLOZE_CHARS, TRIM_ABOVE, clauseView } from "./trim";
import { exampleList, negatedContext, swapWithArticle } from "./false-statements";
import { withTail } from "./name-tails";
import { trivialBlank } from "./trivial";

export const BLANK = "____";
/** Stands in for a word that would give the answer away ("… ports" for "Venezuelan ports"). */
export const MASK = "[…]";

function answerEntities(c: Candidate, doc: DocContext): Entity[] {
  const ty = c.answerType;
  const ids = ty.t === "entity" ? [ty.entityId] : ty.t === "entity-list" ? ty.entityIds : [];
  return ids.flatMap((id) => {
    const e = doc.entities.entities.get(id);
    return e ? [e] : [];
  });
}

/** Words that would reveal the answer if left in the prompt. */
function leakWords(c: Candidate, doc: DocContext): string[] {
  const term = typeof c.fields.term === "string" ? c.fields.term : "";
  const words = answerEntities(c, doc).flatMap(entityWords).filter((w) => w !== term);
  if (c.answerType.t === "year") words.push(String(c.answerType.year));
  if (c.answerType.t === "month-year" || (c.answerType.t === "day-month" && c.answerType.withYear && c.answerType.year)) {
    words.push(String(c.answerType.year));
  }
  words.push(c.answer);
  return [...new Set(words)].filter((w) => w.length > 1);
}

/** Masks for leak words inside the sentence body (outside the answer span itself). */
function leakMasks(c: Candidate, doc: DocContext, words: string[]): Replacement[] {
  const s = c.sentence;
  const body = doc.masked.slice(s.bodyStart, s.bodyEnd);
  const out: Replacement[] = [];
  for (const w of words) {
    for (const at of findWord(body, w, false)) {
      // "Minh" inside "Ho Chi Minh City", "American" in "Latin American": part of another name.
      if (!/\s/.test(w) && (/\p{Lu}\p{L}*\s$/u.test(body.slice(Math.max(0, at - 20), at)) || /^\s\p{Lu}/u.test(body.slice(at + w.length, at + w.length + 2)))) {
        if (at > 0) continue;
      }
      const start = s.bodyStart + at;
      const end = start + w.length;
      if (end <= c.start || start >= c.end) {
        if (!out.some((r) => r.start < end && start < r.end)) out.push({ start, end, text: MASK });
      }
    }
  }
  return out;
}

function leaks(prompt: string, words: string[]): boolean {
  const index = new WordIndex([prompt]);
  return words.some((w) => index.has(w));
}

/** "signed with the United States": some country names need an article in running text. */
function withArticle(name: string, masked: string, at: number): string {
  const before = masked.slice(Math.max(0, at - 5), at).toLowerCase();
  const needs = /^(United|Czech|Dominican|Central African)\b|(Republic|Islands|Emirates|Netherlands|Philippines|Bahamas|Maldives|Comoros|Seychelles|Gambia)$/.test(name);
  return needs && !/\bthe\s+$/.test(before) && !/^(the|a|an)\b/i.test(name) ? `the ${name}` : name;
}

/** "John Howard said: "We are two great Pacific democracies."": a first-person sentence names its speaker. */
/**
 * `text` as its speaker's words when the sentence is theirs to vouch for: first person, the
 * interviewer's turn, an opinion — or, with `characterisation`, any sentence of a speaker's turn
 * that says what something *is* (a definition card: "Russia's main strategy is …" is the
 * interviewee's reading, not a fact the document vouches for). Unchanged without a known speaker.
 */
export function attribute(s: Candidate["sentence"], text: string, characterisation = false, rewritten = false): string {
  // A view the writer reports in their own words is not quoted (evaluative.ts `attributeReported`);
  // nor is a sentence the card made from a speaker's clause (trim.ts `liftedRelative`): those were
  // never the speaker's words, so they are reported, not put in quotation marks (blind reading).
  // A name keeps its capital after "According to X," ("Norway has …"); "For several years" does not.
  const ownWords = !rewritten || personalQuestion(text);
  if ((s.reported || (!ownWords && spoken(s, characterisation))) && s.speaker) {
    const first = s.tokens[0];
    const proper = !first || first.pos === "PROPN" || !text.toLowerCase().startsWith(first.lower);
    return `According to ${s.speaker}, ${proper ? text : text.charAt(0).toLowerCase() + text.slice(1)}`;
  }
  return spoken(s, characterisation) && s.speaker ? `${capitalizeFirst(s.speaker)} said: "${text}"` : text;
}

/** Words a card gives only as their speaker's: first person, an interviewer's turn, an opinion, a characterisation. */
const spoken = (s: Candidate["sentence"], characterisation: boolean): boolean => !!(s.firstPerson || s.questionTurn || s.opinion || characterisation);

/** Whether `attribute` shows `text` in quotation marks as the speaker's own words. */
function quoted(s: Candidate["sentence"], text: string, characterisation: boolean, rewritten: boolean): boolean {
  return !!s.speaker && !s.reported && spoken(s, characterisation) && (!rewritten || personalQuestion(text));
}

/**
 * In a quotation, what the card wrote in place of the speaker's words — a resolved "today" ("on
 * ____", "on June 17, 2015"), "it" spelled out ("the agreement") — is set in square brackets, as
 * an editor marks an insertion: the quotation stays the speaker's (blind reading: "Today" quoted
 * as "On June 14, 2012" is words never said). `at` is where the quoted text starts.
 */
function bracketed(r: Replacement, at: number): Replacement {
  return { ...r, text: `[${r.start === at ? capitalizeFirst(r.text) : r.text}]` };
}

/** A question rewritten from a first- or second-person clause ("When did we sign …?") cannot be answered. */
function personalQuestion(q: string): boolean {
  const p = personOf(q.split(/[^\p{L}'.]+/u).filter(Boolean).map((w) => ({ text: w, lower: w.toLowerCase() })));
  return p.first || p.second;
}

const BOUND_BEFORE =
  /(?:^|[^\p{L}])(?:after|before|since|until|till|by|beyond|over|under|within|more than|less than|fewer than|at least|at most|up to|no more than|no less than|the end of|the end|(?:the )?(?:last|past|next))\s+$/iu;

/**
 * The answer at `at` is written as a bound ("after ____", "more than ____", "by the end of ____") or a
 * span up to now ("in the last ____ hours", "over the past ____ years": a shorter span may be true
 * too); "about 80%" is not one.
 */
export function isBound(masked: string, at: number): boolean {
  return BOUND_BEFORE.test(masked.slice(Math.max(0, at - 30), at));
}

const APPROX_BEFORE = /(?:^|[^\p{L}])(?:about|around|approximately|roughly|nearly|almost|some|close to|an estimated|estimated|circa|c\.)\s+$/iu;
const APPROX_AFTER = /^\s*(?:or so|-odd|odd|or more|or less|plus|-plus)\b/iu;

/**
 * The answer at [at, end) is an approximation ("around 12 times", "17 or so", "some 40 nations") or a
 * date counted back from the document's date ("a decade ago", "20 years ago"): a near distractor
 * ("11 times") may be what the text means too (see farApart).
 */
export function isApproximate(masked: string, at: number, end: number, written?: unknown): boolean {
  if (typeof written === "string" && /\b(ago|decade|decades|century|centuries)\b/i.test(written)) return true;
  return APPROX_BEFORE.test(masked.slice(Math.max(0, at - 20), at)) || APPROX_AFTER.test(masked.slice(end, end + 10));
}

const firstNumber = (s: string): number => Number((/\d[\d,]*(?:\.\d+)?/.exec(s)?.[0] ?? "").replace(/,/g, ""));

/**
 * A distractor for an approximate figure is only safe when it lies at least 10% away from it ("about
 * 80%": 70% is not what the text means; "around 12 times": 11 could be). Non-numeric options pass.
 */
export function farApart(answer: string, distractor: string): boolean {
  const a = firstNumber(answer);
  const d = firstNumber(distractor);
  if (!Number.isFinite(a) || !Number.isFinite(d) || a === 0) return true;
  return Math.abs(a - d) / Math.abs(a) >= 0.1;
}

/**
 * A sentence a card cannot be cut from whole: it ends on a colon (what follows is a list or a quote
 * in the next sentence), leaves a quotation open, or lost a verb after a modal ("will its share").
 */
export function isCutSentence(text: string): boolean {
  const t = text.trim();
  if (/:$/.test(t)) return true;
  // "The UK will its share of the liabilities …": a modal followed by a determiner lost its verb.
  if (!/\?$/.test(t) && /\b(?:will|would|shall|must|should)\s+(?:its|their|his|her|our|the|a|an)\b/i.test(t)) return true;
  const straight = (t.match(/"/g) ?? []).length;
  const open = (t.match(/\u201c/g) ?? []).length;
  const close = (t.match(/\u201d/g) ?? []).length;
  return straight % 2 === 1 || open !== close;
}

/**
 * The rest of the prompt gives the answer away: every content word of a multi-word answer is written
 * elsewhere in it ("a seat on the ____ … the Security Council with the United Nations"), or a count
 * stands beside a bracketed list of exactly that many items ("____ states joined (A, B, C)").
 */
export function givesAway(prompt: string, answer: string, value?: unknown): boolean {
  const rest = prompt.replace(BLANK, " ");
  const content = answer.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2 && /^\p{Lu}/u.test(w));
  if (content.length >= 2 && content.every((w) => new RegExp(`(^|[^\\p{L}])${w}($|[^\\p{L}])`, "u").test(rest))) return true;
  if (typeof value === "number" && value >= 2) {
    for (const m of rest.matchAll(/\(([^()]*)\)/g)) {
      const items = m[1].split(/,|\band\b/).map((x) => x.trim()).filter(Boolean);
      if (items.length === value) return true;
    }
  }
  return false;
}

const LINK = /^(of|the|and|for|on|in|de|du|des|la|le)$/i;

/** Initials of a name's capitalised words: "United Nations" → "UN", "Organization of American States" → "OAS". */
export function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w) && !LINK.test(w))
    .map((w) => w[0])
    .join("");
}

/**
 * The prompt writes the answer in another form: its acronym ("the UN Security Council … with the ____"
 * for "United Nations") or, for an acronym answer, its expansion ("the North Atlantic Treaty
 * Organization … ____ members" for "NATO").
 */
export function otherForm(rest: string, answer: string): boolean {
  const words = rest.split(/[^\p{L}\p{N}&]+/u).filter(Boolean);
  if (/^[A-Z&]{2,7}$/.test(answer)) {
    // Runs of capitalised words (with "of", "the", "and" inside) whose initials spell the acronym.
    for (let i = 0; i < words.length; i++) {
      if (!/^\p{Lu}\p{Ll}/u.test(words[i])) continue;
      let acr = "";
      for (let j = i; j < words.length && acr.length < answer.length; j++) {
        if (LINK.test(words[j]) && j > i) continue;
        if (!/^\p{Lu}/u.test(words[j])) break;
        acr += words[j][0];
      }
      if (acr === answer) return true;
    }
    return false;
  }
  const acr = initialsOf(answer);
  return acr.length >= 2 && answer.trim().split(/\s+/).length >= 2 && words.includes(acr);
}

export function factKey(c: Candidate): string {
  return `f_${hash(`${c.kind}|${c.answer}|${c.sentence.text}`)}`;
}

export interface Built {
  fact: Fact;
  cards: CardDraft[];
  /** The long part of a sentence the cards show (sentence, span and cuts), or the fact's own key when it is short: cards of one long frame repeat one another. */
  frame: string;
}

export function buildCards(cut: Candidate, doc: DocContext, pools: Pools): Built | null {
  // "… for the Facility for Refugees ____": a name cut before its "in/of/for <Name>" tail takes it back (name-tails.ts).
  const c = withTail(cut, doc.masked, answerEntities(cut, doc)[0]?.type ?? (cut.fields.type === "person" ? "person" : undefined));
  const s = c.sentence;
  // A count announcing the list that follows ("… three main components:") ends its own cloze (counts.ts).
  if (isCutSentence(c.fields.listIntro ? s.text.replace(/:$/, ".") : s.text)) return null;
  const context = [...(c.context ?? []), ...(s.resolved && !c.statement ? [s.resolved] : [])];
  const words = leakWords(c, doc);
  const fk = factKey(c);
  // A long sentence is shown cut down to the clause that holds the answer (trim.ts); the source stays whole.
  const view = c.statement ? { bodyStart: s.bodyStart, bodyEnd: s.bodyEnd, truncated: s.truncated, cuts: [] } : clauseView(s, doc.masked, c.start, c.end);
  // A speaker's sentence in quotation marks shows the card's own words in brackets (`bracketed`).
  const characterisation = c.kind === "definition" && !!s.speaker;
  const edits = new Set<Replacement>(context);
  const shown = (reps: Replacement[]) => {
    const plain = render(doc.masked, view, [...reps, ...view.cuts]);
    if (c.fields.attributed || !reps.some((r) => edits.has(r)) || !quoted(s, plain, characterisation, !!view.rewritten)) return plain;
    return render(doc.masked, view, [...reps.map((r) => (edits.has(r) ? bracketed(r, view.bodyStart) : r)), ...view.cuts]);
  };
  // A blank that replaces words the answer is not written as ("on ____" for "today", "____" for "the
  // 30th of January" or "April" when the answer is "April 2005") stands for the card's own words.
  const inserted = !!c.blank;
  const edit = (r: Replacement): Replacement => (inserted && edits.add(r), r);

  // The answer must occur once: a second occurrence would make the blank ambiguous or give it away.
  const occurrences = countWord(c.statement ?? s.text, c.answer);
  let cloze: string | null = null;
  if (c.statement) {
    const candidate = replaceWord(c.statement, c.answer, BLANK, true);
    if (occurrences === 1 && !leaks(candidate, words)) cloze = candidate;
  } else if (c.blank && occurrences === 0) {
    const candidate = shown([edit({ start: c.start, end: c.end, text: c.blank }), ...context]);
    if (candidate.includes(BLANK) && !leaks(candidate, words)) cloze = candidate;
  } else if (occurrences === 1) {
    // A leaking demonym or name variant is masked; masking the answer's own text elsewhere is not
    // attempted (that is the ambiguity case above).
    const masks = leakMasks(c, doc, words.filter((w) => w !== c.answer));
    const candidate = shown([{ start: c.start, end: c.end, text: BLANK }, ...context, ...masks]);
    if (candidate.includes(BLANK) && !leaks(candidate, words)) cloze = candidate;
  }
  let question: string | null = null;
  if (c.question) {
    let q = c.question;
    for (const w of words.filter((x) => x !== c.answer)) {
      q = replaceWord(q, w, MASK);
    }
    if (!leaks(q, words) && !personalQuestion(q)) question = q;
  }
  // "The […] (____)": an acronym asked with its own expansion masked beside it cannot be answered.
  if (cloze && (cloze.includes(`${MASK} (${BLANK})`) || cloze.includes(`${BLANK} (${MASK})`))) cloze = null;
  // "Australia is ____.": with (almost) nothing left around the blank, a learner cannot tell what is asked.
  if (cloze && cloze.replace(BLANK, " ").split(/\s+/).filter((w) => /\p{L}/u.test(w)).length < 4) cloze = null;
  // What stays too long after trimming cannot be held in mind as one question.
  if (cloze && !c.statement && cloze.length > MAX_CLOZE_CHARS) cloze = null;
  // A speaker's characterisation ("X is …") is theirs: attributed in every form, and never asked as a bare "What is X?".
  // What an acronym stands for is no one's characterisation: it keeps its question.
  if (characterisation && !c.fields.attributed && !c.fields.expansion) question = null;
  // A claim's statement names its speaker already (claims.ts).
  if (cloze && !c.fields.attributed) cloze = attribute(s, cloze, characterisation, view.rewritten);
  // "… the establishment of it ____ ago": a referent the card never names (references.ts).
  if (cloze && hasUnresolvedReference(cloze)) cloze = null;
  if (question && hasUnresolvedReference(question)) question = null;
  // The speaker's name or role may itself give the answer away ("The NATO Secretary General said: "____ is …"").
  if (cloze && leaks(cloze, words)) cloze = null;
  if (!cloze && !question) return null;

  // One country out of a list of many ("… Cuba, Denmark, ____, Egypt, …") cannot be told apart.
  if (cloze && (c.answerType.t === "entity" || c.answerType.t === "entity-list")) {
    const types = doc.entities.bySentence[s.index]?.map((m) => m.type) ?? [];
    const ty = answerEntities(c, doc)[0]?.type;
    if (ty && types.filter((t) => t === ty).length >= 5) cloze = null;
  }
  // "a period of ____ and … two six-monthly rotations", "the ____ Century", "We are ____ great democracies" (trivial.ts).
  const year = doc.published?.year ?? null;
  if (cloze && trivialBlank(cloze, c.answer, year)) cloze = null;
  if (question && trivialBlank(question, c.answer, year)) question = null;
  if (cloze && givesAway(cloze, c.answer, c.fields.value)) cloze = null;
  if (question && givesAway(question, c.answer, c.fields.value)) question = null;
  // An acronym's definition asks with the acronym on purpose ("What does NAO stand for?"); any other
  // prompt that writes the answer's acronym or expansion gives it away.
  if (!c.fields.expansion) {
    if (cloze && otherForm(cloze.replace(BLANK, " "), c.answer)) cloze = null;
    if (question && otherForm(question, c.answer)) question = null;
  }
  if (!cloze && !question) return null;
  const prompts = [cloze, question].filter((p): p is string => !!p);
  // A bound ("after 2014", "more than 50 nations") stays true for many other values: a distractor
  // could also be correct and a swapped statement would not be false, so a bound gets neither.
  // An approximation keeps its distractors only when all are far from it: a near one may be what the text means.
  // A negated or excluding context ("concluded outside the ____", "never interferes … the ____") stays
  // true for other values too: no distractor could be wrong (false-statements.ts).
  // Examples ("countries such as A, B or C") exclude no other list: no distractor is surely wrong.
  let distractors =
    isBound(doc.masked, c.start) || negatedContext(doc.masked, s.bodyStart, c.start) || exampleList(doc.masked, c.start, c.answer) ? [] : distractorsFor(c, doc, pools, prompts);
  // An answer that opens its sentence is written with a capital ("Two doses …"): its options are too,
  // or the one capitalised option gives the answer away (blind reading of a holdout text).
  if (c.start === s.bodyStart && /^\p{Lu}/u.test(c.answer)) distractors = distractors.map((d) => capitalizeFirst(d));
  const approximate = isApproximate(doc.masked, c.start, c.end, c.fields.written);
  if (approximate && !distractors.every((d) => farApart(c.answer, d))) distractors = [];
  const entity = answerEntities(c, doc)[0];
  let accepted = acceptedVariants(c.answer, c.answerType, c.answerType.t === "entity" ? entity : undefined, prompts.join(" "));
  // A date the text writes without a year ("a reference date of 30 June", often one that recurs each
  // year) accepts no form with a year added: the year would be a guess, and a wrong one accepted.
  if (c.kind === "date" && !/\b\d{4}\b/.test(c.answer)) accepted = accepted.filter((v) => !/\b\d{4}\b/.test(v));
  // The same amount in another currency ("€3.5 billion (£3.1 billion)", currency-pairs.ts).
  if (Array.isArray(c.fields.alsoAccepted)) accepted = [...accepted, ...c.fields.alsoAccepted.map(String)];
  const trueStatement = c.fields.attributed && c.statement ? c.statement : attribute(s, c.statement ?? shown(context), characterisation);
  let falseStatement: string | null = null;
  // A false statement swaps the answer where the text writes it; a resolved "last Tuesday" has no such place.
  // A hedged figure ("15 years or so", "around 40 per cent") is never perturbed: a near value may be what the text means.
  if (distractors.length && !approximate && (c.statement || occurrences > 0 || c.blank)) {
    const swapped =
      c.statement && cloze
        ? cloze.replace(BLANK, distractors[0])
        : shown([
            c.blank && occurrences === 0
              ? edit({ start: c.start, end: c.end, text: c.blank.replace(BLANK, distractors[0]) })
              : swapWithArticle(doc.masked, c.start, c.end, c.answer, withArticle(distractors[0], doc.masked, c.start)),
            ...context,
          ]);
    const attributed = c.statement && cloze ? swapped : attribute(s, swapped, characterisation);
    falseStatement = attributed !== trueStatement ? attributed : null;
  }

  const fact: Fact = {
    key: fk,
    kind: c.kind,
    answer: c.answer,
    sentence: s.text,
    start: s.start,
    end: s.end,
    fields: Object.fromEntries(Object.entries(c.fields).filter(([, v]) => v !== undefined)),
  };
  const make = (type: CardDraft["type"], prompt: string): CardDraft => ({
    key: `c_${hash(`${fk}|${type}`)}`,
    factKey: fk,
    kind: c.kind,
    type,
    prompt,
    answer: c.answer,
    accepted,
    distractors,
    trueStatement,
    falseStatement,
    source: s.text,
  });
  const cards: CardDraft[] = [];
  if (cloze) cards.push(make("cloze", cloze));
  if (question) cards.push(make("question", question));
  // Only a long frame is capped: on a short sentence each blank is read at a glance.
  const long = shown([]).length > TRIM_ABOVE;
  return { fact, cards, frame: long ? `${s.index}|${view.bodyStart}|${view.bodyEnd}|${view.cuts.map((x) => `${x.start}-${x.end}`).join(",")}` : `${fk}` };
}
