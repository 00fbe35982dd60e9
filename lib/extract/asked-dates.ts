// Dates inside an interviewer's question: "How crucial are the talks next week?" asks nothing certain,
// but the asker states a date the learner can be asked about — as the asker's words. The card quotes
// the question with the relative words resolved (`The journalist asked: "How crucial are the talks in
// ____?"`), so it never states the date as the text's own fact. Only dates the text gives relative to
// its own date ("next week", "yesterday", "last year" — resolved by dates.ts / relative-dates.ts with
// their certainty rules), only in a question whose asker is known (speakers.ts), not addressed to
// "you" nor in the first person (who "you"/"we" are is not in the card), at most 200 characters.
// A date the question writes out ("in 1962") is events.ts's (a presupposed event, restated).
import type { AnswerType, Candidate, DocContext } from "./candidate";
import { findDates, resolvedDateText } from "./dates";
import { capitalizeFirst } from "./text";

const MAX_CHARS = 200;

function dateFields(ty: AnswerType): Record<string, number | null> {
  if (ty.t === "year") return { year: ty.year };
  if (ty.t === "month-year") return { year: ty.year, month: ty.month };
  if (ty.t === "day-month") return { year: ty.year, month: ty.month, day: ty.day };
  return {};
}

export function extractAskedDates(doc: DocContext): Candidate[] {
  const out: Candidate[] = [];
  for (const s of doc.sentences) {
    if (!s.question || !s.speaker || s.fragment || s.quoted || s.firstPerson || s.secondPerson) continue;
    // A quotation inside the quoted question would nest quotation marks.
    if (s.bodyEnd - s.bodyStart > MAX_CHARS || /["\u201c\u201d]/.test(doc.masked.slice(s.bodyStart, s.bodyEnd))) continue;
    for (const hit of findDates(s, doc)) {
      if (hit.literal || !hit.relative) continue;
      const answer = resolvedDateText(hit.type);
      if (!answer) continue;
      const from = s.tokens[hit.from];
      const last = s.tokens[hit.to - 1];
      const prep = /^(on|in|at|by|since|until|from|before|after|during|of)$/.test(s.tokens[hit.from - 1]?.lower ?? "");
      const said = prep ? answer : `${hit.type.t === "day-month" ? "on" : "in"} ${answer}`;
      const question = `${doc.masked.slice(s.bodyStart, from.start)}${said}${doc.masked.slice(last.end, s.bodyEnd)}`.replace(/\s+/g, " ").trim();
      out.push({
        kind: "date",
        sentence: s,
        answer,
        start: from.start,
        end: last.end,
        answerType: hit.type,
        fields: { ...dateFields(hit.type), event: s.text, written: doc.masked.slice(from.start, last.end), asked: true, attributed: true },
        statement: `${capitalizeFirst(s.speaker)} asked: "${capitalizeFirst(question)}"`,
      });
    }
  }
  return out;
}
