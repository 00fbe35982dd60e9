// Dated events a question or an opinion takes for granted: "is a missile crisis like in
// 1962 in Cuba possible?" asks nothing certain, but it presupposes the 1962 missile crisis
// in Cuba. The event is restated as a plain sentence ("The missile crisis in Cuba took
// place in 1962.") so the card does not carry the speaker's question or opinion.
import type { Candidate, DocContext } from "./candidate";
import { isYear } from "./dates";
import type { Sentence } from "./sentences";

const EVENT_NOUNS =
  /^(crisis|war|revolution|coup|invasion|annexation|elections?|referendum|summit|olympics|earthquake|tsunami|pandemic|epidemic|attacks?|bombings?|massacre|genocide|uprising|protests|blockade|occupation|intervention|siege|assassination|famine|independence|reunification|collapse|disaster)$/;

function eventsIn(doc: DocContext, s: Sentence): Candidate[] {
  const toks = s.tokens;
  const out: Candidate[] = [];
  const mentions = doc.entities.bySentence[s.index];
  for (let i = 1; i < toks.length; i++) {
    if (!EVENT_NOUNS.test(toks[i].lower)) continue;
    let m = i;
    while (m > 0 && /^(ADJ|NOUN|PROPN)$/.test(toks[m - 1].pos) && !isYear(toks[m - 1].text) && i - m < 3) m--;
    let k = i + 1;
    let year: number | null = null;
    let yearAt = -1;
    let place = "";
    for (let step = 0; step < 2; step++) {
      if (toks[k]?.lower === "like" || toks[k]?.lower === "as") k++;
      if (!/^(in|of)$/.test(toks[k]?.lower ?? "")) break;
      const t = toks[k + 1];
      if (t && isYear(t.text) && year === null) {
        year = Number(t.text);
        yearAt = k + 1;
        k += 2;
        continue;
      }
      const pm = mentions.find((x) => x.from === k + 1 && (x.type === "country" || x.type === "city"));
      if (pm && !place) {
        place = pm.text;
        k = pm.to;
        continue;
      }
      break;
    }
    // "the 2014 annexation of Crimea"
    if (year === null && m > 0 && isYear(toks[m - 1].text)) {
      year = Number(toks[m - 1].text);
      yearAt = m - 1;
    }
    if (year === null || (m === i && !place)) continue;
    const mods = doc.masked.slice(toks[m].start, toks[i].end).replace(/\s+/g, " ").toLowerCase();
    const event = place ? `${mods} in ${place}` : mods;
    out.push({
      kind: "date",
      sentence: s,
      answer: String(year),
      start: toks[yearAt].start,
      end: toks[yearAt].end,
      answerType: { t: "year", year },
      fields: { year, event, presupposed: true },
      statement: `The ${event} took place in ${year}.`,
    });
  }
  return out;
}

/** Only questions and opinions: a stated event already gets its own date card. */
export function extractPresupposedEvents(doc: DocContext): Candidate[] {
  return doc.sentences.filter((s) => (s.question || s.opinion) && s.tokens.length > 3).flatMap((s) => eventsIn(doc, s));
}
