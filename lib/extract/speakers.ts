// Who is speaking: in a transcript, each turn's label ("PM:", "NAKAMURA:", "SECRETARY-GENERAL:")
// is resolved to a name or role written in the document's title ("… (Prime Minister John
// Howard)", "Interview with Ryuichiro Nakamura …", "… with the NATO Secretary General"); a
// speech without labels is spoken by the person the title names. A first-person sentence
// ("We are two great Pacific democracies") can only become a card when its speaker is known:
// the card then says who said it. Pure; see docs/decisions/004.
import { isFirstName, isRoleWord } from "./lexicon";

export interface TitlePerson {
  /** "John Howard" (may be empty when the title names only a role). */
  name: string;
  /** "Prime Minister" (may be empty). */
  role: string;
}

// Labels for whoever asks the questions: never resolved to a person.
const ASKER = /^(q|question|journalist|reporter|interviewer|host|moderator|audience|unidentified|male|female|questioner)\b/i;
const CAP_WORD = /^\p{Lu}[\p{Ll}'’.-]+$/u;

function words(s: string): string[] {
  return s.split(/[\s-]+/).filter(Boolean);
}

function initials(role: string): string {
  return words(role)
    .map((w) => w[0])
    .join("")
    .toUpperCase();
}

/** "Prime Minister John Howard" → role + name; a name needs a known first name or two capitalised words after a role. */
export function splitRoleName(phrase: string): TitlePerson | null {
  const ws = phrase.trim().split(/\s+/);
  if (ws.length === 0 || ws.length > 8 || !ws.every((w) => /^\p{Lu}/u.test(w))) return null;
  // The role ends at its last role word ("Prime Minister", "Foreign Secretary", "Senator").
  let k = 0;
  for (let j = 1; j <= ws.length - 2; j++) if (isRoleWord(ws[j - 1].replace(/[.,]$/, ""))) k = j;
  const name = ws.slice(k);
  if (name.length < 2 || name.length > 4 || !name.every((w) => CAP_WORD.test(w))) return null;
  if (k === 0 && !isFirstName(name[0])) return null;
  return { role: ws.slice(0, k).join(" "), name: name.join(" ") };
}

/** The person a title credits: the last parenthesis ("(Prime Minister Tony Abbott)") or its first comma part. */
export function titlePerson(title: string | undefined): TitlePerson | null {
  if (!title) return null;
  const paren = /\(([^()]*)\)\s*$/.exec(title);
  if (!paren) return null;
  return splitRoleName(paren[1].split(",")[0]);
}

/** The speaker's display form for a label, or null when the label cannot be resolved to someone named. */
export function resolveLabel(label: string, title: string | undefined): string | null {
  const l = label.trim();
  // Whoever asks is named by the role the label gives ("JOURNALIST:" → "the journalist", "Q:" → "the interviewer").
  const asker = ASKER.exec(l);
  if (asker) return /^(journalist|reporter|interviewer|host|moderator|questioner)$/i.test(asker[1]) ? `the ${asker[1].toLowerCase()}` : /^(q|question)$/i.test(asker[1]) ? "the interviewer" : null;
  const person = titlePerson(title);
  const norm = (s: string) => words(s.toLowerCase()).join(" ");
  if (person) {
    const surname = words(person.name).at(-1)?.toLowerCase();
    if (person.role && (norm(l) === norm(person.role) || l.replace(/\./g, "").toUpperCase() === initials(person.role))) return person.name || person.role;
    if (surname && norm(l) === surname) return person.name;
  }
  // A surname spelled out in the title: "NAKAMURA" → "Ryuichiro Nakamura".
  if (title && words(l).length === 1) {
    const run = title.match(new RegExp(`((?:\\p{Lu}[\\p{Ll}'’-]+\\s+){1,3})${l.charAt(0)}${l.slice(1).toLowerCase()}(?![\\p{L}])`, "u"));
    if (run) return `${run[1]}${l.charAt(0)}${l.slice(1).toLowerCase()}`.trim();
  }
  // A role the title names: "SECRETARY-GENERAL" → "the NATO Secretary General".
  if (title && words(l).length <= 3) {
    const pattern = words(l)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("[\\s-]+");
    const m = title.match(new RegExp(`\\b(?:the\\s+)?((?:\\S+\\s+)?)${pattern}\\b`, "i"));
    if (m) {
      // The name the title gives right after the role: "Interview with Prime Minister Lena Moss".
      const after = words(title.slice(m.index! + m[0].length).split(/[,;:()|–—]/)[0]).slice(0, 3);
      const named = after.findIndex((w) => !CAP_WORD.test(w));
      const name = after.slice(0, named < 0 ? after.length : named);
      if (name.length >= 2 && isFirstName(name[0])) return name.join(" ");
      // An acronym before the role belongs to it ("the NATO Secretary General"); any other word does
      // not ("Interview with Prime Minister …" is not "the with Prime Minister").
      const role = /^\p{Lu}{2,}\s+$/u.test(m[1]) ? m[0].replace(/^the\s+/i, "") : m[0].replace(/^the\s+/i, "").slice(m[1].length);
      return `the ${role}`;
    }
  }
  // A full name as the label: "Andrei Pyatakov", "JOHN SMITH"; after an honorific ("DR. ANA RUIZ")
  // the words are a name whatever the first name; a role in brackets after it is left out
  // ("PRIYA NAND (HOST)").
  const bare = l.replace(/\s*\([^()]*\)\s*$/, "");
  const all = words(bare).map((w) => (w === w.toUpperCase() ? w.charAt(0) + w.slice(1).toLowerCase() : w));
  const honorific = HONORIFIC.test(all[0] ?? "") ? 1 : 0;
  const ws = all.slice(honorific);
  if (ws.length >= 2 && ws.length <= 4 && ws.every((w) => CAP_WORD.test(w)) && (honorific || isFirstName(ws[0]))) return ws.join(" ");
  return null;
}

const HONORIFIC = /^(dr|prof|professor|mr|mrs|ms|miss|sir|dame|senator|rev|judge|general|colonel|captain|ambassador|minister|president|governor|mayor)\.?$/i;

const fold = (w: string) => w.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * Labels a transcript gives as a surname alone ("ECHEVERRÍA:") after naming the speaker in full
 * once ("DR. TOMÁS ECHEVERRÍA:"), resolved to that full name. `resolved` is each label's own
 * resolution, in text order; a surname shared by two full names stays unresolved.
 */
function bySurname(labels: string[], resolved: (string | null)[]): (string | null)[] {
  const names = [...new Set(resolved.filter((r): r is string => !!r && words(r).length >= 2))];
  return resolved.map((r, k) => {
    if (r || words(labels[k]).length !== 1) return r;
    const hits = names.filter((n) => fold(words(n).at(-1)!) === fold(labels[k]));
    return hits.length === 1 ? hits[0] : null;
  });
}

/**
 * The speaker of each sentence start, by the labels' offsets; without any label, the title's
 * person speaks throughout (a speech, an address). Returns a function from a sentence's
 * start offset to its speaker (null = unknown or the interviewer).
 */
export function speakerAt(labels: { label: string; start: number }[], title: string | undefined): (at: number) => string | null {
  if (labels.length === 0) {
    const p = titlePerson(title);
    const who = p ? p.name : null;
    return () => who;
  }
  const ordered = [...labels].sort((a, b) => a.start - b.start);
  const who = bySurname(ordered.map((l) => l.label), ordered.map((l) => resolveLabel(l.label, title)));
  const sorted = ordered.map((l, k) => ({ start: l.start, who: who[k] }));
  return (at) => {
    let who: string | null = null;
    for (const l of sorted) {
      if (l.start > at) break;
      who = l.who;
    }
    return who;
  };
}

/**
 * The document's own speaker as a fact: "Address to the … Luncheon, Canberra" is by Prime
 * Minister ____ (a speech), or the speaker labelled PRIME MINISTER in "Interview with …" is Prime
 * Minister ____ (a transcript). Only when the title names the person in its closing parenthesis
 * and the rest of the title does not already give the name away. `sentence` is a stand-in for
 * the title line (offsets of the header), so the fact has a source the learner can be shown.
 */
export function speakerStatement(title: string | undefined, labels: string[]): { statement: string; answer: string; role: string } | null {
  const person = titlePerson(title);
  if (!title || !person || !person.name) return null;
  const bare = title.replace(/\s*\([^()]*\)\s*$/, "").trim();
  const surname = words(person.name).at(-1)!;
  if (!bare || new RegExp(`\\b${surname}\\b`, "i").test(bare)) return null;
  const who = `${person.role ? `${person.role} ` : ""}${person.name}`;
  if (labels.length === 0) return { statement: `"${bare}" is by ${who}.`, answer: person.name, role: person.role };
  const label = labels.find((l) => resolveLabel(l, title) === person.name);
  if (!label) return null;
  return { statement: `In "${bare}", the speaker labelled ${label} is ${who}.`, answer: person.name, role: person.role };
}
