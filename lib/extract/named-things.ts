// Things named by a proper name and a common head noun: "the Kofi Annan peace plan", "the Gorgon
// development", "the Stern Hu case", "the Bali road map". The name is what a learner remembers;
// the card blanks name and head together, so the answer reads as the text writes it. A country or
// nationality alone ("the Australian project") does not name a thing.
import type { Candidate, DocContext } from "./candidate";
import { countryByDemonym, countryByName } from "./geo";
import { isFactual } from "./sentences";

const AGREEMENT_HEADS = /^(peace plan|plan|deal|pact|accord|agreement|declaration|treaty|road ?map|framework|protocol|convention|charter)$/i;
const NAMED =
  /\b(?:the|a)\s+((?:[A-Z][\p{L}'’-]+\s+){1,4})(peace plan|plan|project|development|programme|program|initiative|process|case|deal|pact|accord|agreement|declaration|treaty|summit|road ?map|doctrine|framework|protocol|convention|charter)\b/gu;
const NOT_A_NAME = /^(The|A|An|This|That|Prime|President|Minister|New|Old|First|Second|Government|National|Federal|State)$/;

export function extractNamedThings(doc: DocContext): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const s of doc.sentences) {
    if (!isFactual(s)) continue;
    const body = doc.masked.slice(s.bodyStart, s.bodyEnd);
    NAMED.lastIndex = 0;
    for (let m = NAMED.exec(body); m; m = NAMED.exec(body)) {
      const words = m[1].trim().split(/\s+/);
      // "the Austro-Hungarian declaration": a nationality, even hyphenated, names no thing.
      const parts = words.flatMap((w) => w.split("-"));
      if (parts.every((w) => countryByName(w) || countryByDemonym(w) || NOT_A_NAME.test(w) || /^[A-Z][a-z]{1,5}o$/.test(w))) continue;
      if (countryByDemonym(parts[parts.length - 1])) continue;
      if (countryByName(m[1].trim())) continue;
      const answer = `${m[1]}${m[2]}`;
      const key = answer.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const start = s.bodyStart + m.index + m[0].indexOf(m[1]);
      out.push({
        kind: AGREEMENT_HEADS.test(m[2]) ? "agreement" : "definition",
        sentence: s,
        answer,
        start,
        end: start + answer.length,
        answerType: { t: "phrase" },
        fields: { name: m[1].trim(), head: m[2] },
      });
    }
  }
  return out;
}
