// Other names of a named thing, written beside it: "The Orva Accord (or Accord of Lund, officially
// Convention on Shared Northern Fisheries) is …", "the NFC, officially the Nordic Fisheries Council,",
// "Lake Orva, also known as the Grey Lake,". The official name is a fact of its own (a definition card:
// "What is the official name of the Orva Accord?"); an alternative name is an accepted answer for
// a card that asks for the name. See docs/decisions/004 (session 5, gen-names).
import type { Candidate, DocContext } from "./candidate";
import { nameEnd } from "./agreement-names";
import { isFactual, type Sentence, type Tok } from "./sentences";

export interface Alias {
  /** The name the aliases belong to: toks[from, to). */
  from: number;
  to: number;
  /** Other names: toks[a, b) each; `official` for "officially …", "formally …". */
  aliases: { a: number; b: number; official: boolean }[];
}

const ALT_LEAD = [["or"], ["also"], ["also", "called"], ["also", "known", "as"], ["known", "as"], ["better", "known", "as"], ["sometimes", "called"]];
const OFFICIAL_LEAD = [["officially"], ["formally"], ["officially", "the"], ["formally", "the"], ["officially", "known", "as"], ["officially", "called"]];

function leadAt(toks: Tok[], k: number, leads: string[][]): number {
  let best = 0;
  for (const l of leads) if (l.length > best && l.every((w, j) => toks[k + j]?.lower === w)) best = l.length;
  return best;
}

/** A name of two or more capitalised words at toks[k] (after an optional "the"), ending at a comma or a bracket. */
function aliasAt(toks: Tok[], k: number): [number, number] | null {
  const a = toks[k]?.lower === "the" ? k + 1 : k;
  const b = nameEnd(toks, a);
  if (b - a < 2 || !/^[,);]$/.test(toks[b]?.text ?? "")) return null;
  return [a, b];
}

/** The other names written right after a capitalised name, in brackets or between commas. */
export function aliasesIn(toks: Tok[]): Alias[] {
  const out: Alias[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!/^[(,]$/.test(toks[i].text) || i === 0 || !/^\p{Lu}/u.test(toks[i - 1].text)) continue;
    // The name before: back over capitalised words, links and dashes to its first word.
    let from = i - 1;
    while (from > 0 && (/^\p{Lu}/u.test(toks[from - 1].text) || (/^(of|for|on|and|[–-])$/.test(toks[from - 1].text) && from > 1 && /^\p{Lu}/u.test(toks[from - 2].text)))) from--;
    if (/^(the|a|an)$/.test(toks[from].lower)) from++;
    if (nameEnd(toks, from) !== i || i - from < 2) continue;
    const aliases: Alias["aliases"] = [];
    let k = i + 1;
    for (let round = 0; round < 2; round++) {
      const off = leadAt(toks, k, OFFICIAL_LEAD);
      const alt = off ? 0 : leadAt(toks, k, ALT_LEAD);
      if (!off && !alt) break;
      // "officially the X": the article is part of the lead, not of the name.
      const span = aliasAt(toks, k + (off || alt));
      if (!span) break;
      aliases.push({ a: span[0], b: span[1], official: off > 0 });
      k = span[1];
      if (toks[k]?.text !== ",") break;
      k++;
    }
    if (aliases.length) out.push({ from, to: i, aliases });
  }
  return out;
}

/** "What is the official name of the Orva Accord?": one card per official name. */
export function extractAliases(doc: DocContext): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const s of doc.sentences) {
    if (!isFactual(s)) continue;
    for (const al of aliasesIn(s.tokens)) {
      const c = officialName(doc, s, al);
      if (c && !seen.has(c.answer)) {
        seen.add(c.answer);
        out.push(c);
      }
    }
  }
  return out;
}

function officialName(doc: DocContext, s: Sentence, al: Alias): Candidate | null {
  const toks = s.tokens;
  const off = al.aliases.find((x) => x.official);
  if (!off) return null;
  const text = (a: number, b: number) => doc.masked.slice(toks[a].start, toks[b - 1].end).replace(/\s+/g, " ");
  const name = text(al.from, al.to);
  const the = toks[al.from - 1]?.lower === "the" ? "the " : "";
  return {
    kind: "definition",
    sentence: s,
    answer: text(off.a, off.b),
    start: toks[off.a].start,
    end: toks[off.b - 1].end,
    answerType: { t: "phrase" },
    fields: { term: name, official: text(off.a, off.b), relation: "official name" },
    question: `What is the official name of ${the}${name}?`,
  };
}
