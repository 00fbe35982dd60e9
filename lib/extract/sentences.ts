import { afterFronted } from "./fronted-clauses";
import { vocativeLength } from "./vocatives";
import type { RawToken } from "./nlp";
import { capitalizeFirst, tidy } from "./text";

export interface Tok {
  /** Index within the sentence body. */
  i: number;
  text: string;
  lower: string;
  pos: string;
  start: number;
  end: number;
  ent: string | null;
  entId: number;
  /** Starts with a capital letter. */
  cap: boolean;
}

export interface Sentence {
  index: number;
  /** Offsets of the whole sentence in the document. */
  start: number;
  end: number;
  /** Offsets of the part shown to the learner (lead-ins and opinion tails removed). */
  bodyStart: number;
  bodyEnd: number;
  tokens: Tok[];
  /** The cleaned sentence, as shown to the learner. */
  text: string;
  question: boolean;
  opinion: boolean;
  /** Too short, junk, or not a clause: no facts come from it. */
  fragment: boolean;
  /** The text ended early (an opinion tail was cut): a full stop is appended. */
  truncated: boolean;
  paragraphStart: boolean;
  /** A leading "It" replaced by the previous sentence's subject, for prompts read out of context. */
  resolved?: { start: number; end: number; text: string };
  /** Mostly inside quotation marks: someone's words, not the text's own statement. */
  quoted: boolean;
  /** A short sentence whose subject is a pronoun ("It is 312 plants today."): unclear alone. */
  pronounSubject: boolean;
  /** Part of an interviewer's turn (a short labelled turn that asks a question). */
  questionTurn: boolean;
  /** "I", "we", "our" … outside quotation marks: only its speaker can make it a fact. */
  firstPerson: boolean;
  /** "you", "your" outside quotation marks: who is addressed is not in the sentence. */
  secondPerson: boolean;
  /** Who says this sentence (a transcript's resolved label, a speech's author), or null. */
  speaker: string | null;
  /** The writer reports the speaker's view in their own words ("According to him, …", evaluative.ts). */
  reported?: boolean;
}

const FIRST_PERSON = /^(i|we|us|our|ours|my|me|mine|myself|ourselves|i'm|i've|we're|we've|we'll|i'll|i'd|we'd)$/;
const SECOND_PERSON = /^(you|your|yours|yourself|yourselves|you're|you've|you'll|you'd)$/;

// A reporter's frame ("this is what we learned", "we have heard that") says how the news came,
// not who acted: it does not make the sentence the writer's own statement.
const REPORTING = /^(learned|learnt|heard|reported|understand|understood|know|knew|saw|read|noted|told)$/;

/** First and second person outside quotation marks ("US" the country is not "us"). */
export function personOf(toks: Pick<Tok, "text" | "lower">[]): { first: boolean; second: boolean } {
  let inQuote = false;
  let first = false;
  let second = false;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (t.text === '"') inQuote = !inQuote;
    if (inQuote) continue;
    if (t.text === "US" || t.text === "U.S.") continue;
    const next = toks[k + 1]?.lower === "have" || toks[k + 1]?.lower === "'ve" || toks[k + 1]?.lower === "were" ? toks[k + 2] : toks[k + 1];
    if (/^(i|we)$/.test(t.lower) && next && REPORTING.test(next.lower)) continue;
    if (FIRST_PERSON.test(t.lower) && (t.lower !== "i" || t.text === "I")) first = true;
    if (SECOND_PERSON.test(t.lower)) second = true;
  }
  return { first, second };
}

// Subjects that point back to something named earlier ("It is 312 plants today.", "Each partner ...").
// "We" stays: in an interview it is the speaker's organisation ("We have sequenced 60,000 samples").
const PRONOUN_SUBJECT = /^(it|he|she|they|this|that|these|those|you|each|both|either|neither|such)$/;
/** "That evening", "that same day", "this morning": the words after a demonstrative that make it a time adverbial. */
const TIME_ADVERBIAL = /^(day|evening|morning|afternoon|night|week|weekend|month|year|summer|winter|spring|autumn|same|january|february|march|april|may|june|july|august|september|october|november|december)$/;
const PERSONAL_SUBJECT = /^(he|she|they|it|his|her|their|its)$/;
// Greetings and addresses to someone present ("Mr Secretary-General, welcome to …", "Ladies and
// gentlemen, …") are courtesy, not facts.
const GREETING_WORDS = /\b(thank you|thanks|you're welcome|welcome to|good (morning|evening|afternoon))\b/i;
const PLEASANTRY = /\b(thank you|thanks|you're welcome|welcome to|good (morning|evening|afternoon))\b|^(mr|mrs|ms|madam|madame|ladies|dear|excellenc\w*|distinguished)\b[^,.]{0,40},/i;

// Discourse markers carry no fact and make a cloze read oddly out of context.
const MARKERS: string[][] = [
  ["and", "then"], ["so", "in", "summary"], ["in", "summary"], ["in", "short"], ["in", "other", "words"],
  ["for", "example"], ["for", "instance"], ["in", "fact"], ["of", "course"], ["on", "the", "other", "hand"],
  ["at", "the", "same", "time"], ["in", "addition"], ["that", "said"], ["and"], ["but"], ["so"], ["then"],
  ["also"], ["well"], ["now"], ["indeed"], ["moreover"], ["furthermore"], ["however"], ["besides"],
  ["finally"], ["therefore"], ["thus"], ["yes"], ["actually"], ["after", "all"], ["still"],
];

/** Words after which a multi-word marker is the head of a phrase, not a marker ("in addition to X"). */
const MARKER_CONTINUED = /^(to|as|of|with|than)$/;

const OPINION_VERBS =
  /^(think|believe|feel|guess|suppose|hope|doubt|expect|imagine|fear|consider|reckon|assume|suspect|wonder|find)$/;
const FACTIVE_VERBS = /^(recall|remember|note|mention|know|stress|emphasize|emphasise|underline|point|forget|add|repeat|insist)$/;
const MODALS = /^(also|must|should|can|could|would|do|does|did|want|like|to|not|n't|let|me|us|personally|really|still|just)$/;

function startsWith(toks: Tok[], at: number, words: string[]): boolean {
  return words.every((w, k) => toks[at + k]?.lower === w);
}

/** After `at`: is this "I/we (modal)* VERB" and which verb? */
function firstPersonVerb(toks: Tok[], at: number): { verb: string; next: number; negated: boolean } | null {
  const t = toks[at];
  if (!t || !/^(i|we)$/.test(t.lower)) return null;
  let k = at + 1;
  let negated = false;
  while (toks[k] && (MODALS.test(toks[k].lower) || toks[k].lower === "'m")) {
    if (/^(not|n't)$/.test(toks[k].lower)) negated = true;
    k++;
  }
  if (!toks[k]) return null;
  return { verb: toks[k].lower, next: k + 1, negated };
}

const OPINION_OPENERS: string[][] = [
  ["for", "me"], ["in", "my", "opinion"], ["in", "my", "view"], ["personally"], ["it", "seems"],
  ["maybe"], ["perhaps"], ["i", "would", "say"], ["i", "am", "sure"], ["i", "'m", "sure"],
  ["i", "am", "convinced"], ["i", "'m", "convinced"], ["i", "am", "confident"], ["i", "'m", "confident"],
  ["we", "are", "confident"], ["i", "am", "optimistic"], ["i", "am", "hopeful"], ["i", "am", "afraid"], ["my", "impression"],
  ["my", "feeling"], ["i", "do", "n't", "know"], ["i", "don't", "know"], ["probably"],
];

export interface BodyShape {
  from: number;
  to: number;
  opinion: boolean;
  truncated: boolean;
  /** An opening address ("Mr Rasmussen,") was left out of the body (vocatives.ts). */
  vocative?: boolean;
  /** A speaker's own frame ("I remember that", "we must not forget that") was left out of the body. */
  framed?: boolean;
}

/** Where the factual body of a sentence starts and ends, and whether it is an opinion. */
export function shapeBody(toks: Tok[]): BodyShape {
  let from = 0;
  let to = toks.length;
  let opinion = false;
  let framed = false;
  const vocative = vocativeLength(toks);
  from += vocative;
  for (let guard = 0; guard < 6; guard++) {
    const before = from;
    for (const m of MARKERS) {
      // "In addition to the committee …", "at the same time as …": a phrase the marker opens is no marker.
      if (startsWith(toks, from, m) && toks.length - from > m.length + 2 && !(m.length > 1 && MARKER_CONTINUED.test(toks[from + m.length]?.lower ?? ""))) {
        from += m.length;
        if (toks[from]?.text === ",") from++;
        break;
      }
    }
    // "According to him," attributes to someone unnamed here: drop it.
    if (startsWith(toks, from, ["according", "to"]) && /^(him|her|them|me|us)$/.test(toks[from + 2]?.lower ?? "")) {
      from += 3;
      if (toks[from]?.text === ",") from++;
    }
    const fp = firstPersonVerb(toks, from);
    if (fp && FACTIVE_VERBS.test(fp.verb) && !(fp.negated && fp.verb !== "forget")) {
      let k = fp.next;
      if (fp.verb === "point" && toks[k]?.lower === "out") k++;
      if (toks[k]?.lower === "that") {
        from = k + 1;
        framed = true;
        continue;
      }
    }
    if (from === before) break;
  }
  const fp = firstPersonVerb(toks, from);
  if (fp && (OPINION_VERBS.test(fp.verb) || (fp.negated && !FACTIVE_VERBS.test(fp.verb)))) opinion = true;
  if (OPINION_OPENERS.some((o) => startsWith(toks, from, o))) opinion = true;

  // "X happened and I think that ..." keeps the factual first clause only.
  let truncated = false;
  for (let k = from + 3; k < toks.length; k++) {
    if (!/^(and|but)$/.test(toks[k].lower)) continue;
    const tail = firstPersonVerb(toks, k + 1);
    if (tail && (OPINION_VERBS.test(tail.verb) || tail.negated)) {
      to = toks[k - 1]?.text === "," ? k - 1 : k;
      truncated = true;
      break;
    }
  }
  return { from, to, opinion, truncated, vocative: vocative > 0, framed };
}

/** Render the body of a sentence from the masked text, with optional replacements. */
export function render(
  masked: string,
  s: Pick<Sentence, "bodyStart" | "bodyEnd" | "truncated">,
  replacements: { start: number; end: number; text: string }[] = [],
): string {
  const reps = [...replacements].sort((a, b) => a.start - b.start);
  let out = "";
  let at = s.bodyStart;
  reps.forEach((r, k) => {
    if (r.start < at || r.end > s.bodyEnd) return;
    // A private-use placeholder survives tidy() like a word would.
    out += masked.slice(at, r.start) + `\uE000${k}\uE001`;
    at = r.end;
  });
  out += masked.slice(at, s.bodyEnd);
  let text = tidy(tidy(out).replace(/\uE000(\d+)\uE001/g, (_, k: string) => reps[Number(k)].text));
  if (s.truncated) text = text.replace(/[,;:]?$/, ".");
  return capitalizeFirst(text);
}

export function buildSentences(masked: string, tokens: RawToken[], spans: [number, number][]): Sentence[] {
  const out: Sentence[] = [];
  // Split wink's sentences at paragraph breaks as well: a line of its own is never
  // continued by the next paragraph.
  const pieces: { toks: RawToken[]; paragraphStart: boolean }[] = [];
  for (const [a, b] of spans) {
    let cur: RawToken[] = [];
    let para = a === 0 || tokens[a].paragraphBreak || (a > 0 && tokens[a - 1].paragraphBreak);
    for (let i = a; i <= b; i++) {
      const t = tokens[i];
      if (t.pos === "SPACE" || /^\s+$/.test(t.text)) {
        if (t.paragraphBreak && cur.length) {
          pieces.push({ toks: cur, paragraphStart: para });
          cur = [];
          para = true;
        } else if (t.paragraphBreak) para = true;
        continue;
      }
      cur.push(t);
    }
    if (cur.length) pieces.push({ toks: cur, paragraphStart: para });
  }

  let inQuote = false;
  for (const { toks: raw, paragraphStart } of pieces) {
    if (paragraphStart) inQuote = false;
    let quotedToks = 0;
    for (const t of raw) {
      if (t.text === '"') inQuote = !inQuote;
      else if (inQuote) quotedToks++;
    }
    const toks: Tok[] = raw.map((t, i) => ({
      i,
      text: t.text,
      lower: t.text.toLowerCase(),
      pos: t.pos,
      start: t.start,
      end: t.end,
      ent: t.ent,
      entId: t.entId,
      cap: /^\p{Lu}/u.test(t.text),
    }));
    const start = toks[0].start;
    const end = toks[toks.length - 1].end;
    const rawText = masked.slice(start, end).trim();
    const question = /\?["')\]]*$/.test(rawText);
    const shape = shapeBody(toks);
    const body = toks.slice(shape.from, shape.to).map((t, i) => ({ ...t, i }));
    const words = body.filter((t) => /\p{L}/u.test(t.text));
    const letters = (rawText.match(/[\p{L}\p{N}]/gu) ?? []).length;
    // A sentence opening in lower case continues the one before it ('... ?" asked X, ...').
    const continuation = /^\p{Ll}/u.test(toks[0].text);
    const fragment =
      continuation ||
      // "Mr X, <a clause>": the address was left out of the body; the clause stands (vocatives.ts).
      (PLEASANTRY.test(rawText) && !(shape.vocative && !GREETING_WORDS.test(rawText))) ||
      words.length < 4 ||
      letters < rawText.length * 0.65 ||
      !/[.!?;:]["')\]]*$/.test(rawText) ||
      body.length === 0;
    const sentence: Sentence = {
      index: out.length,
      start,
      end,
      bodyStart: body[0]?.start ?? start,
      bodyEnd: body[body.length - 1]?.end ?? end,
      tokens: body,
      text: "",
      question,
      opinion: shape.opinion,
      // "I remember that 80% of …" without its frame is what the speaker asserts: a card reports it as
      // theirs ("According to X, 80% of …"), never as the document's fact (blind reading, issue 11).
      reported: shape.framed || undefined,
      fragment,
      truncated: shape.truncated,
      paragraphStart,
      quoted: quotedToks > 0 && quotedToks >= toks.length * 0.5,
      // "Today it is around $180.": the subject may follow a short adverb.
      // "He addressed Congress in 1941": a personal pronoun as subject points outside the sentence
      // whatever its length; the demonstratives only in short sentences ("This is 312 plants.").
      pronounSubject:
        body.slice(subjectStart(body), subjectStart(body) + 2).some((t) => PERSONAL_SUBJECT.test(t.lower)) ||
        // "By the end of 2014 they will have …": a fronted phrase without its comma.
        body.slice(0, 10).some((t, k) => /^(he|she|they)$/.test(t.lower) && k > 0 && /^(AUX|VERB)$/.test(body[k + 1]?.pos ?? "") && !body.slice(0, k).some((x) => /^(VERB|AUX|PRON)$/.test(x.pos) || x.text === ",")) ||
        (body.slice(subjectStart(body), subjectStart(body) + 2).some((t) => PRONOUN_SUBJECT.test(t.lower)) && words.length < 8) ||
        // "These are two huge economies": a demonstrative pronoun as subject, whatever the length.
        // ("These are the two axes: A and B" names its items after the colon and stays.)
        (/^(these|those)$/.test(body[subjectStart(body)]?.lower ?? "") && /^(AUX|VERB)$/.test(body[subjectStart(body) + 1]?.pos ?? "") && !body.some((t) => t.text === ":")) ||
        // "This committee will meet yearly": which committee is in an earlier sentence.
        // ("That evening the ambassador left": a demonstrative time adverbial, not the subject.)
        (/^(this|these|that|those)$/.test(body[subjectStart(body)]?.lower ?? "") && /^(NOUN|ADJ)$/.test(body[subjectStart(body) + 1]?.pos ?? "") &&
          !TIME_ADVERBIAL.test(body[subjectStart(body) + 1]?.lower ?? "")),
      questionTurn: false,
      firstPerson: false,
      secondPerson: false,
      speaker: null,
    };
    const person = personOf(body);
    sentence.firstPerson = person.first;
    sentence.secondPerson = person.second;
    sentence.text = render(masked, sentence);
    out.push(sentence);
  }
  return out;
}

/** Where the main clause's subject starts: after a fronted adverbial ("In 2021, ..."). */
export function subjectStart(toks: Tok[]): number {
  const first = toks[0];
  if (!first) return 0;
  // A fronted participle ("Sponsored by France, the Pact …") also ends at its comma.
  if (first.pos === "ADP" || first.pos === "SCONJ" || first.pos === "ADV" || first.ent === "DATE" || (first.pos === "VERB" && /(ed|en|ing)$/.test(first.lower))) {
    const comma = toks.findIndex((t) => t.text === ",");
    // ", by its nature," right after that comma is an inserted phrase, not the subject (fronted-clauses.ts).
    if (comma > 0 && comma < 12) return afterFronted(toks, comma);
  }
  return 0;
}

/** The sentence's subject as a definite singular noun phrase ("The Dangote refinery", "The Kellogg–Briand Pact"), or null. */
function definiteSubject(toks: Tok[], masked: string): string | null {
  const a = subjectStart(toks);
  let b = a;
  // A dash inside a name ("Kellogg–Briand") joins two proper nouns.
  const inName = (k: number) => /^[–-]$/.test(toks[k].text) && toks[k - 1]?.pos === "PROPN" && toks[k + 1]?.pos === "PROPN";
  while (b < toks.length && b - a < 8 && (/^(DET|ADJ|NOUN|PROPN|NUM)$/.test(toks[b].pos) || inName(b)) && toks[b].text !== ",") b++;
  const np = toks.slice(a, b);
  const head = np[np.length - 1];
  if (np.length < 2 || !/^(the|this|that)$/.test(np[0].lower) || !head || !/^(NOUN|PROPN)$/.test(head.pos)) return null;
  if (head.pos === "NOUN" && /s$/.test(head.lower) && !/ss$/.test(head.lower)) return null;
  if (!toks[b] || !/^(AUX|VERB|PUNCT)$/.test(toks[b].pos)) return null;
  // "This agreement will …. It removes …": out of context the card says "The agreement".
  const rest = masked.slice(np[1].start, head.end);
  return tidy(`${np[0].lower === "the" ? masked.slice(np[0].start, np[0].end) : "The"} ${rest}`);
}

/**
 * "It was provided that it would come into force …": the "it" right after the expletive's "that"
 * (within the first seven tokens) when a verb follows it; that one points back. Null otherwise.
 */
function innerIt(toks: Tok[]): Tok | null {
  const that = toks.findIndex((t) => t.lower === "that" && t.i <= 6);
  const it = toks[that + 1];
  if (that < 0 || it?.lower !== "it" || !/^(AUX|VERB)$/.test(toks[that + 2]?.pos ?? "")) return null;
  return it;
}

/**
 * "The Dangote refinery ... opened in 2023. It is the third largest refinery in the world."
 * A card cut from the second sentence needs "It" spelled out: the nearest definite, singular
 * subject among the paragraph's earlier sentences (up to three back; sentences whose subject is
 * plural or not a noun phrase are passed over, a person is never "it").
 */
export function resolveLeadingIt(sentences: Sentence[], masked: string): void {
  for (let i = 1; i < sentences.length; i++) {
    const s = sentences[i];
    if (s.tokens[0]?.lower !== "it" || !/^(AUX|VERB)$/.test(s.tokens[1]?.pos ?? "")) continue;
    // "It is important that …", "It was accepted that …": an expletive "it" points forward.
    // ("It was agreed that it would …": the second "it" is the one that points back; it is resolved instead.)
    let target = s.tokens[0];
    if (s.tokens.some((t) => t.lower === "that" && t.i <= 6) && /^(is|was|'s)$/.test(s.tokens[1].lower)) {
      const inner = innerIt(s.tokens);
      if (!inner) continue;
      target = inner;
    }
    const lead = target === s.tokens[0];
    const said = (text: string) => (lead ? text : text.replace(/^The /, "the "));
    // Across a paragraph break only the sentence just before counts (transcripts break after each sentence).
    for (let j = i - 1; j >= 0 && j >= (s.paragraphStart ? i - 1 : i - 3); j--) {
      const prev = sentences[j];
      if (prev.question || prev.opinion) break;
      // "It removes … . It means …": a run of "It" sentences keeps one referent.
      if (prev.resolved && prev.tokens[0]?.lower === "it") {
        s.resolved = { start: target.start, end: target.end, text: said(prev.resolved.text) };
        break;
      }
      const subject = definiteSubject(prev.tokens, masked);
      if (subject) {
        s.resolved = { start: target.start, end: target.end, text: said(subject) };
        break;
      }
      if (prev.paragraphStart) break;
    }
  }
}

/**
 * "Bob Hawke … about to celebrate his 80th birthday. He was instrumental in getting this going 20
 * years ago." A leading "He"/"She" is spelled out when the sentence just before (same speaker's
 * turn or paragraph, at most one sentence back) names exactly one person, by full name or title.
 * `people(i)` gives the person mentions of sentence i as [name, surface]. A leading "It" at a
 * paragraph start that nothing before resolves takes the document's topic: the definite subject of
 * its first sentence ("The Kellogg–Briand Pact … is …"), the way encyclopedia paragraphs continue.
 */
export function resolveLeadingPeople(sentences: Sentence[], masked: string, people: (i: number) => string[]): void {
  const first = sentences.find((x) => !x.fragment && !x.question);
  const topic = first ? definiteSubject(first.tokens, masked) : null;
  for (let i = 1; i < sentences.length; i++) {
    const s = sentences[i];
    const lead = s.tokens[0]?.lower;
    if (!/^(AUX|VERB)$/.test(s.tokens[1]?.pos ?? "") || s.resolved) continue;
    if (lead === "it" && topic && s.paragraphStart && first !== s && !(s.tokens.some((t) => t.lower === "that" && t.i <= 6) && /^(is|was|'s)$/.test(s.tokens[1].lower))) {
      s.resolved = { start: s.tokens[0].start, end: s.tokens[0].end, text: topic };
      continue;
    }
    if (lead !== "he" && lead !== "she") continue;
    const prev = sentences[i - 1];
    if (prev.question || prev.speaker !== s.speaker) continue;
    const names = [...new Set(people(i - 1))];
    if (names.length !== 1) continue;
    s.resolved = { start: s.tokens[0].start, end: s.tokens[0].end, text: names[0] };
  }
}

/**
 * In a transcript, a short labelled turn that asks a question is the interviewer's: its other
 * sentences ("I've read that you monitor 500 plants.") are premises of the question, not facts.
 */
export function markQuestionTurns(sentences: Sentence[], labels: { start: number }[]): void {
  if (labels.length === 0) return;
  const starts = labels.map((l) => l.start).sort((a, b) => a - b);
  const turns = new Map<number, Sentence[]>();
  for (const s of sentences) {
    let turn = -1;
    for (let k = 0; k < starts.length && starts[k] <= s.start; k++) turn = k;
    if (turn < 0) continue;
    turns.set(turn, [...(turns.get(turn) ?? []), s]);
  }
  for (const ss of turns.values()) {
    if (ss.length <= 3 && ss.some((s) => s.question)) for (const s of ss) s.questionTurn = true;
  }
}

/** A sentence facts may come from. */
export function isFactual(s: Sentence): boolean {
  return (
    !s.question &&
    // An opinion is kept only as its speaker's words (cards.ts `attribute`, claims.ts).
    !(s.opinion && !s.speaker) &&
    !s.fragment &&
    !s.quoted &&
    // An interviewer's statement is a claim: it is kept only when the card can say who made it.
    !(s.questionTurn && !s.speaker) &&
    !(s.pronounSubject && !s.resolved) &&
    !(s.firstPerson && !s.speaker) &&
    !s.secondPerson
  );
}
