// Who the other people in a transcript are, when the turns name them only by a label:
//   - the interviewer a title names ("Interview with Ana Sol, Radio Nord (Premier Lars Berg)", turns
//     labelled "SOL:"): "Premier Lars Berg is interviewed by ____ (Radio Nord)."
//   - the holder of a role label ("CHAIR:") whom the askers address by name just before that label
//     answers ("JOURNALIST: Dr Vale, …" → "CHAIR: …", twice and never anyone else): "The chair of the
//     panel, labelled CHAIR in the transcript, is Dr ____."
// Each is a restated fact sourced from the title line. Pure; see docs/decisions/004 (session 5, gen-names).
import { resolveLabel, titlePerson } from "./speakers";

export interface LabelledTurn {
  label: string;
  /** Offsets of the label in the text; the turn's words follow `end`. */
  start: number;
  end: number;
}

export interface InterlocutorFact {
  statement: string;
  answer: string;
  label: string;
}

const HONORIFIC = /^\s*(Mr|Mrs|Ms|Miss|Dr|Madam|Professor|Prof|Senator|Minister|Ambassador|General)\.?\s+(\p{Lu}[\p{L}'’-]+)\s*,/u;

/**
 * The interviewer a title names: "Interview with <Name>[,] <outlet> (<Role> <Person>)", where one
 * turn label resolves to that name (by its surname). Null when the title has another shape.
 */
export function interviewerFact(title: string | undefined, labels: string[]): InterlocutorFact | null {
  if (!title) return null;
  const person = titlePerson(title);
  const m = /^\s*Interview\s+with\s+(.+?)\s*\([^()]*\)\s*$/i.exec(title);
  if (!person?.name || !m) return null;
  for (const label of new Set(labels)) {
    const who = resolveLabel(label, title);
    if (!who || who === person.name || /^the\s/i.test(who) || who.split(/\s+/).length < 2) continue;
    if (!m[1].startsWith(who)) continue;
    const outlet = m[1].slice(who.length).replace(/^[\s,–-]+/, "").trim();
    const interviewee = `${person.role ? `${person.role} ` : ""}${person.name}`;
    return { statement: `${interviewee} is interviewed by ${who}${outlet ? ` (${outlet})` : ""}.`, answer: who, label };
  }
  return null;
}

/**
 * The role a label names in the title ("SECRETARY-GENERAL" → "NATO Secretary General"), without its
 * article; null when the label resolves to a person's name ("PM" → "Julia Gillard") or to nothing.
 */
function roleOf(label: string, title: string | undefined): string | null {
  const who = resolveLabel(label, title);
  if (!who) return null;
  const lower = who.toLowerCase().replace(/-/g, " ");
  if (!label.toLowerCase().replace(/-/g, " ").split(/\s+/).every((w) => lower.includes(w))) return null;
  return who.replace(/^the\s+/i, "");
}

/**
 * A role label's holder, named by the askers' vocatives: every turn of an asker ("JOURNALIST", "Q")
 * that opens "Mr Surname," and is answered next by the same role label counts; two or more such
 * turns naming one surname, and none naming another, make the fact.
 */
export function addressedRoleFacts(masked: string, turns: LabelledTurn[], title: string | undefined): InterlocutorFact[] {
  const sorted = [...turns].sort((a, b) => a.start - b.start);
  const named = new Map<string, Map<string, { honorific: string; n: number }>>();
  for (let i = 0; i + 1 < sorted.length; i++) {
    const asker = resolveLabel(sorted[i].label, title);
    if (!asker || !/^the (journalist|interviewer|reporter|questioner)$/.test(asker)) continue;
    const v = HONORIFIC.exec(masked.slice(sorted[i].end, sorted[i].end + 80));
    if (!v) continue;
    const next = sorted[i + 1].label;
    if (!roleOf(next, title)) continue;
    const byName = named.get(next) ?? new Map();
    const hit = byName.get(v[2]) ?? { honorific: v[1], n: 0 };
    hit.n++;
    byName.set(v[2], hit);
    named.set(next, byName);
  }
  const out: InterlocutorFact[] = [];
  for (const [label, byName] of named) {
    if (byName.size !== 1) continue;
    const [[surname, { honorific, n }]] = [...byName];
    if (n < 2) continue;
    const role = roleOf(label, title)!;
    out.push({ statement: `The ${role}, labelled ${label} in the transcript, is ${honorific} ${surname}.`, answer: surname, label });
  }
  return out;
}
