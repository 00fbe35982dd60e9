// A count and its members in one sentence: "Four states – Chile, Peru, Ghana and Kenya – signed the
// accord", "The accord has three pillars: shared patrols, joint research and a dispute panel."
// Two facts, two cards: the members as one answer (graded as a set, lib/quiz/set-answer.ts), asked
// with the count left in view; and the count, asked with the list taken out of the sentence (the
// list would give it away — numbers.ts `enumerated` refuses the count where the list stays).
// Only when certain: the list has exactly as many items as the count says, 2 to 8 items of at most
// four words each, no verb inside an item (a list of clauses is not a list of members), and the list
// is set off by a colon ending the sentence or by a pair of dashes or brackets right after the
// counted noun. "… are: A, B and C" gives the members only (without the list "are." would dangle).
// Lists of counts in other shapes (after "including", dates joined by "and") are members.ts's.
import type { Candidate, DocContext } from "./candidate";
import { splitList } from "./members";
import { isFactual, type Sentence, type Tok } from "./sentences";
import { parseNumber } from "./text";

const MIN = 2;
const MAX = 8;
const OPEN = /^[–—(-]$/;
const CLOSE: Record<string, RegExp> = { "–": /^[–]$/, "—": /^[—]$/, "-": /^-$/, "(": /^\)$/ };

/** The counted noun phrase at toks[i]: a count 2–8, up to two modifiers, a plural noun; its end index (exclusive) or -1. */
function countedNoun(toks: Tok[], i: number): { value: number; noun: Tok; end: number } | null {
  const t = toks[i];
  if (t.pos !== "NUM" || !/^(\d|[a-z]+$)/i.test(t.text)) return null;
  const value = parseNumber(t.text);
  if (!Number.isInteger(value) || value < MIN || value > MAX) return null;
  let e = i + 1;
  while (e < toks.length && e - i <= 2 && (toks[e].pos === "ADJ" || (toks[e].pos === "VERB" && /ed$/.test(toks[e].lower)) || (toks[e].pos === "NOUN" && toks[e + 1]?.pos === "NOUN"))) e++;
  const noun = toks[e];
  if (!noun || noun.pos !== "NOUN" || !/s$/.test(noun.lower) || /ss$/.test(noun.lower)) return null;
  return { value, noun, end: e + 1 };
}

/** The members of the list text `[from, to)` of sentence tokens, or null when it is not a list of `n` short items. */
function members(toks: Tok[], from: number, to: number, masked: string, n: number): { text: string; items: string[] } | null {
  if (to <= from) return null;
  // A verb form opening an item before its noun ("shared patrols", "written consent") modifies it, and a
  // capitalised word is a name the tagger misread ("Mull"); any other verb makes the item a clause.
  const itemStart = (k: number) => k === from || /^(,|and|a|an|the)$/.test(toks[k - 1].lower);
  const modifier = (k: number) => toks[k].pos === "VERB" && itemStart(k) && k + 1 < to && /^(NOUN|ADJ)$/.test(toks[k + 1].pos);
  const clauseWord = (t: Tok, k: number) => (t.pos === "VERB" && !t.cap && !modifier(k)) || /^(AUX|PRON)$/.test(t.pos);
  if (toks.slice(from, to).some((t, j) => clauseWord(t, from + j) || /^[;:()–—"]$/.test(t.text))) return null;
  const text = masked.slice(toks[from].start, toks[to - 1].end).replace(/\s+/g, " ");
  const items = splitList(text);
  if (!items || items.length !== n || new Set(items).size !== n) return null;
  if (!items.every((x) => x.split(/\s+/).length <= 4 && /\p{L}/u.test(x) && !/\b(but|also|or)\b/.test(x))) return null;
  return { text, items };
}

function pair(s: Sentence, count: { value: number; noun: Tok; tok: Tok }, list: { text: string; items: string[]; start: number }, cut: { start: number; end: number; text: string } | null): Candidate[] {
  const out: Candidate[] = [
    {
      kind: "definition",
      sentence: s,
      answer: list.text,
      start: list.start,
      end: list.start + list.text.length,
      answerType: { t: "phrase" },
      fields: { members: list.items, list: true, size: list.items.length, counted: count.noun.lower },
    },
  ];
  // "These are partnerships on two axes: A and B.": with the list cut out, "These" would point nowhere.
  if (cut && !/^(these|those|this|that|it|they|he|she|such)$/.test(s.tokens[0]?.lower ?? "")) {
    out.push({
      kind: "number",
      sentence: s,
      answer: count.tok.text,
      start: count.tok.start,
      end: count.tok.end,
      answerType: { t: "number", value: count.value, unit: count.noun.lower, style: /\d/.test(count.tok.text) ? "digits" : "words", format: "plain" },
      fields: { value: count.value, unit: count.noun.lower, format: "plain", measures: count.noun.lower, enumerated: true },
      context: [cut],
    });
  }
  return out;
}

/** The count-and-members candidates of one sentence (see the file comment). */
export function enumerationsIn(s: Sentence, masked: string): Candidate[] {
  const toks = s.tokens;
  const last = toks[toks.length - 1]?.text === "." ? toks.length - 1 : toks.length;
  for (let i = 0; i < last; i++) {
    const c = countedNoun(toks, i);
    if (!c) continue;
    const count = { value: c.value, noun: c.noun, tok: toks[i] };
    // "… three pillars: A, B and C." / "… three pillars are: A, B and C."
    const linking = /^(are|were|include|includes)$/.test(toks[c.end]?.lower ?? "");
    const colon = linking ? c.end + 1 : c.end;
    if (toks[colon]?.text === ":") {
      const m = members(toks, colon + 1, last, masked, c.value);
      if (!m) continue;
      const cut = linking ? null : { start: toks[colon].start, end: toks[last - 1].end, text: "" };
      return pair(s, count, { ...m, start: toks[colon + 1].start }, cut);
    }
    // "Four states – A, B, C and D – signed …" / "four states (A, B, C and D) signed …"
    const open = toks[c.end];
    if (open && OPEN.test(open.text)) {
      const close = toks.findIndex((t, k) => k > c.end && CLOSE[open.text].test(t.text));
      if (close < 0 || close >= last) continue;
      const m = members(toks, c.end + 1, close, masked, c.value);
      if (!m) continue;
      return pair(s, count, { ...m, start: toks[c.end + 1].start }, { start: c.noun.end, end: toks[close].end, text: "" });
    }
  }
  return [];
}

/**
 * Drops the other extractors' count at the same place as an enumeration's count: theirs shows the
 * list beside the blank (numbers.ts refuses that only for lists of named parties).
 */
export function preferEnumerations(cs: Candidate[]): Candidate[] {
  const ours = new Set(cs.filter((c) => c.fields.enumerated).map((c) => c.start));
  if (ours.size === 0) return cs;
  return cs.filter((c) => c.kind !== "number" || c.fields.enumerated || !ours.has(c.start));
}

/** Count and members of every factual sentence that lists what it counts (see the file comment). */
export function extractEnumerations(doc: DocContext): Candidate[] {
  return doc.sentences.filter(isFactual).flatMap((s) => enumerationsIn(s, doc.masked));
}
