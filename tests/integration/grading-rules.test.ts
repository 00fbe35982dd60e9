// The rules of one grade write (lib/dal/grading.ts), through the DAL: what the
// state row and the review log hold after a grade, leeches, who may grade a
// card, and what a refused grade is told. (The version clause and races:
// grade-version-clause.test.ts and double-grade.test.ts.)
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { gradeCard, readState, writeGrade, type GradeInput } from "@/lib/dal/grading";
import { setSuspended } from "@/lib/dal/card-actions";
import { getUserSettings } from "@/lib/dal/users";
import { NotFoundError } from "@/lib/dal/errors";
import { LEECH_THRESHOLD, State } from "@/lib/srs";
import { makePrivateCard, makeUser } from "../support/factories";

const NOW = new Date("2026-03-02T10:00:00Z");
const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);

let owner: string;
beforeAll(async () => {
  owner = await makeUser("grading-owner");
});

const stateOf = (userId: string, cardId: string) => db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId } } });
const logsOf = (userId: string, cardId: string) => db.reviewLog.findMany({ where: { userId, cardId }, orderBy: { review: "asc" } });

/** Grades the card at the version it is at now. */
async function grade(userId: string, cardId: string, g: GradeInput["grade"], at: Date, extra: Partial<GradeInput> = {}) {
  const state = await db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
  return gradeCard(userId, { cardId, version: state?.version ?? 0, grade: g, ...extra }, at);
}

/** A card of the user's own, graded Good twice: in review. Returns it and when it is next due. */
async function inReview(userId: string) {
  const { cardId } = await makePrivateCard(userId);
  await grade(userId, cardId, "good", NOW);
  await grade(userId, cardId, "good", minutes(NOW, 10));
  const s = await stateOf(userId, cardId);
  expect(s.state).toBe(State.Review);
  return { cardId, due: s.due };
}

describe("what a grade writes", () => {
  it("the log holds the answer time, the learner's local day, the source and the state version it produced", async () => {
    const user = await makeUser("grading-log");
    await db.user.update({ where: { id: user }, data: { timeZone: "Pacific/Honolulu" } });
    const { cardId } = await makePrivateCard(user);
    // 10:00 UTC is midnight in Honolulu: still 1 March's day until 04:00 local.
    expect((await grade(user, cardId, "good", NOW, { durationMs: 4200 })).status).toBe("applied");
    expect((await grade(user, cardId, "easy", minutes(NOW, 20))).status).toBe("applied");
    const [first, second] = await logsOf(user, cardId);
    expect(first).toMatchObject({ rating: 3, state: State.New, durationMs: 4200, source: "review", day: "2026-03-01", stateVersion: 1, review: NOW });
    expect(second).toMatchObject({ rating: 4, state: State.Learning, durationMs: null, source: "review", stateVersion: 2 });
    expect((await stateOf(user, cardId)).version).toBe(2);
  });

  it("a card keeps the time it was first graded (it counted against that day's new cards)", async () => {
    const { cardId } = await makePrivateCard(owner);
    await grade(owner, cardId, "again", NOW);
    await grade(owner, cardId, "good", minutes(NOW, 5));
    await grade(owner, cardId, "good", minutes(NOW, 30));
    const s = await stateOf(owner, cardId);
    expect(s.introducedAt).toEqual(NOW);
    expect(s.reps).toBe(3);
    expect(s.version).toBe(3);
  });

  it("the outcome is the state written: due, interval, lapses, not a leech", async () => {
    const { cardId, due } = await inReview(owner);
    const outcome = await grade(owner, cardId, "again", due);
    const s = await stateOf(owner, cardId);
    const [log] = (await logsOf(owner, cardId)).slice(-1);
    expect(outcome).toEqual({ status: "applied", due: s.due, scheduledDays: s.scheduledDays, logId: log.id, leech: false, lapses: 1 });
    expect(s).toMatchObject({ state: State.Relearning, lapses: 1, suspended: false, leech: false });
  });
});

describe("leeches", () => {
  it(`the lapse that reaches ${LEECH_THRESHOLD} tags and suspends the card, says so, and a later grade keeps the tag`, async () => {
    const { cardId } = await inReview(owner);
    let at = (await stateOf(owner, cardId)).due;
    let last: Awaited<ReturnType<typeof grade>> | undefined;
    for (let lapse = 1; lapse <= LEECH_THRESHOLD; lapse++) {
      last = await grade(owner, cardId, "again", at);
      const s = await stateOf(owner, cardId);
      expect(s.lapses).toBe(lapse);
      expect(s.leech).toBe(lapse === LEECH_THRESHOLD);
      expect(s.suspended).toBe(lapse === LEECH_THRESHOLD);
      if (lapse === LEECH_THRESHOLD) break;
      const relearnt = await grade(owner, cardId, "good", minutes(at, 10));
      if (relearnt.status !== "applied") throw new Error("not applied");
      at = relearnt.due;
    }
    expect(last).toMatchObject({ status: "applied", leech: true, lapses: LEECH_THRESHOLD });

    // Unsuspended by the learner and graded again: still tagged a leech, no longer suspended.
    await setSuspended(owner, cardId, false, at);
    expect((await grade(owner, cardId, "good", minutes(at, 10))).status).toBe("applied");
    expect(await stateOf(owner, cardId)).toMatchObject({ leech: true, suspended: false, lapses: LEECH_THRESHOLD });
  });

  it("a suspended card graded through the quiz stays suspended", async () => {
    const { cardId, due } = await inReview(owner);
    await setSuspended(owner, cardId, true, NOW);
    const settings = await getUserSettings(owner);
    const current = await db.$transaction((tx) => readState(tx, owner, cardId));
    const r = await db.$transaction((tx) => writeGrade(tx, { userId: owner, cardId, current, grade: "good", settings, now: due, source: "quiz" }));
    expect(r.applied).toBe(true);
    expect(await stateOf(owner, cardId)).toMatchObject({ suspended: true, leech: false, reps: 3 });
  });
});

describe("who may grade a card", () => {
  it("a card of another learner's private document is not found and nothing is written", async () => {
    const stranger = await makeUser("grading-stranger");
    const { cardId } = await makePrivateCard(owner);
    const refused = gradeCard(stranger, { cardId, version: 0, grade: "good" }, NOW);
    await expect(refused).rejects.toBeInstanceOf(NotFoundError);
    await expect(refused).rejects.toThrow("card not found");
    expect(await db.cardState.count({ where: { userId: stranger } })).toBe(0);
    expect(await db.reviewLog.count({ where: { userId: stranger } })).toBe(0);
    expect(await db.undoEntry.count({ where: { userId: stranger } })).toBe(0);
  });

  it("a card that does not exist is not found", async () => {
    await expect(gradeCard(owner, { cardId: "no-such-card", version: 0, grade: "good" }, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a grade writes its undo entry, naming the version it left and its log", async () => {
    const { cardId } = await makePrivateCard(owner);
    const r = await grade(owner, cardId, "hard", NOW);
    if (r.status !== "applied") throw new Error("not applied");
    const undo = await db.undoEntry.findFirstOrThrow({ where: { userId: owner, cardId } });
    expect(undo).toMatchObject({ action: "grade", versionAfter: 1, logId: r.logId, stateBefore: null });
  });
});

describe("a refused grade", () => {
  it("a version the card never had is refused, with no earlier grade to name, and changes nothing", async () => {
    const { cardId } = await makePrivateCard(owner);
    await grade(owner, cardId, "good", NOW);
    const before = await stateOf(owner, cardId);
    expect(await gradeCard(owner, { cardId, version: 7, grade: "easy" }, minutes(NOW, 10))).toEqual({ status: "duplicate", gradedSince: null });
    expect(await gradeCard(owner, { cardId, version: 0, grade: "easy" }, minutes(NOW, 10))).toMatchObject({ status: "duplicate" });
    expect(await stateOf(owner, cardId)).toEqual(before);
    expect(await db.reviewLog.count({ where: { userId: owner, cardId } })).toBe(1);
  });

  it("names the first grade made since the version shown, with its source and time", async () => {
    const { cardId } = await makePrivateCard(owner);
    await grade(owner, cardId, "again", NOW); // version 1, shown to both tabs
    const settings = await getUserSettings(owner);
    const current = await db.$transaction((tx) => readState(tx, owner, cardId));
    const quizAt = minutes(NOW, 2);
    await db.$transaction((tx) => writeGrade(tx, { userId: owner, cardId, current, grade: "hard", settings, now: quizAt, source: "quiz" }));
    await grade(owner, cardId, "easy", minutes(NOW, 3)); // version 3
    expect(await gradeCard(owner, { cardId, version: 1, grade: "good" }, minutes(NOW, 4))).toEqual({
      status: "duplicate",
      gradedSince: { grade: "hard", source: "quiz", review: quizAt },
    });
    expect(await gradeCard(owner, { cardId, version: 2, grade: "good" }, minutes(NOW, 4))).toMatchObject({
      gradedSince: { grade: "easy", source: "review" },
    });
  });
});
