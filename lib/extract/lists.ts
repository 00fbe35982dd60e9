import type { Mention } from "./entities";
import type { Sentence } from "./sentences";

export interface EntityList {
  from: number;
  to: number;
  items: Mention[];
  /** The last joining word: "and", "or", or "," when there is none. */
  conj: string;
}

const PARTY_TYPES = new Set(["country", "org", "person", "city"]);

/** Runs of named parties joined by commas, "and", "or": "Venezuela, Nicaragua, Argentina or Bolivia". */
export function entityLists(s: Sentence, mentions: Mention[]): EntityList[] {
  const ms = mentions.filter((m) => PARTY_TYPES.has(m.type)).sort((a, b) => a.from - b.from);
  const out: EntityList[] = [];
  let cur: Mention[] = [];
  let conj = ",";
  const flush = () => {
    if (cur.length >= 2) out.push({ from: cur[0].from, to: cur[cur.length - 1].to, items: cur, conj });
    cur = [];
    conj = ",";
  };
  for (const m of ms) {
    const prev = cur[cur.length - 1];
    if (prev) {
      const gap = s.tokens.slice(prev.to, m.from).map((t) => t.lower);
      const joined = gap.join(" ");
      if (/^(,|and|or|, and|, or|&)$/.test(joined)) {
        if (gap.includes("and") || gap.includes("&")) conj = "and";
        else if (gap.includes("or")) conj = "or";
        cur.push(m);
        continue;
      }
      flush();
    }
    cur = [m];
  }
  flush();
  return out;
}
