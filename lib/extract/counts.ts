// Counts that announce a list: "The settlement has three main components:", "The plan rests on
// four pillars, which are:". The list follows in the next lines (lettered paragraphs, bullets), so
// the sentence ends on a colon and the card rules refuse it as cut; the count itself is a fact the
// text states once. The cloze ends the sentence with a full stop instead of the colon.
// (A count with its list in the same sentence, "two axes: A and B", is enumerations.ts's: it asks the
// count with the list cut out; numbers.ts `enumerated` refuses the count where the list stays.)
import type { Candidate, DocContext } from "./candidate";
import { isFactual, type Sentence } from "./sentences";
import { parseNumber } from "./text";

/** Counts worth a card: a list of 2 to 12 members (beyond that the text rarely lists them). */
const MIN = 2;
const MAX = 12;

/**
 * The count before the sentence-final colon: a number (digits or words) followed by up to two
 * adjectives and a plural noun, optionally with a short relative clause or "are"/"include" after it
 * ("three agreed principles which ensure a fair deal:", "its four initiatives are:").
 */
function listCount(s: Sentence, masked: string): Candidate | null {
  const body = masked.slice(s.bodyStart, s.bodyEnd).trimEnd();
  if (!body.endsWith(":")) return null;
  const colon = s.bodyStart + body.length - 1;
  const toks = s.tokens.filter((t) => t.end <= colon);
  // The counted noun phrase must sit in the last 12 tokens before the colon.
  for (let i = Math.max(0, toks.length - 12); i < toks.length; i++) {
    const t = toks[i];
    if (t.ent !== "CARDINAL" || t.pos !== "NUM") continue;
    if (/^(the|both|these|those|its|their|our|his|her|all)$/.test(toks[i - 1]?.lower ?? "")) continue;
    const value = parseNumber(t.text);
    if (!Number.isInteger(value) || value < MIN || value > MAX) continue;
    // "three main components", "three agreed principles", "three founding rules": up to two
    // modifiers, then the plural noun counted.
    let e = i + 1;
    while (e < toks.length && e - i <= 2 && (toks[e].pos === "ADJ" || (toks[e].pos === "VERB" && /ed$/.test(toks[e].lower)) || (toks[e].pos === "NOUN" && toks[e + 1]?.pos === "NOUN"))) e++;
    const noun = toks[e];
    if (!noun || noun.pos !== "NOUN" || !/s$/.test(noun.lower) || /ss$/.test(noun.lower)) continue;
    // After the noun: nothing, a relative clause, or a copula/"include" introducing the list.
    const after = toks.slice(e + 1);
    if (after.length && !/^(which|that|who|are|include|includes|were|is)$/.test(after[0].lower)) continue;
    if (after.some((x) => /^[,;:]$/.test(x.text))) continue;
    return {
      kind: "number",
      sentence: s,
      answer: t.text,
      start: t.start,
      end: t.end,
      answerType: { t: "number", value, unit: noun.lower, style: /\d/.test(t.text) ? "digits" : "words", format: "plain" },
      fields: { value, unit: noun.lower, format: "plain", measures: noun.lower, listIntro: true },
      // "… three main components:" is shown as a whole sentence.
      context: [{ start: colon, end: colon + 1, text: "." }],
    };
  }
  return null;
}

/** One count candidate per sentence that ends on a colon announcing a list. */
export function extractListCounts(doc: DocContext): Candidate[] {
  return doc.sentences.filter(isFactual).flatMap((s) => {
    const c = listCount(s, doc.masked);
    return c ? [c] : [];
  });
}
