// Actors: people (with their role) and organisations acting as the subject of a sentence.
// Countries are asked about through agreements and definitions instead: a card per
// country mention would mostly ask "which country" about the document's own subject.
import type { Candidate, DocContext } from "./candidate";
import type { Mention } from "./entities";
import { isFactual, subjectStart, type Sentence, type Tok } from "./sentences";
import { tidy } from "./text";

const MAX_PER_ENTITY = 2;

/** The mention is the subject of the main verb: "The Lima Group no longer exists". */
function isSubject(toks: Tok[], m: Mention): boolean {
  const start = subjectStart(toks);
  let a = start;
  if (toks[a]?.lower === "the") a++;
  if (m.from !== a) return false;
  let k = m.to;
  if (toks[k] && toks[k].pos === "NOUN" && !toks[k].cap) k++; // "the Rosatom company"
  let adverbs = 0;
  while (toks[k] && (toks[k].pos === "ADV" || toks[k].pos === "PART" || toks[k].lower === "no") && adverbs < 3) {
    k++;
    adverbs++;
  }
  return !!toks[k] && (toks[k].pos === "VERB" || toks[k].pos === "AUX");
}

function whoQuestion(doc: DocContext, s: Sentence, m: Mention): string | undefined {
  const toks = s.tokens;
  if (m.from !== 0) return undefined;
  const cop = toks[m.to];
  if (!cop || !/^(is|was)$/.test(cop.lower) || !/^(a|an|the)$/.test(toks[m.to + 1]?.lower ?? "")) return undefined;
  const last = toks[toks.length - 1].text === "." ? toks.length - 1 : toks.length;
  if (last - m.to < 4 || toks.slice(m.to + 1, last).some((t) => t.text === "," || t.pos === "VERB")) return undefined;
  return tidy(`Who ${cop.lower} ${doc.masked.slice(toks[m.to + 1].start, toks[last - 1].end)}?`);
}

export function extractActors(doc: DocContext): Candidate[] {
  const out: Candidate[] = [];
  const perEntity = new Map<string, number>();
  for (const s of doc.sentences) {
    if (!isFactual(s)) continue;
    for (const m of doc.entities.bySentence[s.index]) {
      const e = doc.entities.entities.get(m.entityId);
      if (!e || (m.type !== "person" && m.type !== "org")) continue;
      if ((perEntity.get(e.id) ?? 0) >= MAX_PER_ENTITY) continue;
      if (m.type === "person") {
        // A lone surname needs the full name elsewhere to be a fair answer; keep full names.
        if (m.to - m.from < 2 && !m.role) continue;
      } else {
        // An organisation with a name of several words ("the European Central Bank") is a fair
        // answer wherever it stands; a one-word name only as the subject that acts.
        if (!isSubject(s.tokens, m) && m.to - m.from < 2) continue;
        if (e.acronym && m.text === e.expansion) continue;
      }
      perEntity.set(e.id, (perEntity.get(e.id) ?? 0) + 1);
      out.push({
        kind: "actor",
        sentence: s,
        answer: m.text,
        start: m.start,
        end: m.end,
        answerType: { t: "entity", entityId: e.id },
        fields: {
          type: e.type,
          name: e.name,
          role: m.role ?? e.role,
          roleClass: e.roleClass,
          orgKind: e.orgKind,
          variants: e.variants.length > 1 ? e.variants : undefined,
        },
        question: m.type === "person" ? whoQuestion(doc, s, m) : undefined,
      });
    }
  }
  return out;
}
