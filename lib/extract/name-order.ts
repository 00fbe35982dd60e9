// Which word of a person's name is the family name. English texts write most names given name
// first ("Julia Gillard" → "Gillard"), but Chinese and Korean names keep their own order, family
// name first ("Hu Jintao" → "Hu", "Ban Ki-moon" → "Ban"): taking the last word there accepts a
// given name as the surname. The signals are the names' own shape, never a list of names:
// - a romanised Chinese name (Hanyu Pinyin): a one-syllable first word and a given name made of
//   two or more Pinyin syllables ("Jin·tao", "Jia·bao"), every word a run of Pinyin syllables;
// - a Korean name: a two-word name whose given name is hyphenated with a lower-case second part
//   ("Ki-moon", "Jae-in");
// - the document's own use: it writes a title before the first word alone ("Minister Gao" beside
//   "Gao Hucheng"), which it does only with a family name.
// See docs/decisions/004-rule-based-extractor.md (2026-11-29, session 5, gen-prec).

const INITIAL = "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])";
const FINAL = "(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|ü|v)";
const SYLLABLE = `${INITIAL}?${FINAL}`;
const ONE_SYLLABLE = new RegExp(`^${SYLLABLE}$`);
const PINYIN_WORD = new RegExp(`^(?:${SYLLABLE}){1,3}$`);
const TWO_SYLLABLES = new RegExp(`^(?:${SYLLABLE}){2,3}$`);
// A title, then one capitalised word not followed by another ("Minister Gao said").
const TITLED_ALONE = /\b(?:President|Premier|Minister|Chairman|General|Secretary|Vice-Premier|Vice-President|Ambassador|Governor|Mayor|Mr|Mrs|Ms|Dr)\.?\s+(\p{Lu}\p{Ll}+)(?![\p{L}-])(?!\s+\p{Lu})/gu;

/** "Jintao" → true: a capitalised word that splits into Pinyin syllables (`min` to `max` of them). */
function pinyin(word: string, re: RegExp): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(word) && re.test(word.toLowerCase());
}

/**
 * Words a document writes alone after a title ("Minister Gao said", not "Minister Gao Hucheng"):
 * one pass over `text`, for `familyFirst`.
 */
export function titledWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(TITLED_ALONE)) out.add(m[1]);
  return out;
}

/**
 * Is this person's name written family name first? `name`: the full name as the text writes it
 * ("Hu Jintao"). `text` (optional): the document, or the set `titledWords` made of it, searched for
 * a title before the first word alone ("President Hu"). Returns false for one-word names and for
 * names of four words or more.
 */
export function familyFirst(name: string, text: string | Set<string> = ""): boolean {
  const words = name.trim().split(/\s+/);
  if (words.length < 2 || words.length > 3) return false;
  const [first, ...rest] = words;
  if (!/^\p{Lu}\p{Ll}+$/u.test(first)) return false;
  if (words.length === 2 && /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(rest[0]) && first.length <= 5) return true;
  if (pinyin(first, ONE_SYLLABLE) && rest.every((w) => pinyin(w, PINYIN_WORD)) && rest.some((w) => pinyin(w, TWO_SYLLABLES))) return true;
  const titled = typeof text === "string" ? titledWords(text) : text;
  return titled.has(first);
}

/**
 * The family name of a person's name: the first word when the name is written family name first
 * (see `familyFirst`), otherwise the last word. "Hu Jintao" → "Hu", "Julia Gillard" → "Gillard".
 */
export function familyName(name: string, text: string | Set<string> = ""): string {
  const words = name.trim().split(/\s+/);
  return familyFirst(name, text) ? words[0] : words[words.length - 1];
}
