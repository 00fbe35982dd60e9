// A narrator's frame around a quotation: "On July 3, the mayor wrote to the board that "…"".
// The sentence is mostly someone else's words (sentences.ts `quoted`), so its facts are not the
// text's own — but the words before the quotation are: the narrator dates the report ("On July 3",
// "In a March 2 letter") and names who made it. A date written in that frame may be asked; nothing
// inside the quotation may. Source of the rule: news and history writing report a cable, letter or
// speech by its date and then quote it; the date belongs to the report, not to the quoted words.
import type { Sentence } from "./sentences";

const QUOTE = /^["\u201c\u201d]$/;

/**
 * The index of the token where the quotation opens, when sentence `s` is a quoted sentence whose
 * own words come first: it starts outside quotation marks (an even number of quotation marks
 * between its paragraph's start and the sentence in `masked`), its first token is not a quotation
 * mark, and the words before the quotation hold a verb (the report: "cabled", "wrote", "told").
 * Null for any other sentence (not quoted, opening with or inside the quotation, no verb before it).
 */
export function quotationAfterFrame(s: Pick<Sentence, "quoted" | "tokens" | "start">, masked: string): number | null {
  if (!s.quoted) return null;
  const q = s.tokens.findIndex((t) => QUOTE.test(t.text));
  if (q <= 0) return null;
  if (!s.tokens.slice(0, q).some((t) => t.pos === "VERB")) return null;
  const paragraph = masked.lastIndexOf("\n", s.start) + 1;
  const before = masked.slice(paragraph, s.start).match(/["\u201c\u201d]/g)?.length ?? 0;
  return before % 2 === 0 ? q : null;
}
