// The rule that applies a grade once lives in the grade write itself: its
// UPDATE carries `AND "version" = <the version read>`. The read-side check in
// gradeCard cannot catch two requests that both read before either wrote, and
// SQLite serialises transactions so a real race never happens there: these
// tests interleave the two grades deterministically by calling the write step
// with a row read before another grade was applied, on both engines.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getReviewQueue } from "@/lib/dal/review";
import { gradeCard, readState, writeGrade } from "@/lib/dal/grading";
import { getUserSettings } from "@/lib/dal/users";
import { importShippedLibrary } from "../support/shipped-library";
import { makeUser } from "../support/factories";

const NOW = new Date("2026-03-02T10:00:00Z");
const LATER = new Date(NOW.getTime() + 10 * 60_000);

beforeAll(async () => {
  await importShippedLibrary();
});

async function gradedOnce() {
  const user = await makeUser("version");
  const card = (await getReviewQueue(user, NOW)).next!;
  expect((await gradeCard(user, { cardId: card.cardId, version: 0, grade: "again" }, NOW)).status).toBe("applied");
  return { user, cardId: card.cardId };
}

const stateOf = (userId: string, cardId: string) => db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId } } });

describe("the grade write refuses a state version that is no longer current", () => {
  it("a write made from a row read before another grade was applied changes nothing and writes no log", async () => {
    const { user, cardId } = await gradedOnce();
    const settings = await getUserSettings(user);
    // Request A reads the state (version 1)...
    const stale = await db.$transaction((tx) => readState(tx, user, cardId));
    expect(stale?.version).toBe(1);
    // ...request B reads the same version and applies its grade first...
    expect((await gradeCard(user, { cardId, version: 1, grade: "good" }, LATER)).status).toBe("applied");
    const afterB = await stateOf(user, cardId);
    expect(afterB.version).toBe(2);
    // ...then A's write arrives with the version it read.
    const result = await db.$transaction((tx) =>
      writeGrade(tx, { userId: user, cardId, current: stale, grade: "easy", settings, now: new Date(LATER.getTime() + 1000), source: "review" }),
    );
    expect(result).toEqual({ applied: false });
    expect(await stateOf(user, cardId)).toEqual(afterB);
    const logs = await db.reviewLog.findMany({ where: { userId: user, cardId }, orderBy: { review: "asc" }, select: { rating: true } });
    expect(logs.map((l) => l.rating)).toEqual([1, 3]);
  });

  it("the same write with the current row is applied (the refusal is about the version, not the call)", async () => {
    const { user, cardId } = await gradedOnce();
    const settings = await getUserSettings(user);
    const current = await db.$transaction((tx) => readState(tx, user, cardId));
    const result = await db.$transaction((tx) =>
      writeGrade(tx, { userId: user, cardId, current, grade: "easy", settings, now: LATER, source: "review" }),
    );
    expect(result.applied).toBe(true);
    const state = await stateOf(user, cardId);
    expect(state.version).toBe(2);
    expect(state.reps).toBe(2);
    expect(await db.reviewLog.count({ where: { userId: user, cardId } })).toBe(2);
  });
});
