import { beforeAll, describe, expect, it } from "vitest";
import { getProgress } from "@/lib/dal/progress";
import { getReviewQueue } from "@/lib/dal/review";
import { gradeCard } from "@/lib/dal/grading";
import { importShippedLibrary } from "../support/shipped-library";
import { makeUser } from "../support/factories";

const NOW = new Date("2026-03-02T10:00:00Z");

beforeAll(async () => {
  await importShippedLibrary();
});

async function reviewSome(userId: string, n: number, at: Date) {
  for (let i = 0; i < n; i++) {
    const next = (await getReviewQueue(userId, at)).next!;
    await gradeCard(userId, { cardId: next.cardId, version: next.version, grade: "good", durationMs: 4000 }, at);
  }
}

describe("progress", () => {
  it("counts today's reviews, new cards, time and streak for the user", async () => {
    const user = await makeUser();
    await reviewSome(user, 3, NOW);
    const p = await getProgress(user, new Date(NOW.getTime() + 60_000));
    expect(p.today).toMatchObject({ day: "2026-03-02", reviewed: 3, introduced: 3, timeMs: 12_000 });
    expect(p.streak).toEqual({ current: 1, longest: 1 });
    expect(p.heatmap.weeks.flat().find((c) => c?.day === "2026-03-02")?.count).toBe(3);
    expect(p.forecast.reduce((s, d) => s + d.count, 0)).toBe(3);
    expect(p.cards.learning + p.cards.review).toBe(3);
  });

  it("a second user's reviews never change the first's progress", async () => {
    const alice = await makeUser();
    const bob = await makeUser();
    await reviewSome(alice, 2, NOW);
    const before = await getProgress(alice, NOW);
    await reviewSome(bob, 5, NOW);
    const after = await getProgress(alice, NOW);
    expect(after).toEqual(before);
    expect((await getProgress(bob, NOW)).today.reviewed).toBe(5);
  });
});
