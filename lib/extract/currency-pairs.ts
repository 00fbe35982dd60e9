// Money given in two currencies: "€3.5 billion (£3.1 billion)". The bracket is the same amount
// converted, not a second fact: two cards would each show the other's figure beside the blank. One
// card asks for the first amount, with the bracketed conversion left out of the prompt, and
// accepts either amount typed.
import type { Candidate, DocContext } from "./candidate";

const CURRENCY = /[$€£¥]|\b(?:dollars?|euros?|pounds?|yen|yuan|rupees?|francs?|USD|EUR|GBP|JPY|CNY|AUD|CAD)\b/i;

function currencyOf(c: Candidate): string | null {
  if (c.answerType.t !== "number" || c.answerType.format !== "money") return null;
  return CURRENCY.exec(c.answer)?.[0].toLowerCase() ?? null;
}

/**
 * Merges each money answer followed by a bracketed amount in another currency into one candidate
 * (the second is dropped; `fields.alsoAccepted` holds it; `context` removes the bracket). Other
 * candidates pass unchanged. O(n) over candidates sorted by position.
 */
export function pairCurrencies(cs: Candidate[], doc: DocContext): Candidate[] {
  const drop = new Set<Candidate>();
  const out: Candidate[] = [];
  for (let i = 0; i < cs.length; i++) {
    const a = cs[i];
    const ca = currencyOf(a);
    const b = cs.slice(i + 1, i + 6).find((x) => x.sentence === a.sentence && currencyOf(x) !== null && x.start > a.end);
    if (!ca || !b || drop.has(a)) {
      if (!drop.has(a)) out.push(a);
      continue;
    }
    const open = /^\s?\(\s?$/.test(doc.masked.slice(a.end, b.start));
    const close = /^\s?\)/.exec(doc.masked.slice(b.end, b.end + 2));
    if (!open || !close || currencyOf(b) === ca) {
      out.push(a);
      continue;
    }
    drop.add(b);
    const bracketEnd = b.end + close[0].length;
    out.push({
      ...a,
      context: [...(a.context ?? []), { start: a.end, end: bracketEnd, text: "" }],
      fields: { ...a.fields, alsoAccepted: [b.answer] },
    });
  }
  return out.filter((c) => !drop.has(c));
}
