// A sentence that opens by addressing someone ("Mr Rasmussen, NATO expended some effort …",
// "Prime Minister, the figures show …") states its clause after the comma; the address is not part
// of the fact. A bare address or greeting ("Mr Secretary-General, welcome …") stays a pleasantry.
// See docs/decisions/004 (session 5, gen-names).
import { isRoleWord } from "./lexicon";
import type { Tok } from "./sentences";

const HONORIFIC = /^(mr|mrs|ms|miss|dr|madam|madame|sir|professor|senator|minister|ambassador|general|colonel|president|secretary|commissioner|chair|premier)$/;
const GREETING = /^(welcome|thank|thanks|congratulations|good|hello|hi|ladies|please)$/;

/**
 * Tokens an opening address takes ("Mr Rasmussen ," → 3), or 0: an honorific or title, up to three
 * capitalised words, a comma, then a clause of at least four words that is not a greeting.
 */
export function vocativeLength(toks: Tok[]): number {
  if (!toks[0] || !(HONORIFIC.test(toks[0].lower) || isRoleWord(toks[0].text)) || !toks[0].cap) return 0;
  let k = 1;
  while (k < toks.length && k <= 3 && toks[k].cap && toks[k].text !== ",") k++;
  if (toks[k]?.text !== ",") return 0;
  const rest = toks.slice(k + 1);
  if (rest.filter((t) => /\p{L}/u.test(t.text)).length < 4 || GREETING.test(rest[0]?.lower ?? "")) return 0;
  // The clause needs a verb of its own ("Mr Rasmussen, NATO expended …"), not a list of names.
  if (!rest.some((t) => t.pos === "VERB" || t.pos === "AUX")) return 0;
  return k + 1;
}
