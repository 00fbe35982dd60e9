// "You" in an interviewer's premise is the person who answers next: "Mr Koizumi highly values your
// decision." (NAKAMURA's turn, answered by PRIME MINISTER = John Howard) is "According to Ryuichiro
// Nakamura, Mr Koizumi highly values John Howard's decision.". Only "your" and a subject "you" before a
// past-tense verb are rewritten (no verb agreement to fix); any other "you" leaves the sentence alone.
// The people the rewritten premise names become actor cards. See docs/decisions/004 (session 5, gen-names).
import type { Candidate, DocContext } from "./candidate";
import type { Tok } from "./sentences";

const PAST = /^(got|had|made|took|gave|went|met|told|spoke|sent|won|lost|said|saw|came|left|wrote|led|held|became|began|chose|[a-z]+ed)$/;

/** The premise with "you/your" spelled out as `name`, or null when a "you" cannot be rewritten safely. */
export function spellOutAddressee(toks: Tok[], text: string, name: string): string | null {
  let out = text;
  let changed = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!/^(you|your|yours|yourself|you've|you're|you'll|you'd)$/.test(t.lower)) continue;
    const subjectYou = t.lower === "you" && PAST.test(toks[i + 1]?.lower ?? "") && toks[i + 1].pos === "VERB";
    if (t.lower !== "your" && !subjectYou) return null;
    const by = t.lower === "your" ? `${name}'s` : name;
    const re = new RegExp(`(^|[^\\p{L}])${t.text}(?![\\p{L}'’])`, "u");
    if (!re.test(out)) return null;
    out = out.replace(re, (_m, pre: string) => `${pre}${by}`);
    changed = true;
  }
  return changed ? out : null;
}

/**
 * Actor cards from an interviewer's statements addressed to the next speaker. `answererAt(at)` is the
 * resolved speaker of the first turn after offset `at` (a full name, or null).
 */
export function extractAddressedPremises(doc: DocContext, answererAt: (at: number) => string | null): Candidate[] {
  const out: Candidate[] = [];
  for (const s of doc.sentences) {
    if (!s.questionTurn || !s.secondPerson || s.question || s.fragment || s.quoted || !s.speaker || s.firstPerson) continue;
    const name = answererAt(s.end);
    if (!name || /^the\s/i.test(name) || !name.includes(" ")) continue;
    const text = spellOutAddressee(s.tokens, s.text, name);
    if (!text) continue;
    // "According to X, the talks …" but "According to X, John Howard got …": names keep their capital.
    const keep = text.startsWith(name) || s.tokens[0]?.pos === "PROPN";
    const statement = `According to ${s.speaker}, ${keep ? text : text.charAt(0).toLowerCase() + text.slice(1)}`;
    for (const m of doc.entities.bySentence[s.index]) {
      if (m.type !== "person" || (!m.role && m.to - m.from < 2)) continue;
      if (statement.split(m.text).length !== 2) continue;
      out.push({
        kind: "actor",
        sentence: s,
        answer: m.text,
        start: m.start,
        end: m.end,
        answerType: { t: "entity", entityId: m.entityId },
        fields: { type: "person", name: doc.entities.entities.get(m.entityId)?.name ?? m.text, role: m.role, attributed: true, addressee: name },
        statement,
      });
    }
  }
  return out;
}

/** The speaker of the first labelled turn after an offset, resolved by `resolve` (speakers.ts). */
export function answererAt(labels: { label: string; start: number }[], resolve: (label: string) => string | null): (at: number) => string | null {
  const sorted = [...labels].sort((a, b) => a.start - b.start);
  return (at) => {
    const next = sorted.find((l) => l.start >= at);
    return next ? resolve(next.label) : null;
  };
}


