// Question cards made by rewriting simple declarative shapes:
// "In 2018, a center was inaugurated in Lima." -> "When was a center inaugurated in Lima?"
// "In 2015, China became X and overtook Y."   -> "When did China become X and overtake Y?"
// Anything less regular gets a cloze only: a wrong question is worse than none.
import { lemma } from "./nlp";
import type { Sentence, Tok } from "./sentences";
import { tidy } from "./text";

const IRREGULAR: Record<string, string> = {
  became: "become", began: "begin", overtook: "overtake", undertook: "undertake", took: "take",
  made: "make", won: "win", lost: "lose", met: "meet", went: "go", saw: "see", gave: "give", led: "lead",
  held: "hold", sold: "sell", built: "build", bought: "buy", brought: "bring", fought: "fight",
  found: "find", left: "leave", rose: "rise", fell: "fall", grew: "grow", drew: "draw", chose: "choose",
  spoke: "speak", broke: "break", wrote: "write", ran: "run", came: "come", sent: "send", spent: "spend",
  struck: "strike", told: "tell", said: "say", paid: "pay", laid: "lay", kept: "keep", felt: "feel",
  stood: "stand", understood: "understand", withdrew: "withdraw", sought: "seek", taught: "teach",
  threw: "throw", knew: "know", forgot: "forget", got: "get", hit: "hit", shut: "shut", split: "split",
  upheld: "uphold", overthrew: "overthrow", wore: "wear", swore: "swear", drove: "drive", flew: "fly",
  froze: "freeze", hid: "hide", shook: "shake", slid: "slide", stole: "steal", stuck: "stick",
  swept: "sweep", oversaw: "oversee", foresaw: "foresee", rebuilt: "rebuild",
};

const SUBJECT_PRONOUN = /^(it|he|she|they|this|that|these|those|there|we|i|you|which|who)$/;
const NON_RESTRICTIVE = /^(which|who|whom|whose|where)$/;
const SUBORDINATOR = /^(as|while|when|whereas|because|since|after|before|until|till|though|although|if|unless|once|than|whether)$/;

function isPastVerb(t: Tok): boolean {
  if (IRREGULAR[t.lower]) return true;
  return t.pos === "VERB" && /[a-z]ed$/.test(t.lower);
}

export function baseForm(word: string): string {
  const w = word.toLowerCase();
  if (IRREGULAR[w]) return IRREGULAR[w];
  const l = lemma(w);
  if (l !== w) return l;
  if (/ied$/.test(w)) return w.slice(0, -3) + "y";
  if (/(iz|is|at|v|c|g|u|dg|ur)ed$/.test(w)) return w.slice(0, -1);
  if (/([^aeiou])\1ed$/.test(w)) return w.slice(0, -3);
  return w.replace(/ed$/, "");
}

/** Reads document text by offsets; lets a caller hide a span (the date being asked about). */
export type Source = (start: number, end: number) => string;

function text(src: Source, toks: Tok[], a: number, b: number): string {
  if (a >= b) return "";
  return src(toks[a].start, toks[b - 1].end);
}

/** A source that reads `masked` with [from, to) blanked out. */
function without(masked: string, from: number, to: number): Source {
  return (a, b) => {
    const piece = masked.slice(a, b);
    const x = Math.max(from, a) - a;
    const y = Math.min(to, b) - a;
    return x < y ? piece.slice(0, x) + " ".repeat(y - x) + piece.slice(y) : piece;
  };
}

/**
 * End of the clause: before a non-restrictive relative, a colon, a semicolon, or "and" / "but"
 * opening a clause with a subject of its own ("... attacked pipelines and production fell").
 */
function clauseEnd(toks: Tok[], a: number, b: number): number {
  for (let k = a; k < b; k++) {
    if (/^[:;]$/.test(toks[k].text)) return k;
    if (toks[k].text === "," && NON_RESTRICTIVE.test(toks[k + 1]?.lower ?? "")) return k;
    if (/^(and|but)$/.test(toks[k].lower) && k > a) {
      const next = toks[k + 1];
      // "was founded in 2016 and is headquartered in Berlin": a second predicate in another tense.
      if (next?.pos === "AUX") return toks[k - 1].text === "," ? k - 1 : k;
      if (next && !isPastVerb(next) && next.pos !== "VERB" && next.pos !== "AUX") {
        let v = k + 1;
        while (v < b && v - k < 6 && toks[v].pos !== "VERB" && toks[v].pos !== "AUX" && toks[v].text !== "," && !/^(that|which|who)$/.test(toks[v].lower)) v++;
        if (v < b && (toks[v].pos === "VERB" || toks[v].pos === "AUX") && /^(DET|NOUN|PROPN|PRON|ADJ|NUM)$/.test(next.pos)) {
          return toks[k - 1].text === "," ? k - 1 : k;
        }
      }
    }
  }
  return b;
}

function lowerSubject(subject: string, first: Tok): string {
  if (first.pos === "PROPN" || /^[A-Z]{2,}/.test(first.text) || (first.cap && first.pos !== "DET" && first.pos !== "ADJ" && first.pos !== "NOUN"))
    return subject;
  return subject.charAt(0).toLowerCase() + subject.slice(1);
}

/** "When ...?" for the clause toks[a, b) with the date removed; `tail` is appended before "?". */
export function whenQuestion(src: Source, toks: Tok[], a: number, b: number, tail = ""): string | null {
  b = clauseEnd(toks, a, b);
  let v = a;
  while (v < b && toks[v].pos !== "VERB" && toks[v].pos !== "AUX" && !IRREGULAR[toks[v].lower]) v++;
  if (v === a || v >= b || v - a > 12) return null;
  // "The war spread as the United Kingdom entered …": a conjunction before the first verb found means
  // that verb belongs to a subordinate clause, and the question would fold two clauses into one.
  if (toks.slice(a, v).some((t) => t.text === "," || t.pos === "SCONJ" || SUBORDINATOR.test(t.lower))) return null;
  if (SUBJECT_PRONOUN.test(toks[a].lower) && v - a === 1) return null;
  const subject = lowerSubject(text(src, toks, a, v), toks[a]);
  const verb = toks[v];
  const end = tail ? `, ${tail}?` : "?";
  if (/^(was|were)$/.test(verb.lower)) {
    const rest = text(src, toks, v + 1, b);
    if (!rest) return null;
    return tidy(`When ${verb.lower} ${subject} ${rest}${end}`);
  }
  if (!isPastVerb(verb)) return null;
  // Coordinated past verbs share the subject: "became X and overtook Y" -> "become X and overtake Y".
  if (v + 1 >= b) return null;
  let rest = "";
  let at = toks[v + 1].start;
  for (let k = v + 2; k < b; k++) {
    if (toks[k - 1].lower === "and" && isPastVerb(toks[k]) && toks[k].pos !== "ADJ") {
      rest += src(at, toks[k].start) + baseForm(toks[k].text);
      at = toks[k].end;
    }
  }
  rest += src(at, Math.max(at, toks[b - 1].end));
  return tidy(`When did ${subject} ${baseForm(verb.text)} ${rest}${end}`);
}

/** A "When ...?" question for the date at toks[dFrom, dTo), or null when the shape is irregular. */
export function dateQuestion(s: Sentence, dFrom: number, dTo: number, masked: string): string | null {
  const toks = s.tokens;
  const src: Source = (a, b) => masked.slice(a, b);
  const last = toks[toks.length - 1]?.text === "." ? toks.length - 1 : toks.length;
  const lead = dFrom === 1 && /^(in|on)$/.test(toks[0].lower);
  if (dFrom === 0 || lead) {
    let k = dTo;
    if (toks[k]?.text === ",") k++;
    let tail = "";
    // "In November 2019, during the protests ..., X visited Y": the adverbial moves to the end.
    if (toks[k] && (toks[k].pos === "ADP" || toks[k].pos === "SCONJ")) {
      let c = k;
      while (c < last && toks[c].text !== ",") c++;
      if (c >= last || c - k > 14) return null;
      tail = text(src, toks, k, c);
      k = c + 1;
    }
    return whenQuestion(src, toks, k, last, tail);
  }
  // "X was founded in 2007.", "The agreement was signed last Tuesday in Oslo.": a date inside a
  // comma-free main clause is taken out and asked about.
  const prep = /^(in|on)$/.test(toks[dFrom - 1]?.lower ?? "") ? dFrom - 1 : /^(last|next|this)$/.test(toks[dFrom].lower) ? dFrom : -1;
  if (prep < 1 || toks.slice(0, dFrom).some((t) => t.text === "," || /^(that|which|who|when|where|because|if)$/.test(t.lower))) return null;
  if (toks.slice(dTo, last).some((t) => t.text === ",")) return null;
  return whenQuestion(without(masked, toks[prep].start, toks[dTo - 1].end), toks, 0, last);
}
