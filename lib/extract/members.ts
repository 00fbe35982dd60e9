// The members of a list as one answer. Two shapes:
// - dates of one kind joined by "and" ("in 2019 and 2020", "reference dates of 30 June and 31
//   October"): one card asks for both; a card per member would show the other member beside the
//   blank ("in 2019 and ____") and ask half a fact;
// - a closing list of three or more short common-noun items after "including", "such as",
//   "namely" ("… products, including beef, dairy, lamb and wine."): one card asks for the set.
// The answer is graded as a set, in any order (lib/quiz/set-answer.ts). The members are kept in
// `fields.members`. Patterns are bounded (no nested unbounded quantifiers): linear on any input.
import type { Candidate, DocContext } from "./candidate";
import { isFactual, type Sentence } from "./sentences";

const MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)";
const YEAR = "(?:1[5-9]\\d\\d|20\\d\\d)";
const DAY_MONTH = `(?:\\d{1,2}(?:st|nd|rd|th)? ${MONTH}|${MONTH} \\d{1,2}(?:st|nd|rd|th)?)`;
/** Two to four dates of one shape: "2019 and 2020", "1990, 1995 and 2001", "30 June and 31 October". */
const DATE_LISTS = [YEAR, DAY_MONTH].map(
  (d) => new RegExp(`(?<![\\p{L}\\p{N}])${d}(?:, ${d}){0,2},? and ${d}(?![\\p{L}\\p{N}]|,? \\d{4})`, "gu"),
);

/** A list closing the sentence after "including" / "such as" / "namely": "beef, dairy, lamb and wine." */
const CLOSING_LIST = /\b(?:including|such as|namely)\s+([^.;:()?!"\u201c\u201d]{5,240})\.\s*$/u;
const ITEM = /^\p{Ll}[\p{Ll}-]*(?: \p{Ll}[\p{Ll}-]*){0,2}$/u;
/** Words that make an item a clause or a pointer, not a member ("the more we cooperate", "others"). */
const NOT_ITEM = /\b(the|a|an|we|they|it|this|that|these|those|others|other|more|which|who|is|are|was|were|will|to|of|with|from)\b/;

/** The items of "a, b, c and d" (Oxford comma allowed), or null when it is not such a list. */
export function splitList(text: string): string[] | null {
  const m = /^(.+?),? and ([^,]+)$/u.exec(text.trim());
  if (!m) return null;
  const items = [...m[1].split(", "), m[2]].map((x) => x.trim());
  return items.every((x) => x.length > 0) ? items : null;
}

function candidate(s: Sentence, start: number, text: string, kind: Candidate["kind"], members: string[]): Candidate {
  return {
    kind,
    sentence: s,
    answer: text,
    start,
    end: start + text.length,
    answerType: { t: "phrase" },
    fields: { members, list: true, size: members.length },
  };
}

function dateLists(s: Sentence, body: string): Candidate[] {
  const out: Candidate[] = [];
  for (const re of DATE_LISTS) {
    re.lastIndex = 0;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const members = splitList(m[0]);
      if (!members || new Set(members).size !== members.length) continue;
      out.push(candidate(s, s.bodyStart + m.index, m[0], "date", members));
    }
  }
  return out;
}

function closingList(s: Sentence, body: string): Candidate[] {
  const m = CLOSING_LIST.exec(body);
  if (!m) return [];
  const members = splitList(m[1]);
  if (!members || members.length < 3 || members.length > 8) return [];
  if (!members.every((x) => ITEM.test(x) && !NOT_ITEM.test(x))) return [];
  return [candidate(s, s.bodyStart + m.index + m[0].indexOf(m[1]), m[1], "definition", members)];
}

/** List answers of every factual sentence (see the file comment). */
export function extractMembers(doc: DocContext): Candidate[] {
  return doc.sentences.filter(isFactual).flatMap((s) => {
    const body = doc.masked.slice(s.bodyStart, s.bodyEnd);
    return [...dateLists(s, body), ...closingList(s, body)];
  });
}
