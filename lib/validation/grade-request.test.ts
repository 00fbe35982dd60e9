import { describe, expect, it } from "vitest";
import { GRADE_NAMES } from "@/lib/srs/grade-names";
import { GradeRequestSchema, MAX_GRADE_DURATION_MS } from "./grade-request";

const VALID = { cardId: "cmwzxkh4b00006y7dvhz8vvpa", version: 0, grade: "good" };
const accepts = (patch: Record<string, unknown>) => GradeRequestSchema.safeParse({ ...VALID, ...patch }).success;

describe("GradeRequestSchema: one grade of one card, for the review action and POST /api/review/grade", () => {
  it("accepts each of the four grade names, and nothing else as a grade", () => {
    expect(GRADE_NAMES).toEqual(["again", "hard", "good", "easy"]);
    for (const grade of GRADE_NAMES) expect(accepts({ grade }), grade).toBe(true);
    for (const grade of ["Good", "ok", "", 3, null]) expect(accepts({ grade }), String(grade)).toBe(false);
  });

  it("takes the card version shown as an integer from 0", () => {
    expect(accepts({ version: 7 })).toBe(true);
    for (const version of [-1, 1.5, "1", undefined]) expect(accepts({ version }), String(version)).toBe(false);
  });

  it("takes an optional time on the card from 0 ms to an hour, in whole ms", () => {
    expect(accepts({ durationMs: undefined })).toBe(true);
    expect(accepts({ durationMs: 0 })).toBe(true);
    expect(accepts({ durationMs: MAX_GRADE_DURATION_MS })).toBe(true);
    expect(MAX_GRADE_DURATION_MS).toBe(60 * 60 * 1000);
    for (const durationMs of [-1, MAX_GRADE_DURATION_MS + 1, 2.5]) expect(accepts({ durationMs }), String(durationMs)).toBe(false);
  });

  it("refuses a card id that is not an id", () => {
    expect(accepts({ cardId: "a b" })).toBe(false);
    expect(accepts({ cardId: undefined })).toBe(false);
  });
});
