// Phrase answers with no named entity or number: what a named subject is, has, becomes or means
// ("APEC has ____" → "no security policy mandate"), and what there is ("There is a ____ by both
// parties …" → "statement of intent"). One clause of a sentence is read at a time; the answer is a
// short, content-bearing noun phrase (or an adjective with its complement: "fundamental to our
// security"), never a pronoun, function words, a filler noun or a bare name or figure (those are
// other extractors' facts). The subject must say what the clause is about without context: a name,
// a resolved "It", or a definite noun phrase with a complement ("the terms of the settlement").
// Statements are attributed to the sentence's speaker (claims.ts). Linear in the sentence length.
import type { Candidate, DocContext } from "./candidate";
import { answerStatement, attributedStatement, claimAllowed, questionBefore, verbLike } from "./claims";
import { subjectStart, type Sentence, type Tok } from "./sentences";
import { tidy } from "./text";
import { bareNounInFrame, vagueAnswer } from "./vague";

/** At most this many phrase facts per sentence (the rest are siblings of the same sentence anyway). */
const MAX_PER_SENTENCE = 2;
/** Longest answer, in tokens (articles excluded). */
const MAX_ANSWER = 7;
/** Fewest words the statement keeps around the blank (the speaker's name not counted). */
const MIN_CONTEXT = 4;
/** A whole sentence longer than this is cut to the clause the answer is in. */
const MAX_STATEMENT_WORDS = 32;

// Linking verbs: the complement says what the subject is, has, becomes or amounts to.
const LINKING = /^(is|are|was|were|'s|be|been|become|becomes|became|remain|remains|remained|has|have|had|mean|means|meant)$/;
const MODAL = /^(will|shall|should|can|must|also|now|still|already|only|then|always|thus|therefore|currently)$/;
// Words after which a new clause (and so a new subject) may start.
const CLAUSE_OPENERS = /^(,|;|:|–|—|and|but|so|because|while|whereas|although|though|that|think|believe|know|say|said|says|hope|suppose|reckon)$/;
const MARKER = /^(well|and|but|so|now|yes|also|then|indeed|of|course|,)$/;
const PRONOUNS = /^(i|we|you|he|she|it|they|me|us|him|her|them|this|that|these|those|one|something|anything|nothing|everything|someone|anyone|everyone|who|what|which|there|here|its|their|his|hers|theirs|your|yours)$/;
const FIRST_POSSESSIVE = /^(our|my)$/;
// Heads that carry no content of their own: "a lot", "the way", "part of it", "a good thing".
const FILLER =
  /^(thing|things|lot|lots|way|ways|part|kind|sort|type|issue|issues|matter|fact|case|need|question|problem|point|one|ones|time|times|position|situation|stuff|area|areas|aspect|example|reason|reasons|factor|factors|something|step|level|bit|deal|number|range|set|sense|doubt|chance|idea|opportunity|result)$/;
// Judgements, not facts: never stated as a plain fact by a document that speaks for itself.
const EVALUATIVE =
  /^(good|bad|great|best|worst|better|worse|wonderful|excellent|terrible|important|valuable|significant|fine|nice|wrong|right|appropriate|fantastic|remarkable|historic|extraordinary|successful|strong|weak|close|key|crucial|vital|critical|essential|fundamental|major|serious)$/;
// Verbs whose object is a report, a wish or a light filler rather than a fact about the subject.
const NOT_TRANSITIVE =
  /^(say|says|said|tell|tells|told|think|thinks|thought|believe|believes|believed|know|knows|knew|hope|hopes|hoped|want|wants|wanted|like|likes|liked|feel|feels|felt|see|sees|saw|seen|get|gets|got|do|does|did|done|let|lets|need|needs|needed|thank|thanks|thanked|look|looks|seem|seems|seemed|take|takes|took|make|makes|made|give|gives|gave|put|puts|go|goes|went|come|comes|came|use|uses|used|find|finds|found|keep|keeps|kept|hear|heard|ask|asks|asked|expect|expects|expected|mention|mentioned|note|noted|welcome|welcomed|value|values|valued|appreciate|appreciated|recall|remember|remembered|understand|understood|suggest|suggested|argue|argued|claim|claimed)$/;
const PP = /^(of|to|for|with|between|on|in|against|from|across|among|under)$/;

const nominal = (t: Tok | undefined): boolean => !!t && /^(NOUN|PROPN|NUM|ADJ)$/.test(t.pos) && !PRONOUNS.test(t.lower);

const glued = (toks: Tok[], k: number): boolean => /^[-–]$/.test(toks[k].text) && toks[k - 1]?.end === toks[k].start && toks[k + 1]?.start === toks[k].end;

/**
 * A noun phrase from `a`: determiner, adjectives, nouns, names, "'s", hyphenated words, at most
 * `maxPP` prepositional complements and "and"/"or" between bare nominals. Returns its end (exclusive)
 * or `a` when there is none.
 */
function nounPhrase(toks: Tok[], a: number, maxPP: number, subject = false): number {
  let k = a;
  if (toks[k] && (/^(DET)$/.test(toks[k].pos) || FIRST_POSSESSIVE.test(toks[k].lower)) && !/^(this|that|these|those|which|what|any|each|every|either|neither|some|all)$/.test(toks[k].lower)) k++;
  let pps = 0;
  let end = a;
  while (k < toks.length) {
    const t = toks[k];
    if (k === a && t.pos === "ADV") break;
    // "on fishing quotas", "manufacturing exports": a gerund before a noun is a modifier.
    const gerund = t.pos === "VERB" && /ing$/.test(t.lower) && k > a && toks[k + 1]?.pos === "NOUN";
    if (nominal(t) || gerund || (t.pos === "PART" && t.lower === "'s" && k > a) || (t.pos === "ADV" && /^(ADJ|ADV)$/.test(toks[k + 1]?.pos ?? "") && !/^(very|so|too|really|quite|most|more)$/.test(t.lower))) {
      k++;
      if (/^(NOUN|PROPN|NUM|ADJ|PART)$/.test(t.pos)) end = k;
      continue;
    }
    // "99.9 per cent": the unit belongs to its figure.
    if (t.lower === "per" && toks[k - 1]?.pos === "NUM" && toks[k + 1]?.lower === "cent") {
      k += 2;
      end = k;
      continue;
    }
    if (glued(toks, k) && nominal(toks[k + 1])) {
      k++;
      continue;
    }
    if (/^(and|or|&)$/.test(t.lower) && end === k && /^(NOUN|PROPN|ADJ)$/.test(toks[k + 1]?.pos ?? "") && (subject || !toks.slice(k + 1, k + 5).some((x) => /^(VERB|AUX)$/.test(x.pos)))) {
      k++;
      continue;
    }
    if (PP.test(t.lower) && end === k && end > a && pps < maxPP) {
      let j = k + 1;
      if (toks[j] && (toks[j].pos === "DET" || FIRST_POSSESSIVE.test(toks[j].lower)) && !/^(this|that|these|those)$/.test(toks[j].lower)) j++;
      if (!nominal(toks[j]) && !(toks[j]?.pos === "VERB" && /ing$/.test(toks[j].lower) && toks[j + 1]?.pos === "NOUN")) break;
      pps++;
      k = j;
      continue;
    }
    break;
  }
  return end;
}

/**
 * "duty free entry for 99.9 per cent of … exports": a long answer drops its last complement, then all
 * but its head phrase ("duty free entry"); so does
 * one whose last complement is cut before an "of" ("a reception for a group | of businessmen").
 */
function shortened(toks: Tok[], a: number, end: number): number {
  const cut = toks[end]?.lower === "of" && toks.slice(a, end).some((t) => PP.test(t.lower));
  if (!cut && end - a <= MAX_ANSWER) return end;
  const one = nounPhrase(toks, a, 1);
  return one - a <= MAX_ANSWER && toks[one]?.lower !== "of" ? one : nounPhrase(toks, a, 0);
}

/** A clause-final "-ing" word the tagger read as a verb ("is training."). */
function gerundAt(toks: Tok[], k: number): boolean {
  return toks[k]?.pos === "VERB" && /ing$/.test(toks[k].lower) && (!toks[k + 1] || /^[.,;:!?]$/.test(toks[k + 1].text));
}

interface Clause {
  /** Token range of the subject (empty for "there is"). */
  subj: [number, number];
  /** Token range of the answer (the complement without its leading article or possessive). */
  answer: [number, number];
  existential: boolean;
  /** The answer is a transitive verb's object, not a linking verb's complement. */
  object: boolean;
}

/** The linking clause starting at token `a`, or null. */
function clauseAt(toks: Tok[], a: number, resolvedTo = -1): Clause | null {
  let k = a;
  let existential = false;
  let subjEnd = a;
  if (toks[k]?.lower === "there") {
    existential = true;
    k++;
  } else if (resolvedTo > a) {
    // A resolved "It" or "this agreement" (its text is written into the statement).
    subjEnd = k = resolvedTo;
  } else if (toks[k]?.lower === "it") {
    subjEnd = ++k;
  } else {
    subjEnd = nounPhrase(toks, a, 2, true);
    if (subjEnd === a) return null;
    k = subjEnd;
  }
  while (toks[k] && toks[k].pos !== "PUNCT" && (MODAL.test(toks[k].lower) || (/^(have|has)$/.test(toks[k].lower) && toks[k + 1]?.lower === "been"))) k++;
  const verb = toks[k];
  if (!verb) return null;
  // "The Pact renounced the use of war": a transitive verb and its object.
  if (!LINKING.test(verb.lower)) {
    if (existential || !verbLike(toks, k) || NOT_TRANSITIVE.test(verb.lower) || /ing$/.test(verb.lower)) return null;
    let o = k + 1;
    if (toks[o] && toks[o].pos === "DET" && !/^(this|that|these|those|any|all|some|each|no|which|what)$/.test(toks[o].lower)) o++;
    if (!toks[o] || !/^(NOUN|ADJ)$/.test(toks[o].pos)) return null;
    const end = shortened(toks, o, nounPhrase(toks, o, 2));
    if (end === o) return null;
    return { subj: [a, subjEnd], answer: [o, end], existential: false, object: true };
  }
  if (existential && !/^(is|are|was|were|be|'s)$/.test(verb.lower)) return null;
  k++;
  // "has been", "is being": keep reading the verb group; "is doing", "has taken": not a linking verb.
  if (toks[k] && /^(been|being)$/.test(toks[k].lower)) k++;
  // "The final reason is training.": a clause-final "-ing" word after "is" is a noun, not a progressive.
  if (gerundAt(toks, k)) return { subj: [a, subjEnd], answer: [k, k + 1], existential, object: false };
  if (toks[k] && /^(VERB|AUX)$/.test(toks[k].pos)) return null;
  if (toks[k] && /^(not|n't|never)$/.test(toks[k].lower)) return null;
  // "served as": the complement follows "as".
  let c = k;
  while (toks[c] && /^(now|also|still|already|currently|therefore|thus)$/.test(toks[c].lower)) c++;
  if (toks[c] && (toks[c].pos === "DET" || FIRST_POSSESSIVE.test(toks[c].lower)) && !/^(no|this|that|these|those|any|all|some|each)$/.test(toks[c].lower)) c++;
  if (toks[c] && /^(only|just)$/.test(toks[c].lower)) c++;
  const start = c;
  // "no security policy mandate": a negative determiner is part of the answer.
  const end = shortened(toks, start, nounPhrase(toks, start, 2));
  if (end === start) return null;
  return { subj: [a, subjEnd], answer: [start, end], existential, object: false };
}

/** Is the answer a short, content-bearing phrase that a reader of the document could recall? */
function goodAnswer(toks: Tok[], [a, b]: [number, number], evaluativeOk: boolean): boolean {
  const ans = toks.slice(a, b);
  const words = ans.filter((t) => /\p{L}/u.test(t.text));
  if (words.length === 0 || words.length > MAX_ANSWER) return false;
  if (ans.some((t) => PRONOUNS.test(t.lower))) return false;
  // "a bread leavened | by wild yeast": the answer ends on its noun, not on a modifier cut from what follows.
  const gerund = b === a + 1 && gerundAt(toks, a);
  if (!/^(NOUN|PROPN|NUM|PART)$/.test(ans[ans.length - 1].pos) && !gerund) return false;
  const nouns = ans.filter((t) => t.pos === "NOUN" || gerund);
  // Names and figures alone are the other extractors' facts.
  if (nouns.length === 0 && !(ans[0].pos === "ADJ" && ans.some((t) => PP.test(t.lower)) && ans.some((t) => t.pos === "PROPN" || t.pos === "NOUN"))) return false;
  const headIdx = ans.findIndex((t, k) => t.pos === "NOUN" && !/^(NOUN)$/.test(ans[k + 1]?.pos ?? ""));
  const head = headIdx >= 0 ? ans[headIdx] : nouns[nouns.length - 1];
  if (head && FILLER.test(head.lower)) return false;
  if (!evaluativeOk && ans.some((t) => EVALUATIVE.test(t.lower))) return false;
  // A one-word answer must be a noun of some weight ("training", not "use"), and not one that points
  // back to something named before ("approved the ____" → "treaty", "signed an ____" → "agreement").
  if (words.length === 1 && (words[0].text.length < 5 || (words[0].pos !== "NOUN" && !gerund) || toks[a - 1]?.pos === "DET" || /^(its|their|his|her|our|my)$/.test(toks[a - 1]?.lower ?? ""))) return false;
  return true;
}

/** Is the subject specific enough for the clause to be understood alone? */
function specificSubject(toks: Tok[], [a, b]: [number, number], resolved: boolean): boolean {
  if (b === a) return false;
  const subj = toks.slice(a, b);
  if (resolved) return true;
  if (subj.length === 1 && subj[0].lower === "it") return false;
  if (subj.some((t) => t.pos === "PROPN")) return true;
  // "The terms of the financial settlement": a definite noun phrase with a complement.
  return /^(the|our|my)$/.test(subj[0].lower) && subj.some((t) => PP.test(t.lower)) && subj.filter((t) => t.pos === "NOUN").length >= 2;
}

/** "the final reason", "our main worry": a definite noun phrase without a name or complement. */
function bareDefinite(toks: Tok[], [a, b]: [number, number]): boolean {
  const subj = toks.slice(a, b);
  return subj.length >= 2 && /^(the|our|my)$/.test(subj[0].lower) && subj[subj.length - 1].pos === "NOUN" && subj.slice(1).every((t) => /^(ADJ|NOUN)$/.test(t.pos));
}

/** Where clauses may start: the sentence's subject position and after clause openers. */
function clauseStarts(toks: Tok[]): number[] {
  const out = new Set<number>([subjectStart(toks)]);
  for (let k = 0; k < toks.length - 2; k++) {
    if (!CLAUSE_OPENERS.test(toks[k].lower)) continue;
    // "Australia and Japan are …": "and" between two nouns joins a subject, it starts no clause.
    if (/^(and|or)$/.test(toks[k].lower) && /^(NOUN|PROPN)$/.test(toks[k - 1]?.pos ?? "") && /^(NOUN|PROPN|ADJ)$/.test(toks[k + 1].pos)) continue;
    out.add(k + 1);
  }
  return [...out].sort((x, y) => x - y).map((k) => {
    let j = k;
    while (toks[j] && MARKER.test(toks[j].lower) && j - k < 3) j++;
    return j;
  });
}

function wordsBetween(toks: Tok[], a: number, b: number): number {
  let n = 0;
  for (let k = a; k < b; k++) if (/\p{L}/u.test(toks[k].text)) n++;
  return n;
}

/** End of the clause an answer ends at: the next ",", ";", ":", dash or sentence end. */
function clauseEnd(toks: Tok[], from: number): number {
  let k = from;
  while (
    k < toks.length &&
    !/^(,|;|:|–|—)$/.test(toks[k].text) &&
    !(toks[k].text === "-" && !glued(toks, k)) &&
    !/^[.!?]$/.test(toks[k].text) &&
    !/^(because|although|though|while|whereas|since|unless|if|when)$/.test(toks[k].lower) &&
    // "… in Australia and it puts …": a new clause with its own subject.
    !(/^(and|but)$/.test(toks[k].lower) && toks[k + 1]?.pos === "PRON" && /^(AUX|VERB)$/.test(toks[k + 2]?.pos ?? ""))
  )
    k++;
  return k;
}

function textOf(doc: DocContext, s: Sentence, from: number, to: number, resolveIt: boolean): string {
  const toks = s.tokens;
  if (to <= from) return "";
  let out = "";
  let at = toks[from].start;
  if (resolveIt && s.resolved && s.resolved.start >= at && s.resolved.end <= toks[to - 1].end) {
    out += doc.masked.slice(at, s.resolved.start) + s.resolved.text;
    at = s.resolved.end;
  }
  out += doc.masked.slice(at, toks[to - 1].end);
  return tidy(out.replace(/\s+/g, " "));
}

const stems = (s: string): string[] =>
  s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 3)
    .map((w) => w.replace(/(ies|es|s)$/, ""));

/** Every content word of the answer is written elsewhere in the prompt: the blank is given away. */
export function phraseGivenAway(statement: string, answer: string): boolean {
  const rest = new Set(stems(statement.replace(answer, " ")));
  const words = stems(answer);
  return words.length > 0 && words.every((w) => rest.has(w));
}

/** Phrase facts of one sentence (at most MAX_PER_SENTENCE). */
export function phraseCandidates(doc: DocContext, s: Sentence): Candidate[] {
  if (!claimAllowed(s)) return [];
  const toks = s.tokens;
  const out: Candidate[] = [];
  const wholeWords = toks.filter((t) => /\p{L}/u.test(t.text)).length;
  for (const a of clauseStarts(toks)) {
    if (out.length >= MAX_PER_SENTENCE) break;
    const resolvedTo = s.resolved && toks[a]?.start === s.resolved.start ? toks.findIndex((t) => t.end >= (s.resolved?.end ?? 0)) + 1 : -1;
    const cl = clauseAt(toks, a, resolvedTo);
    if (!cl) continue;
    const resolved = resolvedTo > a;
    // "The final reason is training.": a bare definite subject is understood from the question it answers.
    const asked = !cl.existential && !specificSubject(toks, cl.subj, resolved) && bareDefinite(toks, cl.subj) ? questionBefore(doc, s) : null;
    if (!cl.existential && !specificSubject(toks, cl.subj, resolved) && !asked) continue;
    if (!goodAnswer(toks, cl.answer, !!s.speaker)) continue;
    // "a close friend", "a clear timeline": a judgement, several answers fit (vague.ts).
    if (vagueAnswer(toks.slice(cl.answer[0], cl.answer[1]))) continue;
    if (bareNounInFrame(toks.slice(cl.answer[0], cl.answer[1]), toks[cl.answer[0] - 1], toks[cl.answer[1]])) continue;
    // The statement: the whole sentence when short, else the clause (with a fronted phrase kept).
    // A whole sentence with another clause about an unresolved "it" ("… and it puts …") is cut to the answer's clause.
    const otherIt = toks.some((t, k) => t.lower === "it" && !(resolved && k === cl.subj[0]) && toks.slice(k + 1, k + 3).some((x) => /^(AUX|VERB)$/.test(x.pos)));
    const whole = wholeWords <= MAX_STATEMENT_WORDS && !otherIt;
    // "But here's the problem: APEC has …": what a colon announces is the statement.
    // "But here's the problem: APEC has …": what a colon announces is the statement, unless that
    // leaves too little around the blank ("APEC has ____").
    const colon = toks.slice(0, cl.subj[0]).map((t) => t.text).lastIndexOf(":");
    const base = whole || a === subjectStart(toks) ? 0 : a;
    const fromTok = colon >= base && wordsBetween(toks, colon + 1, cl.answer[0]) + wordsBetween(toks, cl.answer[1], whole ? toks.length : clauseEnd(toks, cl.answer[1])) >= MIN_CONTEXT ? colon + 1 : base;
    const to = whole ? toks.length : clauseEnd(toks, cl.answer[1]);
    const span = toks.slice(fromTok, to);
    if (span.some((t) => /^(you|your|yours)$/.test(t.lower))) continue;
    const firstPerson = span.some((t) => /^(i|we|us|our|ours|my|me|mine)$/.test(t.lower) && (t.lower !== "i" || t.text === "I"));
    // A resolved "It" in the speaker's own first-person words: "Tony Abbott said of the agreement: "It means …"".
    const about = resolved && firstPerson && fromTok === cl.subj[0] && s.resolved ? s.resolved.text : undefined;
    const verbatim = !resolved || !!about;
    if (asked && resolved) continue;
    // "Japan is a ____.": a clause with almost nothing around the blank could ask for anything.
    const spelled = resolved && s.resolved ? s.resolved.text.split(" ").length - wordsBetween(toks, cl.subj[0], cl.subj[1]) : 0;
    if (wordsBetween(toks, fromTok, cl.answer[0]) + wordsBetween(toks, cl.answer[1], to) + spelled < MIN_CONTEXT) continue;
    const clause = textOf(doc, s, fromTok, to, resolved && !about);
    const properStart = !(resolved && fromTok === cl.subj[0]) && (toks[fromTok].pos === "PROPN" || /^\p{Lu}{2,}/u.test(toks[fromTok].text));
    const statement = asked ? answerStatement(asked, s.speaker, clause) : attributedStatement(s, clause, { firstPerson, verbatim, about, properStart: properStart || (resolved && fromTok === cl.subj[0] && /^\p{Lu}/u.test(s.resolved?.text ?? "") && !/^(The|A|An)\b/.test(s.resolved?.text ?? "")) });
    if (!statement) continue;
    const answer = tidy(doc.masked.slice(toks[cl.answer[0]].start, toks[cl.answer[1] - 1].end).replace(/\s+/g, " "));
    if (phraseGivenAway(statement, answer)) continue;
    // "pay less for cars, for clothes, …": an answer cut out of a list of complements.
    if (toks[cl.answer[1]]?.text === "," && toks[cl.answer[1] + 1]?.pos === "ADP") continue;
    // The unresolved "it" of a clause the statement did not start at would point nowhere.
    // (a subject "it", or any "it"/"they"/"them" of a clause cut out of its sentence).
    const dangling = (t: Tok, k: number) =>
      !(resolved && fromTok + k === cl.subj[0]) &&
      ((t.lower === "it" && toks.slice(fromTok + k + 1, fromTok + k + 3).some((x) => /^(AUX|VERB)$/.test(x.pos))) ||
        (!whole && /^(it|they|them)$/.test(t.lower)) ||
        // "the main language there": a place named elsewhere.
        (/^(there|here)$/.test(t.lower) && fromTok + k !== a));
    // "has three priorities: A and B": what the colon lists is the fact (a count and its list).
    if (toks[cl.answer[1]]?.text === ":") continue;
    if (toks.slice(fromTok, to).some(dangling)) continue;
    out.push({
      kind: "definition",
      sentence: s,
      answer,
      start: toks[cl.answer[0]].start,
      end: toks[cl.answer[1] - 1].end,
      answerType: { t: "phrase" },
      fields: { relation: cl.existential ? "there-is" : cl.object ? "object" : "links", claim: true, attributed: !!s.speaker, speaker: s.speaker ?? undefined },
      statement,
    });
  }
  return out;
}

/** The words a cloze keeps around its blank, without small words ("Australia and Japan are (both) ____"). */
function contextKey(c: Candidate): string {
  const rest = (c.statement ?? "").replace(c.answer, " ").toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return rest.filter((w) => w && !/^(a|an|the|both|also|all|now|still|then)$/.test(w)).join(" ");
}

/**
 * Phrase facts of a document (see the file comment). Two clozes whose prompts differ only in small
 * words ("Australia and Japan are both ____" / "Australia and Japan are ____") could each take the
 * other's answer: only the one with the longer answer is kept.
 */
export function extractPhrases(doc: DocContext): Candidate[] {
  const all = doc.sentences.flatMap((s) => phraseCandidates(doc, s));
  const best = new Map<string, Candidate>();
  for (const c of all) {
    const key = contextKey(c);
    const had = best.get(key);
    if (!had || c.answer.length > had.answer.length) best.set(key, c);
  }
  return all.filter((c) => best.get(contextKey(c)) === c);
}
