// What a false statement (and a multiple-choice distractor) may swap, and how the words around the
// swap must change so the statement stays grammatical (issue 11, kinds 10 and 11):
// - an answer in a negated or excluding context ("concluded outside the League", "never interferes
//   with the Council") stays true when swapped: no false statement, no distractor;
// - "the" before a name: "the UN" but "NATO"; "the Lima Group" but "Rosatom";
// - "a"/"an" before a swapped number or word: "an 18-year-old", "a 20-year-old".

const NEGATORS =
  /(?:^|[^\p{L}'])(?:not|never|no|n't|nor|neither|without|outside|except|excluding|unlike|other than|apart from|instead of|rather than|barring|save for|beyond the reach of)(?![\p{L}'])/iu;

/**
 * The answer at `at` is in the scope of a negator ("not", "never", "outside", "except", …; "not only"
 * does not count): one stands within the 12 words before it, with no comma, semicolon, colon, "as in",
 * "such as", "because" or relative pronoun between them. Swapping the answer there leaves the statement
 * true ("concluded outside the Soviet Union"), and every distractor would be correct too; "waged wars
 * without declaring them, as in the invasion of 1931" keeps its year.
 */
export function negatedContext(masked: string, bodyStart: number, at: number): boolean {
  let before = masked.slice(Math.max(bodyStart, at - 200), at);
  const boundary = /[,;:]|\s[-–—]\s|\b(?:as in|such as|because|which|who|whom|whose|that|where)\b/gi;
  let cut = -1;
  for (const m of before.matchAll(boundary)) cut = m.index + m[0].length;
  if (cut >= 0) before = before.slice(cut);
  before = before.split(/\s+/).slice(-13).join(" ");
  before = before.replace(/\bnot (?:only|just|merely|least)\b/gi, " ").replace(/\bno (?:doubt|later than|more than|less than|fewer than)\b/gi, " ");
  return NEGATORS.test(before);
}

const EXAMPLES_BEFORE = /(?:such as|including|like|for example|for instance|e\.g\.|among them|notably|in particular)[,:]?\s*$/i;

/**
 * The list answer at `at` gives examples, not the whole set ("countries such as A, B or C",
 * "products including A, B and C"): another list sharing some of its members may be just as true,
 * and one sharing none is a list the text never excludes, so it gets no distractors and no false
 * statement. A single answer after "such as" is left to the other rules.
 */
export function exampleList(masked: string, at: number, answer: string): boolean {
  return /,|\s(?:and|or)\s/.test(answer) && EXAMPLES_BEFORE.test(masked.slice(Math.max(0, at - 40), at));
}

// Heads of names that take "the" ("the Lima Group", "the Security Council", "the League of Nations").
const COMMON_HEADS =
  /^(group|union|organi[sz]ation|council|bank|court|fund|committee|commission|league|tribunal|ministry|senate|assembly|parliament|congress|agency|institute|office|authority|alliance|association|community|conference|forum|secretariat|federation|treaty|pact|agreement|accord|convention|charter|declaration|department|board|service|programme|program|army|navy|force|forces|party|front|movement|states|nations|kingdom|republic|emirates|islands|netherlands|philippines|centre|center|academy|university|school|church|foundation|corporation|company|initiative|summit|treaty)$/i;

/**
 * Whether a name takes the definite article in running text: initialisms read letter by letter
 * ("the EU", "the IMF", "the WHO") and names headed by a common noun ("the Lima Group", "the League
 * of Nations") do; acronyms read as a word ("NATO", "ASEAN", "OPEC": a consonant-vowel alternation in
 * their first three letters) and bare proper names ("Rosatom", "Mercosur", "Germany") do not.
 */
export function takesThe(name: string): boolean {
  const n = name.replace(/^the\s+/i, "").trim();
  if (/^[A-Z&]{2,7}$/.test(n)) return !isWordAcronym(n);
  const words = n.split(/\s+/);
  if (words.length === 1) return false;
  const head = words.some((w) => /^(of|for|on|in)$/i.test(w)) ? words[words.findIndex((w) => /^(of|for|on|in)$/i.test(w)) - 1] : words[words.length - 1];
  return COMMON_HEADS.test(head ?? "");
}

function isWordAcronym(acr: string): boolean {
  const v = (ch: string) => /[AEIOU]/.test(ch);
  if (acr.length < 4) return false;
  const s = acr.slice(0, 3);
  return (!v(s[0]) && v(s[1]) && !v(s[2])) || (v(s[0]) && !v(s[1]) && v(s[2]));
}

/** "an" before a vowel sound: "an 8-year", "an 11", "an eighty", "an EU"; "a" before "one", "a 1-year", "a European". */
export function indefiniteFor(word: string): "a" | "an" {
  const w = word.trim();
  if (/^(8|11|18|8\d|8\d\d|8,\d{3}|11,\d{3}|18,\d{3})(?!\d)/.test(w)) return "an";
  if (/^\d/.test(w)) return "a";
  if (/^(one|once|uni|use|usu|euro|eu[a-z])/i.test(w) && !/^EU$/.test(w)) return "a";
  const acr = /^[A-Z]{2,7}(?![\p{Ll}])/u.exec(w)?.[0];
  // "a NATO summit" (read as a word), "an EU member" (read letter by letter: "ee-you").
  if (acr) return isWordAcronym(acr) ? (/^[AEIOU]/.test(acr) ? "an" : "a") : /^[AEFHILMNORSX]/.test(acr) ? "an" : "a";
  if (/^(hour|honest|honou?r|heir)/i.test(w)) return "an";
  return /^[aeiou]/i.test(w) ? "an" : "a";
}

/**
 * The replacement that swaps the answer at [start, end) of `masked` for `by`, with the article
 * before it adjusted: "the NATO" → "NATO", "Lima Group is" → "the Lima Group is", "a 8-year" →
 * "an 8-year". Returns the span to replace (it may start earlier, at the article) and its text.
 */
export function swapWithArticle(masked: string, start: number, end: number, answer: string, by: string): { start: number; end: number; text: string } {
  const before = masked.slice(Math.max(0, start - 6), start);
  const indefinite = /(?:^|[^\p{L}])(a|an|A|An)\s+$/u.exec(before);
  if (indefinite) {
    const art = indefiniteFor(by);
    const at = start - indefinite[0].length + (indefinite[0].length - indefinite[0].trimStart().length);
    const text = indefinite[1][0] === "A" ? art[0].toUpperCase() + art.slice(1) : art;
    return { start: at, end, text: `${text} ${by}` };
  }
  // An answer that carries its own article ("the Arctic Council"): the swapped name gets one if it takes it.
  const own = /^(the|The)\s+/.exec(answer);
  if (own && !/^the\s/i.test(by)) return { start, end, text: takesThe(by) ? `${own[1]} ${by}` : by };
  const the = /(?:^|[^\p{L}])(the|The)\s+$/u.exec(before);
  const isName = /^\p{Lu}/u.test(answer) && /^\p{Lu}/u.test(by) && !/\d/.test(answer + by);
  if (isName && the && !takesThe(by)) {
    const at = start - the[0].length + (the[0].length - the[0].trimStart().length);
    return { start: at, end, text: by };
  }
  if (isName && !the && takesThe(by) && !takesThe(answer) && /(^|[\s"(])$/.test(masked.slice(Math.max(0, start - 1), start)) && !/'s?\s*$/.test(before)) {
    return { start, end, text: `the ${by}` };
  }
  return { start, end, text: by };
}

const CONTINENTAL = /^(european|african|asian|arab|eurasian|american|pan-american|caribbean|pacific|nordic|baltic|andean|latin|postal|monetary|customs|economic|international|world|global)$/i;

/**
 * A state written like an organisation ("the Soviet Union", "the Ottoman Empire", "the Dutch
 * Republic"): an adjective of one people and a polity noun. Blocs ("the European Union", "the
 * African Union") are named after a continent or a purpose. A state is not a distractor for an
 * organisation, nor an organisation for a state.
 */
export function isStateName(name: string): boolean {
  const m = /^(?:the\s+)?(\p{Lu}[\p{L}-]+)\s+(Union|Empire|Republic|Kingdom|Federation|Confederation|Caliphate|Sultanate|Khanate)$/u.exec(name.trim());
  return !!m && !CONTINENTAL.test(m[1]);
}
