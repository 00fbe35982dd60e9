// Named entities (people, organisations, countries) found with rules over capitalised
// runs of tokens, word lists from compromise and the country table. Merges spelling
// variants (Piatakov / Pyatakov) and links acronyms to their expansions.
import { type Country, countryByCapital, countryByDemonym, countryByName } from "./geo";
import { familyFirst, titledWords } from "./name-order";
import { isCity, isCommonWord, isFirstName, isKnownOrganization, isRoleWord, orgKindOf } from "./lexicon";
import { BLOCS } from "./data/organizations";
import type { Sentence, Tok } from "./sentences";
import { stripAccents } from "./text";
import { agentNounBefore, nameShaped, titleBeforeComma } from "./person-evidence";
import { editDistance } from "../quiz/edit-distance";

export type EntityType = "person" | "org" | "country";

export interface Entity {
  id: string;
  type: EntityType;
  /** Canonical name: the first full form met in the body text. */
  name: string;
  variants: string[];
  role?: string;
  roleClass?: string;
  orgKind?: string;
  acronym?: string;
  expansion?: string;
  country?: Country;
  /** A person's name written family name first ("Hu Jintao"): its short form is the first word (name-order.ts). */
  familyFirst?: boolean;
  count: number;
  first: number;
}

export interface Mention {
  type: EntityType | "demonym" | "city";
  entityId: string;
  sentence: number;
  /** Token range [from, to) in the sentence body. */
  from: number;
  to: number;
  start: number;
  end: number;
  text: string;
  role?: string;
}

export interface EntityIndex {
  entities: Map<string, Entity>;
  bySentence: Mention[][];
}

const MONTHS =
  /^(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
const CONNECTORS = new Set(["of", "for", "and", "de", "da", "del", "van", "von", "der", "&", "al", "bin", "on", "to"]);
// Lower-case particles inside a person's name ("Wilhelm von Schoen", "Ludwig van Beethoven").
const NAME_PARTICLES = /^(von|van|der|de|da|del|di|du|le|la|bin|ibn|al|ter|ten)$/;
const ORG_HEADS = new Set([
  "academy", "agency", "alliance", "army", "assembly", "association", "authority", "bank", "bloc", "board",
  "bureau", "center", "centre", "club", "coalition", "college", "commission", "committee", "community",
  "company", "confederation", "congress", "consortium", "corporation", "corp", "council", "court",
  "department", "directorate", "federation", "firm", "forum", "foundation", "front", "fund", "gazette",
  "group", "guard", "holdings", "inc", "industries", "institute", "institut", "league", "llc", "ltd",
  "magazine", "ministry", "movement", "museum", "navy", "network", "news", "office", "organization",
  "organisation", "parliament", "party", "plc", "police", "school", "secretariat", "senate", "service",
  "society", "times", "tribunal", "trust", "union", "university", "laboratory", "observatory", "cartel",
]);
// Company-form suffixes, matched case-sensitively as the last word of a name ("Voltstrom GmbH").
const LEGAL_SUFFIX = /^(GmbH|AG|AS|ASA|SA|SpA|NV|BV|plc|PLC|Inc|Ltd|LLC|Corp|SE|AB|Oy|Oyj|SAS|SARL|Srl|KG)$/;
const ROMAN = /^(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)$/;
const SAYS = /^(said|says|told|added|explained|announced|argued|wrote|noted|stressed|warned)$/;
const TITLE_MODIFIERS = new Set([
  "vice", "prime", "deputy", "foreign", "defense", "defence", "interior", "finance", "economy", "trade",
  "justice", "health", "general", "chief", "executive", "state", "affairs", "home", "attorney",
  "supreme", "former", "acting", "grand", "first", "lady", "national", "security",
]);
const ROLE_LEADS = /^(former|then|late|ex|current|outgoing|incoming|acting|new)$/;
const ROLE_CLASSES: [RegExp, string][] = [
  [/\b(president|minister|secretary|senator|governor|chancellor|premier|king|queen|prince|emir|sultan|mayor|ambassador|diplomat|official|lawmaker|congress\w*|mp|leader|government|head of state|foreign)\b/i, "political"],
  [/\b(scientist|researcher|professor|analyst|economist|historian|expert|academic|scholar)\b/i, "academic"],
  [/\b(ceo|cfo|chairman|chairwoman|founder|executive|businessman|businesswoman|entrepreneur|director)\b/i, "business"],
  [/\b(general|admiral|commander|colonel|officer|marshal|soldier)\b/i, "military"],
  [/\b(journalist|editor|correspondent|reporter|columnist)\b/i, "media"],
];

export function roleClassOf(role: string | undefined): string | undefined {
  if (!role) return undefined;
  for (const [re, cls] of ROLE_CLASSES) if (re.test(role)) return cls;
  return undefined;
}

function isAcronym(t: Tok): boolean {
  return /^[A-Z][A-Z&]{1,5}\d*$/.test(t.text) && !/^(I|II|III|IV|VI|VII|VIII|IX|XI|XX)$/.test(t.text);
}

function isCapWord(t: Tok, first: boolean): boolean {
  if (!t.cap || !/\p{L}/u.test(t.text) || t.text === "I") return false;
  if (MONTHS.test(t.lower)) return false;
  if (t.ent && /^(DATE|TIME|DURATION)$/.test(t.ent)) return false;
  if (first && /^(DET|ADP|PRON|ADV|CCONJ|SCONJ|AUX|VERB|PART|INTJ|NUM)$/.test(t.pos)) {
    return !!countryByName(t.text) || isFirstName(t.text);
  }
  return true;
}

/** Normalised form used to compare names: no accents, lower case, y→i, doubled letters single. */
export function nameKey(s: string): string {
  return stripAccents(s)
    .toLowerCase()
    .replace(/[^a-z ]/g, "")
    .replace(/y/g, "i")
    .replace(/ph/g, "f")
    .replace(/(.)\1/g, "$1")
    .trim();
}

/** Two spellings of the same person's name (transliteration variants). */
export function sameName(a: string, b: string): boolean {
  const x = nameKey(a).split(" ");
  const y = nameKey(b).split(" ");
  if (x.length !== y.length || x.length < 2) return false;
  if (x.slice(0, -1).join(" ") !== y.slice(0, -1).join(" ")) return false;
  const l1 = x[x.length - 1];
  const l2 = y[y.length - 1];
  return l1 === l2 || (Math.min(l1.length, l2.length) >= 5 && editDistance(l1, l2, 1) <= 1);
}

interface Classified {
  type: Mention["type"];
  from: number;
  to: number;
  name: string;
  role?: string;
  /** Where a title prefix ("US Secretary of State") starts. */
  roleFrom?: number;
  orgKind?: string;
  country?: Country;
}

interface Ctx {
  acronymOrgs: Set<string>;
  knownPeople: string[];
}

function surface(toks: Tok[], a: number, b: number, masked: string): string {
  return masked.slice(toks[a].start, toks[b - 1].end).replace(/\s+/g, " ");
}

/** Tokens of the country a diplomat is posted to at toks[i]: "Italy" (1), "the Argentine" (2), or 0. */
function servedCountry(toks: Tok[], i: number): number {
  const t = toks[i];
  if (!t) return 0;
  if (countryByName(t.text)) return 1;
  const n = toks[i + 1];
  return t.lower === "the" && n && (countryByName(n.text) || countryByDemonym(n.text)) ? 2 : 0;
}

function classifyPerson(toks: Tok[], a: number, b: number, masked: string, ctx: Ctx): Classified | null {
  // Title prefix: "US Secretary of State", "President", "Foreign Minister".
  let j = a;
  let lastRole = -1;
  while (j < b) {
    const t = toks[j];
    // "United States Secretary of State …": a country of several words before the title.
    const country = [3, 2].find((n) => j + n < b && countryByName(surface(toks, j, j + n, masked)) && toks.slice(j + n, b).some((x) => isRoleWord(x.text)));
    if (country) {
      j += country;
      continue;
    }
    if (isRoleWord(t.text)) {
      lastRole = j;
      j++;
    } else if (TITLE_MODIFIERS.has(t.lower) || ((isAcronym(t) || /^(?:\p{Lu}\.){2,3}$/u.test(t.text)) && countryByName(t.text.replace(/\./g, ""))) || countryByDemonym(t.text)) {
      // "U.S. Ambassador": a dotted country acronym before a title.
      j++;
    } else if ((t.lower === "of" || (t.lower === "to" && servedCountry(toks, j + 1) > 0)) && lastRole === j - 1 && j + 1 < b) {
      // "Secretary of State", "Ambassador to Italy", "Minister to the Argentine": the role's complement is part of the title.
      j += t.lower === "to" ? 1 + servedCountry(toks, j + 1) : 2;
      while (j < b && TITLE_MODIFIERS.has(toks[j].lower)) j++;
    } else break;
  }
  const hasRole = lastRole >= 0;
  const from = hasRole ? j : a;
  const n = b - from;
  if (n < 1 || n > 4) return null;
  const nameToks = toks.slice(from, b);
  if (
    nameToks.some(
      (t, k) =>
        (!t.cap && !(k > 0 && k < nameToks.length - 1 && NAME_PARTICLES.test(t.lower))) ||
        (isRoleWord(t.text) && !(k === 0 && isFirstName(t.text))) ||
        ORG_HEADS.has(t.lower) ||
        countryByName(t.text) ||
        countryByDemonym(t.text) ||
        // A middle initial ("Frank B. Kellogg") is part of a name, not an acronym.
        (isAcronym(t) && !ROMAN.test(t.text) && !(k > 0 && k < nameToks.length - 1 && /^\p{Lu}\.$/u.test(t.text))),
    )
  )
    return null;
  const name = surface(toks, from, b, masked);
  const known = ctx.knownPeople.some((p) => sameName(p, name) || nameKey(p) === nameKey(name));
  // A name the word lists do not know still reads as a person when the sentence says what the
  // person is or does: "Tran Thi Mai, chair of ...", "Will Hartmann said".
  // … or a lower-case title right before it: "French foreign minister Aristide Briand".
  const evidenced =
    n >= 2 &&
    n <= 3 &&
    (roleAfter(toks, b, masked) !== undefined ||
      SAYS.test(toks[b]?.lower ?? "") ||
      (from === a && !toks[a - 1]?.cap && isRoleWord(toks[a - 1]?.text ?? "")) ||
      // "militant Gavrillo Princep", "Commerce Minister, Gao Hucheng," (person-evidence.ts).
      (from === a && nameShaped(toks, a, b) && (agentNounBefore(toks, a) || titleBeforeComma(toks, a))));
  if (!hasRole && !known && !evidenced) {
    if (n < 2 || !(isFirstName(nameToks[0].text) || NAME_HOMOGRAPHS.test(nameToks[0].lower))) return null;
    if (isCommonWord(nameToks[n - 1].text) && !/^\p{Lu}\p{Ll}+$/u.test(nameToks[n - 1].text)) return null;
  }
  if (hasRole && n === 1 && isCommonWord(nameToks[0].text)) return null;
  const role = hasRole ? surface(toks, a, from, masked) : undefined;
  return { type: "person", from, to: b, name, role, roleFrom: hasRole ? a : undefined };
}

function classifyWhole(toks: Tok[], a: number, b: number, masked: string, ctx: Ctx): Classified | null {
  while (a < b && CONNECTORS.has(toks[a].lower)) a++;
  while (b > a && (CONNECTORS.has(toks[b - 1].lower) || toks[b - 1].lower === "the")) b--;
  if (a >= b) return null;
  const text = surface(toks, a, b, masked);
  const country = countryByName(text) ?? countryByName(text.replace(/^The /, "the "));
  if (country) return { type: "country", from: a, to: b, name: country.name, country };
  if (b - a === 1) {
    const t = toks[a];
    const dem = countryByDemonym(t.text);
    if (dem) return { type: "demonym", from: a, to: b, name: dem.name, country: dem };
    if (isAcronym(t) && ctx.acronymOrgs.has(t.text)) {
      return { type: "org", from: a, to: b, name: t.text, orgKind: BLOCS.some((x) => x[1] === t.text) ? "bloc" : "organization" };
    }
    if (isKnownOrganization(t.lower)) return { type: "org", from: a, to: b, name: t.text, orgKind: "organization" };
  }
  const words = toks.slice(a, b);
  if (b - a >= 2 && LEGAL_SUFFIX.test(toks[b - 1].text)) return { type: "org", from: a, to: b, name: text, orgKind: "company" };
  const head = words.findIndex((t, k) => t.cap && ORG_HEADS.has(t.lower) && (k > 0 || b - a > 1));
  if (head >= 0 && !(head === 0 && b - a === 1)) {
    return { type: "org", from: a, to: b, name: text, orgKind: orgKindOf(words.map((w) => w.text)) };
  }
  if (b - a > 1 && isKnownOrganization(text.toLowerCase())) return { type: "org", from: a, to: b, name: text, orgKind: "organization" };
  if (BLOCS.some(([name]) => name === text)) return { type: "org", from: a, to: b, name: text, orgKind: "bloc" };
  const person = classifyPerson(toks, a, b, masked, ctx);
  if (person) return person;
  if (b - a === 1) {
    const cap = countryByCapital(toks[a].text);
    if (cap || isCity(toks[a].text)) return { type: "city", from: a, to: b, name: toks[a].text, country: cap };
  }
  return null;
}

/**
 * The longest span, in tokens, read as one name. Real names stay well below it
 * ("Comprehensive and Progressive Agreement for Trans-Pacific Partnership" is 7);
 * the cap keeps segmentation linear in the length of a run.
 */
export const MAX_NAME_TOKENS = 12;

/** Counts classifyWhole calls, so tests can prove segmentation does bounded work per token. */
export const segmentationWork = { calls: 0 };

function classifySpan(toks: Tok[], a: number, b: number, masked: string, ctx: Ctx): Classified | null {
  if (b - a > MAX_NAME_TOKENS) return null;
  segmentationWork.calls++;
  return classifyWhole(toks, a, b, masked, ctx);
}

/**
 * Splits the capitalised run toks[from, b) into names. Every sub-problem ends at
 * `b`, so the result for each start is computed once (memo) and each start tries
 * at most MAX_NAME_TOKENS splits: O(run length × MAX_NAME_TOKENS²) in all. Trying
 * every split at every "and" without the memo was exponential ("Alpha and " × 40
 * froze the server).
 */
function segment(toks: Tok[], from: number, b: number, masked: string, ctx: Ctx): Classified[] {
  const memo = new Map<number, Classified[]>();
  const at = (a: number): Classified[] => {
    const hit = memo.get(a);
    if (hit) return hit;
    const out = segmentFrom(a);
    memo.set(a, out);
    return out;
  };
  const segmentFrom = (a: number): Classified[] => {
    if (a >= b) return [];
    const limit = Math.min(b - 1, a + MAX_NAME_TOKENS);
    // "Bosnia and Herzegovina" is one country; "European Union and Mercosur" two organisations,
    // so a split at "and" wins over reading the whole run as one name, unless it is a country.
    if (b - a <= MAX_NAME_TOKENS && countryByName(surface(toks, a, b, masked))) return [classifySpan(toks, a, b, masked, ctx)!];
    for (let k = a + 1; k < limit; k++) {
      if (toks[k].lower !== "and" && toks[k].lower !== "&") continue;
      const left = classifySpan(toks, a, k, masked, ctx);
      const right = at(k + 1);
      // "Scott J. Shapiro and Oona A. Hathaway": a name-shaped run joined to a person is one too (person-evidence.ts).
      if (!left && right.length === 1 && right[0].type === "person" && right[0].from === k + 1 && nameShaped(toks, a, k)) {
        return [{ type: "person", from: a, to: k, name: surface(toks, a, k, masked) }, ...right];
      }
      if (!left || left.type === "city") continue;
      if (right.length && right[0].type !== "city") return [left, ...right];
      if (left.type === "person" && nameShaped(toks, k + 1, b)) return [left, { type: "person", from: k + 1, to: b, name: surface(toks, k + 1, b, masked) }];
    }
    const whole = classifySpan(toks, a, b, masked, ctx);
    if (whole) return [whole];
    for (let k = a + 1; k < limit; k++) {
      if (toks[k].lower !== "of") continue;
      const left = classifySpan(toks, a, k, masked, ctx);
      if (left?.type !== "org" && !(left?.type === "person" && left.role)) continue;
      const right = at(toks[k + 1].lower === "the" ? k + 2 : k + 1);
      if (right[0]?.type === "org") return [left, ...right];
      // "Prime Minister Rasmussen of Denmark": a titled person and the country they serve.
      if (left.type === "person" && right.length === 1 && (right[0].type === "country" || right[0].type === "city")) return [left, ...right];
    }
    // "Wisconsin Republican John J. Blaine": capitalised descriptors (a state, a party) before a
    // name that starts with a known first name; the name is the person, the descriptors stay outside.
    for (let k = a + 1; k + 1 < b && k - a <= 4; k++) {
      if (!isFirstName(toks[k].text) || toks[k - 1].text.endsWith(".")) continue;
      const person = classifySpan(toks, k, b, masked, ctx);
      if (person?.type === "person" && !person.role) return [person];
    }
    // Peel a leading demonym ("Russian MI"). Not a country: "Niger Delta" is not Niger.
    const first = classifySpan(toks, a, a + 1, masked, ctx);
    if (first && first.type === "demonym") return [first, ...at(a + 1)];
    return [];
  };
  return at(from);
}

/** toks[k] is a hyphen with no space on either side, followed by a word: "Ferreira-Lima", "Ki-moon". */
function hyphenGlued(toks: Tok[], k: number): boolean {
  const h = toks[k];
  const next = toks[k + 1];
  return !!h && !!next && k > 0 && /^[-‐‑]$/.test(h.text) && h.start === toks[k - 1].end && next.start === h.end && /^\p{L}/u.test(next.text);
}

/** Capitalised runs: "Organization of American States", "US Secretary of State Rex Tillerson". */
// First names that are also months, modals or common words.
const NAME_HOMOGRAPHS = /^(may|june|april|august|will|mark|grace|hope|faith|joy|bill|rose|frank|dawn|april|jan)$/;

/** "May Lindqvist", "Will Hartmann": a month or modal spelling a first name before a surname. */
function nameLike(toks: Tok[], i: number): boolean {
  const t = toks[i];
  const next = toks[i + 1];
  if (!t?.cap || !next || !isCapWord(next, false) || MONTHS.test(next.lower) || countryByName(next.text)) return false;
  if (next.pos !== "PROPN" || !/^\p{Lu}\p{Ll}+$/u.test(next.text)) return false;
  return NAME_HOMOGRAPHS.test(t.lower);
}

function capRuns(toks: Tok[]): [number, number][] {
  const runs: [number, number][] = [];
  let i = 0;
  while (i < toks.length) {
    if (!isCapWord(toks[i], i === 0 || /^["'(]$/.test(toks[i - 1]?.text ?? "")) && !nameLike(toks, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      if (j < toks.length && isCapWord(toks[j], false)) j++;
      else if (j < toks.length && ROMAN.test(toks[j].text) && j > i) j++;
      else if (j + 1 < toks.length && CONNECTORS.has(toks[j].lower) && isCapWord(toks[j + 1], false)) j += 2;
      else if (
        j + 2 < toks.length &&
        CONNECTORS.has(toks[j].lower) &&
        toks[j + 1].lower === "the" &&
        isCapWord(toks[j + 2], false)
      )
        j += 3;
      else break;
    }
    runs.push([i, j]);
    i = j;
  }
  return runs;
}

/** Lower-case role words just before a name ("former", "political scientist"). */
function roleBefore(toks: Tok[], at: number, masked: string): string | undefined {
  let k = at - 1;
  while (k >= 0 && (ROLE_LEADS.test(toks[k].lower) || isRoleWord(toks[k].text) || (toks[k].pos === "ADJ" && k + 1 < at && isRoleWord(toks[k + 1].text)))) k--;
  if (k + 1 >= at) return undefined;
  const words = toks.slice(k + 1, at);
  if (!words.some((t) => isRoleWord(t.text))) return undefined;
  return surface(toks, k + 1, at, masked);
}

/** "X, the Chilean president," / "X is a political scientist ..." */
function roleAfter(toks: Tok[], to: number, masked: string): string | undefined {
  let k = to;
  if (toks[k]?.text === ",") k++;
  else if (/^(is|was)$/.test(toks[k]?.lower ?? "")) k++;
  else return undefined;
  if (!/^(a|an|the)$/.test(toks[k]?.lower ?? "") && !(toks[k] && isRoleWord(toks[k].text) && !toks[k].cap)) return undefined;
  let e = k + 1;
  while (e < toks.length && !/^[,;:.!?]$/.test(toks[e].text)) e++;
  const words = toks.slice(k, e);
  if (words.length > 16 || !words.some((t) => isRoleWord(t.text))) return undefined;
  return surface(toks, k, e, masked);
}

/**
 * The initials of an expansion spell its acronym, allowing up to two skipped words
 * ("Comprehensive and Progressive Agreement for Trans-Pacific Partnership" -> CPTPP).
 */
export function initialsMatch(initials: string, acr: string): boolean {
  if (initials === acr) return true;
  if (!initials || initials[0] !== acr[0] || initials.length - acr.length > 2 || initials.length < acr.length) return false;
  let k = 0;
  for (const ch of initials) if (ch === acr[k]) k++;
  return k === acr.length && initials[initials.length - 1] === acr[acr.length - 1];
}

export function acronymExpansionIn(toks: Tok[], masked: string): { acronym: string; expansion: string; from: number; to: number; acrAt: number }[] {
  const out: { acronym: string; expansion: string; from: number; to: number; acrAt: number }[] = [];
  const initials = (a: number, b: number) =>
    toks
      .slice(a, b)
      .filter((t) => t.cap && !CONNECTORS.has(t.lower) && t.lower !== "the")
      // "Non-Proliferation" read as one token gives both initials (NPT).
      .map((t) => t.text.split(/[-‐‑]/).filter((p) => /^\p{Lu}/u.test(p)).map((p) => p[0]).join("") || t.text[0])
      .join("");
  for (let i = 0; i < toks.length; i++) {
    if (!isAcronym(toks[i]) || countryByName(toks[i].text)) continue;
    const acr = toks[i].text.replace(/[^A-Z]/g, "");
    // "ACR, the Expansion" or "ACR (Expansion)"
    let k = i + 1;
    if (toks[k]?.text === "," || toks[k]?.text === "(") {
      k++;
      if (toks[k]?.lower === "the") k++;
      for (let e = k + 1; e <= Math.min(toks.length, k + 12); e++) {
        if (toks[e - 1].cap && initialsMatch(initials(k, e), acr) && (e === toks.length || !toks[e].cap)) {
          out.push({ acronym: toks[i].text, expansion: surface(toks, k, e, masked), from: k, to: e, acrAt: i });
          break;
        }
      }
    }
    // "Expansion (ACR)"
    if (toks[i - 1]?.text === "(") {
      for (let s = i - 2; s >= Math.max(0, i - 13); s--) {
        if (toks[s].cap && initialsMatch(initials(s, i - 1), acr)) {
          out.push({ acronym: toks[i].text, expansion: surface(toks, s, i - 1, masked), from: s, to: i - 1, acrAt: i });
          break;
        }
      }
    }
  }
  return out;
}

export function findEntities(sentences: Sentence[], masked: string, speakers: string[]): EntityIndex {
  const entities = new Map<string, Entity>();
  const bySentence: Mention[][] = sentences.map(() => []);

  // Acronyms count as organisations when the document expands them, a word list knows
  // them, or they recur (a one-off "MI" in "MI helicopters" is a model name, not an actor).
  const acronymCounts = new Map<string, number>();
  const expansions = new Map<string, string>();
  sentences.forEach((s) => {
    for (const t of s.tokens) if (isAcronym(t)) acronymCounts.set(t.text, (acronymCounts.get(t.text) ?? 0) + 1);
    for (const e of acronymExpansionIn(s.tokens, masked)) if (!expansions.has(e.acronym)) expansions.set(e.acronym, e.expansion);
  });
  const acronymOrgs = new Set<string>();
  for (const [acr, n] of acronymCounts) {
    if (countryByName(acr)) continue;
    if (expansions.has(acr) || n >= 2 || isKnownOrganization(acr.toLowerCase()) || BLOCS.some((b) => b[1] === acr)) acronymOrgs.add(acr);
  }
  const knownPeople = speakers.filter((l) => l.split(/\s+/).length >= 2 && l.split(/\s+/).length <= 4 && isFirstName(l.split(/\s+/)[0]));
  const ctx: Ctx = { acronymOrgs, knownPeople };

  const orgAlias = new Map<string, string>();
  for (const [acr, exp] of expansions) orgAlias.set(exp.toLowerCase(), acr.toLowerCase());

  const personIds: { id: string; name: string }[] = [];
  const personIdFor = (name: string): string => {
    const hit = personIds.find((p) => p.name === name || sameName(p.name, name));
    if (hit) return hit.id;
    const id = `person:${nameKey(name)}`;
    personIds.push({ id, name });
    return id;
  };
  for (const p of knownPeople) personIdFor(p);

  const upsert = (id: string, make: () => Entity, sentence: number, variant: string): Entity => {
    let e = entities.get(id);
    if (!e) {
      e = make();
      entities.set(id, e);
    }
    e.count++;
    if (!e.variants.includes(variant)) e.variants.push(variant);
    return e;
  };

  sentences.forEach((s, si) => {
    const toks = s.tokens;
    const found: Classified[] = [];
    for (const [a, b] of capRuns(toks)) {
      const seg = segment(toks, a, b, masked, ctx);
      if (seg.length === 0 && b - a <= 3) {
        // "Codelco, the state copper company," names an organisation by apposition.
        let k = b;
        if (toks[k]?.text === "," && /^(the|a|an)$/.test(toks[k + 1]?.lower ?? "")) {
          k += 2;
          while (k < toks.length && k - b < 6 && !toks[k].cap && /^(ADJ|NOUN)$/.test(toks[k].pos) && !ORG_HEADS.has(toks[k].lower)) k++;
          if (toks[k] && !toks[k].cap && ORG_HEADS.has(toks[k].lower) && !countryByName(surface(toks, a, b, masked))) {
            seg.push({ type: "org", from: a, to: b, name: surface(toks, a, b, masked), orgKind: orgKindOf([toks[k].text]) });
          }
        }
      }
      found.push(...seg);
    }
    // "the Rosatom company": a name followed by a lower-case organisation word.
    for (let i = 1; i + 1 < toks.length; i++) {
      if (toks[i - 1].lower !== "the" || !toks[i].cap || toks[i + 1].cap || !ORG_HEADS.has(toks[i + 1].lower)) continue;
      if (countryByName(toks[i].text) || countryByDemonym(toks[i].text) || isCommonWord(toks[i].text) || MONTHS.test(toks[i].lower)) continue;
      if (found.some((f) => f.from <= i && i < f.to && f.type !== "city")) continue;
      for (let k = found.length - 1; k >= 0; k--) if (found[k].from <= i && i < found[k].to) found.splice(k, 1);
      found.push({ type: "org", from: i, to: i + 1, name: toks[i].text, orgKind: orgKindOf([toks[i + 1].text]) });
    }
    // "Paulo Ferreira-Lima", "Ban Ki-moon", "Jean-Claude Juncker": a name glued to a word by a
    // hyphen goes on through it; a card never blanks half of it.
    for (const c of found) {
      if (c.type !== "person") continue;
      while (hyphenGlued(toks, c.to)) c.to += 2;
      while (c.from >= 2 && hyphenGlued(toks, c.from - 1) && toks[c.from - 2].cap) c.from -= 2;
      c.name = surface(toks, c.from, c.to, masked);
    }
    for (const c of found) {
      const text = surface(toks, c.from, c.to, masked);
      let id: string;
      let role = c.role;
      if (c.type === "country" || c.type === "demonym") {
        id = `country:${c.country!.name}`;
        upsert(id, () => ({ id, type: "country", name: c.country!.name, variants: [], country: c.country, count: 0, first: si }), si, c.country!.name);
      } else if (c.type === "city") {
        id = `city:${c.name}`;
      } else if (c.type === "org") {
        const key = (orgAlias.get(c.name.toLowerCase()) ?? c.name.toLowerCase()).replace(/^the /, "");
        id = `org:${key}`;
        const e = upsert(id, () => ({ id, type: "org", name: c.name, variants: [], orgKind: c.orgKind, count: 0, first: si }), si, c.name);
        if (expansions.has(key.toUpperCase())) {
          e.acronym = key.toUpperCase();
          e.expansion = expansions.get(e.acronym);
          if (e.expansion && !e.variants.includes(e.expansion)) e.variants.push(e.expansion);
          if (!e.variants.includes(e.acronym)) e.variants.push(e.acronym);
          e.orgKind = orgKindOf((e.expansion ?? "").split(/\s+/));
        }
        if (e.orgKind === "organization" && c.orgKind && c.orgKind !== "organization") e.orgKind = c.orgKind;
      } else {
        if (role && c.roleFrom !== undefined) {
          let k = c.roleFrom;
          while (k > 0 && ROLE_LEADS.test(toks[k - 1].lower)) k--;
          if (k < c.roleFrom) role = `${surface(toks, k, c.roleFrom, masked)} ${role}`;
        }
        role = role ?? roleBefore(toks, c.from, masked) ?? roleAfter(toks, c.to, masked);
        if (!role && toks[c.from - 1]?.lower === "of" && toks[c.from - 2]?.lower === "government") role = "head of government";
        id = personIdFor(c.name);
        const e = upsert(id, () => ({ id, type: "person", name: c.name, variants: [], count: 0, first: si }), si, c.name);
        if (role && !e.role) {
          e.role = role;
          e.roleClass = roleClassOf(role);
        }
      }
      bySentence[si].push({
        type: c.type,
        entityId: id,
        sentence: si,
        from: c.from,
        to: c.to,
        start: toks[c.from].start,
        end: toks[c.to - 1].end,
        text,
        role,
      });
    }
  });

  // A lone surname of a known person ("Piñera said", "Minister Gao") is that person.
  const people = [...entities.values()].filter((e) => e.type === "person");
  const titled = titledWords(masked);
  for (const p of people) if (familyFirst(p.name, titled)) p.familyFirst = true;
  sentences.forEach((s, si) => {
    s.tokens.forEach((t, i) => {
      if (!t.cap || bySentence[si].some((m) => m.from <= i && i < m.to)) return;
      const p = people.find((e) => e.variants.some((v) => nameKey(shortName(e, v)) === nameKey(t.text)));
      if (!p || t.text.length < 3) return;
      p.count++;
      bySentence[si].push({ type: "person", entityId: p.id, sentence: si, from: i, to: i + 1, start: t.start, end: t.end, text: t.text });
    });
    bySentence[si].sort((x, y) => x.from - y.from);
  });
  for (const p of knownPeople) {
    const e = entities.get(personIdFor(p));
    if (e && !e.variants.includes(p)) e.variants.push(p);
  }
  return { entities, bySentence };
}

/** The word a text calls a person by alone: the family name ("Gillard"; "Hu" for "Hu Jintao", name-order.ts). */
export function shortName(e: Pick<Entity, "familyFirst">, name: string): string {
  const words = name.trim().split(/\s+/);
  return e.familyFirst && words.length > 1 ? words[0] : words[words.length - 1];
}

/** Every way the text may name this entity: masking these keeps the answer out of a prompt. */
export function entityWords(e: Entity): string[] {
  const words = new Set<string>(e.variants);
  words.add(e.name);
  if (e.country) {
    words.add(e.country.name);
    for (const d of e.country.demonyms) words.add(d);
    for (const a of e.country.aliases) if (a.length > 3 || a === a.toUpperCase()) words.add(a);
  }
  if (e.type === "person") for (const v of e.variants) words.add(shortName(e, v));
  if (e.acronym) words.add(e.acronym);
  if (e.expansion) words.add(e.expansion);
  return [...words].filter((w) => w.length > 1);
}
