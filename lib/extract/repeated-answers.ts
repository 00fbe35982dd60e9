// A figure said twice in one sentence about two different things (issue 11 recall: "the world's
// second largest economy, the second largest trading nation" was refused because "second" repeats).
import type { Candidate, Replacement } from "./candidate";
import { findWord } from "./text";

/** How many words after an occurrence make its frame ("largest economy" vs "largest trading"). */
const FRAME_WORDS = 2;

function frameAfter(body: string, at: number, len: number): string {
  return (body.slice(at + len).toLowerCase().match(/\p{L}+/gu) ?? []).slice(0, FRAME_WORDS).join(" ");
}

/**
 * For a number candidate whose answer occurs exactly twice in its sentence, the replacement that
 * masks the other occurrence (text `mask`) — when the words after the two differ, so the blank asks
 * one thing ("the world's ____ largest economy, the […] largest trading nation"). Null otherwise:
 * another kind, a statement, a third occurrence, or the same frame twice ("second largest in 2010
 * and second largest in 2011" cannot tell which is asked). Offsets are the document's.
 * Rule source: decision 004, session 5 (gen-r2a).
 */
export function repeatedAnswerMask(c: Candidate, masked: string, mask: string): Replacement | null {
  if (c.kind !== "number" || c.statement || !c.answer) return null;
  const s = c.sentence;
  const body = masked.slice(s.bodyStart, s.bodyEnd);
  const found = findWord(body, c.answer, false);
  if (found.length !== 2) return null;
  const own = found.find((at) => s.bodyStart + at === c.start);
  const other = found.find((at) => s.bodyStart + at !== c.start);
  if (own === undefined || other === undefined) return null;
  const [a, b] = [frameAfter(body, own, c.answer.length), frameAfter(body, other, c.answer.length)];
  if (!a || !b || a === b) return null;
  return { start: s.bodyStart + other, end: s.bodyStart + other + c.answer.length, text: mask };
}
