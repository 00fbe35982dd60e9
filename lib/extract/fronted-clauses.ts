// Where a sentence's fronted adverbial or subordinate clause ends (issue 11 recall: "Although the
// value will, by its nature, be uncertain, the estimate …" was read as having the pronoun subject
// "its", and its date and figure were never asked).
import type { Tok } from "./sentences";

/** An inserted phrase between commas is at most this many tokens ("by its nature", "in turn"). */
const MAX_INSERT = 5;
/** A subordinate clause carried on past an inserted phrase ends within this many tokens. */
const MAX_CLAUSE = 40;

/** Index of the comma closing an inserted phrase that opens at `k` (", by its nature,"), or -1. */
function insertEnd(toks: Tok[], k: number): number {
  if (!/^(ADP|ADV)$/.test(toks[k]?.pos ?? "")) return -1;
  for (let j = k + 1; j < toks.length && j - k <= MAX_INSERT; j++) {
    if (toks[j].text === ",") return j;
    if (/^(VERB|AUX)$/.test(toks[j].pos) || /^[;:.]$/.test(toks[j].text)) return -1;
  }
  return -1;
}

/**
 * The token index after the comma that ends the fronted phrase opening at `comma + 1`'s left:
 * given the first comma of a sentence with a fronted phrase, skips an inserted phrase right after
 * it (", by contrast, it rose" -> "it"), and when that inserted phrase splits the fronted clause's
 * own verb ("Although X will, by its nature, be uncertain, the Y …": a verb follows it) carries on
 * to the comma that ends the clause. Returns the index where the main clause starts.
 * Rule source: decision 004, session 5 (gen-r2a).
 */
export function afterFronted(toks: Tok[], comma: number): number {
  let at = comma + 1;
  for (let guard = 0; guard < 4; guard++) {
    const close = insertEnd(toks, at);
    if (close < 0) return at;
    const next = toks[close + 1];
    if (!next) return at;
    if (!/^(VERB|AUX)$/.test(next.pos)) return close + 1;
    // The clause goes on after the insert: it ends at its next comma.
    const end = toks.findIndex((t, j) => j > close && t.text === ",");
    if (end < 0 || end - comma > MAX_CLAUSE || toks.slice(close + 1, end).some((t) => /^[;:]$/.test(t.text))) return at;
    at = end + 1;
  }
  return at;
}
