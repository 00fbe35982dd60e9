// Evidence that a capitalised run the word lists do not know ("Gavrillo Princep", "Gao Hucheng",
// "Oona A. Hathaway") names a person: the text says what the person is, right beside the name.
// Each reading needs two or three name-shaped words that no word list knows as common words,
// places or organisation heads. Used by entities.ts; see docs/decisions/004 (session 5, gen-names).
import { countryByDemonym, countryByName } from "./geo";
import { isCommonWord, isFirstName, isRoleWord } from "./lexicon";
import type { Tok } from "./sentences";

// Lower-case nouns that name a person by what they do: "militant", "activist", "negotiator",
// "historian", "student". The suffixes of agent nouns; a word list cannot hold them all.
const AGENT_NOUN = /^[a-z]{3,}(?:ist|ant|ent|or|ian|eer)$/;
// Agent-shaped words that are not people ("component", "percent", "error", "door").
const NOT_AGENT = /^(component|percent|per|cent|content|event|extent|moment|element|segment|government|parliament|management|department|development|agreement|statement|investment|payment|treatment|settlement|environment|instrument|document|equipment|argument|comment|accent|talent|patent|current|recent|present|different|independent|important|significant|relevant|urgent|constant|distant|instant|giant|plant|grant|pleasant|variant|quadrant|restaurant|error|door|floor|color|colour|honor|honour|labor|labour|favor|favour|factor|sector|vector|motor|mirror|horror|terror|anchor|corridor|meteor|interior|exterior|superior|inferior|major|minor|junior|senior|behavior|behaviour|vapor|tumor|rumor|armor|harbor|harbour|neighbor|neighbour|vendor|tenor|pastor|manor|valor|elevator|indicator|operator|radiator|calculator|refrigerator|generator|reactor|tractor|monitor|processor|scissor|precursor|successor|predecessor|engineer|pioneer|career|volunteer)$/;

// Heads of place names that the word lists do not mark as common words ("Lake Tahoe", "Hyde Park").
const PLACE_HEAD = /^(lake|river|mount|sea|bay|gulf|strait|island|islands|cape|port|valley|street|road|avenue|square|park|hall|house|bridge|canal|desert|coast|peninsula|plain|plains|falls|hill|hills)$/i;

/** toks[a, b) is shaped like a personal name of two or three words ("Gao Hucheng", "Oona A. Hathaway"). */
export function nameShaped(toks: Tok[], a: number, b: number): boolean {
  const n = b - a;
  if (n < 2 || n > 3) return false;
  const ws = toks.slice(a, b);
  const last = ws[n - 1];
  if (!/^\p{Lu}\p{Ll}+$/u.test(last.text)) return false;
  return ws.every(
    (t, k) =>
      (/^\p{Lu}\p{Ll}+$/u.test(t.text) || (k > 0 && k < n - 1 && /^\p{Lu}\.$/u.test(t.text))) &&
      !(isCommonWord(t.text) && !isFirstName(t.text)) &&
      !isRoleWord(t.text) &&
      !PLACE_HEAD.test(t.text) &&
      !countryByName(t.text) &&
      !countryByDemonym(t.text),
  );
}

/**
 * A lower-case agent noun just before the name ("by Black Hand militant Gavrillo Princep", "the
 * activist Lena Arvo"): the text says what the person is. Not a noun that names no one ("the
 * government Ferro Lanza" is not a title).
 */
export function agentNounBefore(toks: Tok[], a: number): boolean {
  const t = toks[a - 1];
  if (!t || t.cap) return false;
  const w = t.lower.replace(/s$/, "");
  return (AGENT_NOUN.test(w) && !NOT_AGENT.test(w)) || isRoleWord(t.text);
}

/**
 * A title and a comma before the name ("I thank Chinese Commerce Minister, Gao Hucheng, and …",
 * "the chair of the board, Tove Lind,"): an apposition naming who holds the title.
 */
export function titleBeforeComma(toks: Tok[], a: number): boolean {
  return toks[a - 1]?.text === "," && !!toks[a - 2] && isRoleWord(toks[a - 2].text);
}
