import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getReviewQueue } from "@/lib/dal/review";
import { gradeCard, writeGrade } from "@/lib/dal/grading";
import { getUserSettings } from "@/lib/dal/users";
import { isUniqueViolation } from "@/lib/dal/errors";
import { importShippedLibrary } from "../support/shipped-library";
import { makeUser } from "../support/factories";

const NOW = new Date("2026-03-02T10:00:00Z");

beforeAll(async () => {
  await importShippedLibrary();
});

describe("a grade sent twice for the same card state", () => {
  it("is applied once when replayed (first grade of a new card)", async () => {
    const user = await makeUser();
    const card = (await getReviewQueue(user, NOW)).next!;
    const grade = { cardId: card.cardId, version: card.version, grade: "good" as const };
    expect((await gradeCard(user, grade, NOW)).status).toBe("applied");
    expect((await gradeCard(user, grade, new Date(NOW.getTime() + 500))).status).toBe("duplicate");
    expect(await db.reviewLog.count({ where: { userId: user } })).toBe(1);
    expect((await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user, cardId: card.cardId } } })).reps).toBe(1);
  });

  it("a first grade that lost the race for a new card is refused by the unique (user, card), recognised as such, and writes nothing", async () => {
    const user = await makeUser();
    const card = (await getReviewQueue(user, NOW)).next!;
    expect((await gradeCard(user, { cardId: card.cardId, version: 0, grade: "good" }, NOW)).status).toBe("applied");
    // The loser read "no state" before the winner wrote one.
    const settings = await getUserSettings(user);
    const error = await db
      .$transaction((tx) => writeGrade(tx, { userId: user, cardId: card.cardId, current: null, grade: "easy", settings, now: NOW, source: "review" }))
      .then(() => null, (e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(await db.reviewLog.count({ where: { userId: user } })).toBe(1);
    expect(await db.cardState.count({ where: { userId: user } })).toBe(1);
  });

  it("is applied once when two requests race (double click, two tabs)", async () => {
    const user = await makeUser();
    const card = (await getReviewQueue(user, NOW)).next!;
    await gradeCard(user, { cardId: card.cardId, version: 0, grade: "again" }, NOW);
    const later = new Date(NOW.getTime() + 10 * 60_000);
    const results = await Promise.all(
      Array.from({ length: 4 }, () => gradeCard(user, { cardId: card.cardId, version: 1, grade: "good" }, later)),
    );
    expect(results.filter((r) => r.status === "applied")).toHaveLength(1);
    expect(await db.reviewLog.count({ where: { userId: user, cardId: card.cardId } })).toBe(2);
    const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user, cardId: card.cardId } } });
    expect(state.version).toBe(2);
    expect(state.reps).toBe(2);
  });

  it("writes state and log together: the state always matches its last log", async () => {
    const user = await makeUser();
    const card = (await getReviewQueue(user, NOW)).next!;
    const outcome = await gradeCard(user, { cardId: card.cardId, version: 0, grade: "easy" }, NOW);
    const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user, cardId: card.cardId } } });
    const log = await db.reviewLog.findFirstOrThrow({ where: { userId: user, cardId: card.cardId } });
    expect(outcome).toEqual({ status: "applied", due: state.due, scheduledDays: state.scheduledDays, logId: log.id, leech: false, lapses: 0 });
    expect(log.stateVersion).toBe(state.version);
    expect(log.rating).toBe(4);
    expect(log.review).toEqual(state.lastReview);
    expect(log.day).toBe("2026-03-02");
  });
});
