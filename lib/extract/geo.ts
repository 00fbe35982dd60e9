import { COUNTRY_ROWS } from "./data/countries";

export interface Country {
  name: string;
  aliases: readonly string[];
  demonyms: readonly string[];
  capitals: readonly string[];
  region: string;
  subregion: string;
  independent: boolean;
  /** Position in the table: a stable tie-breaker for distractor order. */
  order: number;
}

export const COUNTRIES: readonly Country[] = COUNTRY_ROWS.map((r, order) => ({
  name: r[0],
  aliases: r[1],
  demonyms: r[2],
  capitals: r[3],
  region: r[4],
  subregion: r[5],
  independent: r[6] === 1,
  order,
}));

const byName = new Map<string, Country>();
const byDemonym = new Map<string, Country>();
const byCapital = new Map<string, Country>();

// Independent states first, so "American" means the United States, not a territory.
for (const c of [...COUNTRIES].sort((a, b) => Number(b.independent) - Number(a.independent))) {
  byName.set(c.name.toLowerCase(), c);
  for (const d of c.demonyms) if (!byDemonym.has(d.toLowerCase())) byDemonym.set(d.toLowerCase(), c);
  if (c.independent) for (const cap of c.capitals) byCapital.set(cap.toLowerCase(), c);
}
for (const c of COUNTRIES) {
  for (const a of c.aliases) {
    const key = a.toLowerCase();
    // Short aliases ("US", "UK") only count in capitals; longer ones are full names.
    if (!byName.has(key)) byName.set(key, c);
  }
}
// Common English names the registry lists under other spellings.
const EXTRA: Record<string, string> = {
  america: "United States",
  "the united states": "United States",
  britain: "United Kingdom",
  "great britain": "United Kingdom",
  holland: "Netherlands",
  "ivory coast": "Ivory Coast",
  burma: "Myanmar",
};
for (const [k, v] of Object.entries(EXTRA)) {
  const c = byName.get(v.toLowerCase());
  if (c && !byName.has(k)) byName.set(k, c);
}

/**
 * A country named by `text` exactly (case matters for short abbreviations so the
 * pronoun "us" never reads as the United States).
 */
export function countryByName(text: string): Country | undefined {
  // "U.S.", "the U.K.": a dotted country acronym is the acronym.
  const dotted = /^(?:the )?((?:\p{Lu}\.){2,3})$/u.exec(text);
  if (dotted) return byName.get(dotted[1].replace(/\./g, "").toLowerCase());
  if (text.length <= 4 && text !== text.toUpperCase() && byName.get(text.toLowerCase())?.name !== text) {
    return undefined;
  }
  return byName.get(text.toLowerCase());
}

export function countryByDemonym(word: string): Country | undefined {
  if (!/^[A-Z]/.test(word)) return undefined;
  return byDemonym.get(word.toLowerCase());
}

export function countryByCapital(word: string): Country | undefined {
  if (!/^[A-Z]/.test(word)) return undefined;
  return byCapital.get(word.toLowerCase());
}

/** Same-subregion countries first, then the rest of the region, independent states only. */
export function neighbours(c: Country): Country[] {
  const same = COUNTRIES.filter((x) => x !== c && x.independent && x.subregion === c.subregion);
  const region = COUNTRIES.filter(
    (x) => x !== c && x.independent && x.region === c.region && x.subregion !== c.subregion,
  );
  return [...same, ...region];
}

/** Words that name or describe the country: used to find answer leaks. */
export function countryWords(c: Country): string[] {
  return [c.name, ...c.aliases.filter((a) => a.length > 3 || a === a.toUpperCase()), ...c.demonyms];
}
