// Who did it, when a sentence fronts the passive: "Sponsored by France and Chile, the accord …",
// "Founded by Ana Sol in 1990, the institute …". The agent (named people, organisations or
// countries, one or a list) is asked as an actor card; "Who sponsored the accord?" when the main
// subject is a short noun phrase. See docs/decisions/004 (session 5, gen-names).
import type { Candidate, DocContext } from "./candidate";
import { entityLists } from "./lists";
import { isFactual } from "./sentences";

const AGENT_TYPES = new Set(["person", "org", "country"]);

function fullNames(doc: DocContext, ids: string[], answer: string): string[] | undefined {
  const names = ids.map((id) => doc.entities.entities.get(id)?.name ?? "");
  if (names.some((n) => !n)) return undefined;
  const withThe = names.map((n) => (/^United\s/.test(n) ? `the ${n}` : n));
  const join = (ns: string[]) => (ns.length <= 2 ? ns.join(" and ") : `${ns.slice(0, -1).join(", ")} and ${ns[ns.length - 1]}`);
  const out = [...new Set([join(withThe), join(names)])].filter((x) => x !== answer);
  return out.length ? out : undefined;
}

export function extractFrontedAgents(doc: DocContext): Candidate[] {
  const out: Candidate[] = [];
  for (const s of doc.sentences) {
    if (!isFactual(s)) continue;
    const toks = s.tokens;
    const v = toks[0];
    if (!v || v.pos !== "VERB" || !/(ed|en|wn)$/.test(v.lower) || toks[1]?.lower !== "by") continue;
    const comma = toks.findIndex((t) => t.text === ",");
    if (comma < 3 || comma > 14) continue;
    const mentions = doc.entities.bySentence[s.index].filter((m) => AGENT_TYPES.has(m.type) && m.from >= 2 && m.to <= comma);
    if (mentions.length === 0) continue;
    const list = entityLists(s, mentions).find((l) => l.from === 2 || (l.from === 3 && toks[2].lower === "the"));
    const single = list ? null : mentions.find((m) => m.from === 2 || (m.from === 3 && toks[2].lower === "the"));
    const from = list ? list.from : single?.from;
    const to = list ? list.to : single?.to;
    if (from === undefined || to === undefined) continue;
    // The agent is all there is before the comma (a date or place may follow: "in 1990", "in Velm").
    if (to !== comma && !/^(in|on|at|during)$/.test(toks[to]?.lower ?? "")) continue;
    // The main clause: a subject noun phrase, then its verb.
    let e = comma + 1;
    while (e < toks.length && e - comma <= 6 && /^(DET|ADJ|NOUN|PROPN|PUNCT)$/.test(toks[e].pos) && toks[e].text !== ",") e++;
    if (e === comma + 1 || !/^(VERB|AUX)$/.test(toks[e]?.pos ?? "")) continue;
    const subject = doc.masked.slice(toks[comma + 1].start, toks[e - 1].end).replace(/\s+/g, " ");
    const answer = doc.masked.slice(toks[from].start, toks[to - 1].end).replace(/\s+/g, " ");
    const ids = (list ? list.items : [single!]).map((m) => m.entityId);
    out.push({
      kind: "actor",
      sentence: s,
      answer,
      start: toks[from].start,
      end: toks[to - 1].end,
      answerType: ids.length > 1 ? { t: "entity-list", entityIds: ids, conj: list!.conj } : { t: "entity", entityId: ids[0] },
      // The agents by their full names ("France and the United States" for "France and the U.S.").
      fields: { relation: v.lower, agentOf: subject, alsoAccepted: fullNames(doc, ids, answer) },
      question: /^(the|a|an)\s/i.test(subject) && e - comma <= 4 ? `Who ${v.lower} ${subject.replace(/^The /, "the ")}?` : undefined,
    });
  }
  return out;
}
