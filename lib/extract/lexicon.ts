import nlp from "compromise";

// compromise is only used for its word lists (first names, roles, organisations
// and places): looking a word up is O(1), while parsing text with compromise
// costs ~0.3 ms per word, far over the extraction budget.
interface CompromiseModel {
  one: { lexicon: Record<string, string> };
  two: { orgWords: Record<string, boolean> };
}
const model = (nlp as unknown as { model(): CompromiseModel }).model();
const LEX = model.one.lexicon;
const ORG_WORDS = model.two.orgWords;

function tags(word: string): string {
  return LEX[word.toLowerCase()] ?? "";
}

export function isFirstName(word: string): boolean {
  return /\b(FirstName|MaleName|FemaleName)\b/.test(tags(word));
}

/** A known common word (not a name): "Doctrine", "Group", "The". */
export function isCommonWord(word: string): boolean {
  const t = tags(word);
  return t !== "" && !/(Name|Person|Place|City|Country|Organization|Region|ProperNoun)/.test(t);
}

export function isKnownOrganization(text: string): boolean {
  return /\bOrganization\b/.test(tags(text));
}

export function isCity(word: string): boolean {
  return /\bCity\b/.test(tags(word));
}

// Title words compromise does not tag as roles (or tags as something else).
const EXTRA_TITLES = new Set(
  [
    "senator", "governor", "general", "spokesman", "spokeswoman", "spokesperson", "minister",
    "secretary", "president", "vice", "deputy", "ambassador", "envoy", "premier", "congressman",
    "congresswoman", "representative", "judge", "justice", "sheikh", "emir", "sultan", "king",
    "queen", "prince", "princess", "pope", "cardinal", "archbishop", "admiral", "colonel",
    "commander", "marshal", "chief", "head", "chairman", "chairwoman", "chair", "director",
    "founder", "ceo", "cfo", "coo", "cto", "mp", "mep", "mayor", "chancellor", "lawmaker",
    "leader", "expert", "researcher", "professor", "economist", "analyst", "scientist",
    "historian", "journalist", "correspondent", "editor", "official", "officer", "adviser",
    "advisor", "dr", "mr", "mrs", "ms", "prof", "sen", "gen", "gov", "rep", "lt", "capt",
    "emperor", "empress", "tsar", "czar", "tsarina", "kaiser", "duke", "duchess", "archduke", "shah",
    "pharaoh", "caliph", "khan", "baron", "baroness", "count", "countess", "marquis", "viscount", "earl", "lord", "lady", "sir", "dame", "coordinator",
    "microbiologist", "biologist", "physicist", "chemist", "engineer", "ceo",
  ],
);

/** A word naming a role or title ("Secretary", "president", "scientist"). */
export function isRoleWord(word: string): boolean {
  const w = word.toLowerCase().replace(/\.$/, "");
  return EXTRA_TITLES.has(w) || /\b(Actor|Honorific)\b/.test(tags(w));
}

/** A word that heads an organisation's name ("Group", "Institute", "Company"). */
export function isOrgWord(word: string): boolean {
  const w = word.toLowerCase();
  return ORG_WORDS[w] === true || ORG_EXTRA.has(w);
}
const ORG_EXTRA = new Set([
  "alliance", "organisation", "bloc", "league", "forum", "parliament", "assembly", "congress",
  "senate", "court", "firm", "corporation", "consortium", "cartel", "movement", "party",
  "front", "brigade", "militia", "navy", "guard", "secretariat", "programme", "program",
]);

// Organisation kinds, so distractors for a company are companies, for an alliance alliances.
const KIND_BY_WORD: Record<string, string> = {
  company: "company", corporation: "company", corp: "company", inc: "company", ltd: "company",
  llc: "company", plc: "company", firm: "company", enterprise: "company", enterprises: "company",
  holdings: "company", industries: "company", airlines: "company", bank: "company",
  consortium: "company", group: "bloc",
  organization: "bloc", organisation: "bloc", alliance: "bloc", union: "bloc", league: "bloc",
  bloc: "bloc", forum: "bloc", community: "bloc", coalition: "bloc", confederation: "bloc",
  federation: "bloc", council: "bloc", commission: "bloc", cartel: "bloc",
  institute: "institution", institut: "institution", academy: "institution", university: "institution",
  college: "institution", school: "institution", center: "institution", centre: "institution",
  laboratory: "institution", observatory: "institution", foundation: "institution", society: "institution",
  museum: "institution", hospital: "institution",
  party: "party", movement: "party", front: "party",
  ministry: "government", department: "government", agency: "government", bureau: "government",
  office: "government", administration: "government", directorate: "government", authority: "government",
  parliament: "government", senate: "government", congress: "government", assembly: "government",
  court: "government", government: "government",
  army: "military", navy: "military", corps: "military", guard: "military", brigade: "military",
  militia: "military", police: "military",
  news: "media", times: "media", press: "media", radio: "media", television: "media", tv: "media",
  journal: "media", gazette: "media", herald: "media", magazine: "media", media: "media",
};

export function orgKindOf(words: readonly string[]): string {
  for (let i = words.length - 1; i >= 0; i--) {
    const k = KIND_BY_WORD[words[i].toLowerCase()];
    if (k) return k;
  }
  return "organization";
}

const MEASURE =
  /^((kilo|centi|milli)?(met(re|er)s?|grams?)|km|kg|tonnes?|tons?|miles?|hectares?|acres?|litres?|liters?|gallons?|barrels?|(kilo|mega|giga|tera)watts?|[kmgt]wh?|[kmgt]w|bytes?|(kilo|mega|giga|tera)bytes?|degrees?|knots?)$/i;

/** A unit of measure ("tonnes", "gigawatt", "GWh"): part of a quantity's answer, unlike "soldiers". */
export function isUnitWord(word: string): boolean {
  return MEASURE.test(word) || (/\bUnit\b/.test(tags(word)) && !/^(percent|year|years)$/i.test(word));
}
