// A list answer ("beef, dairy, lamb and wine") is a set: the learner may give its members in any
// order. Only lists of three or more short items are graded this way; a pair ("2019 and 2020") gets
// its reversed order as an accepted variant instead (lib/extract/variants.ts), and a name with
// "and" in it ("Trinidad and Tobago") is never split.

/** Members of a set answer: three to twelve items of at most four words, "a, b, c and d" (Oxford comma allowed). */
export function setMembers(answer: string): string[] | null {
  const m = /^(.+?),? (?:and|&) ([^,]+)$/u.exec(answer.trim());
  if (!m) return null;
  const items = [...m[1].split(","), m[2]].map((x) => x.trim());
  if (items.length < 3 || items.length > 12) return null;
  return items.every((x) => x.length > 0 && x.split(/\s+/).length <= 4) ? items : null;
}

/** What a learner typed, split as a list: commas, "and", "&", ";" or new lines between members. */
export function givenMembers(given: string): string[] {
  return given
    .split(/[,;\n]|\s(?:and|&)\s/u)
    .map((x) => x.trim().replace(/^(?:and|&)\s+/u, ""))
    .filter(Boolean);
}

export type MemberVerdict = "correct" | "near-miss" | "wrong";

/**
 * Grades `given` against the set `members` with `gradeOne` for each member (the typed-answer grader,
 * so typos and number words count as they do for a single answer). Every member must be given once,
 * nothing else: all correct → "correct"; some near misses and no wrong one → "near-miss"; else "wrong".
 * Greedy matching: each given item takes the first member it grades correct (then near-miss) against.
 */
export function gradeSet(given: string, members: readonly string[], gradeOne: (g: string, expected: string) => MemberVerdict): MemberVerdict {
  const items = givenMembers(given);
  if (items.length !== members.length) return "wrong";
  const free = new Set(members.map((_, i) => i));
  let near = false;
  for (const item of items) {
    let pick = -1;
    let pickNear = false;
    for (const i of free) {
      const v = gradeOne(item, members[i]!);
      if (v === "correct") {
        pick = i;
        pickNear = false;
        break;
      }
      if (v === "near-miss" && pick < 0) {
        pick = i;
        pickNear = true;
      }
    }
    if (pick < 0) return "wrong";
    free.delete(pick);
    near ||= pickNear;
  }
  return near ? "near-miss" : "correct";
}
