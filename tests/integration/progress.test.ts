import { beforeAll, describe, expect, it } from "vitest";
import { getProgress } from "@/lib/dal/progress";
import { getReviewQueue } from "@/lib/dal/review";
import { gradeCard } from "@/lib/dal/grading";
import { importShippedLibrary } from "../support/shipped-library";
import { makeUser } from "../support/factories";
import { db } from "@/lib/db";

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

  it("true retention counts only due reviews of cards in review (issue 12 rule 5): early answers are left out, '—' when nothing was due", async () => {
    const user = await makeUser();
    const grade = async (cardId: string, g: "again" | "good" | "easy", at: Date) => {
      const v = (await db.cardState.findUnique({ where: { userId_cardId: { userId: user, cardId } } }))?.version ?? 0;
      const r = await gradeCard(user, { cardId, version: v, grade: g }, at);
      if (r.status !== "applied") throw new Error("not applied");
      return r;
    };
    const cards: string[] = [];
    for (let i = 0; i < 3; i++) {
      const next = (await getReviewQueue(user, NOW)).next!;
      cards.push(next.cardId);
      await grade(next.cardId, "easy", NOW); // straight into review, due in days
    }
    // Minutes later, wrong answers on cards in review that are not due: practice, not memory.
    for (const c of cards) await grade(c, "again", new Date(NOW.getTime() + 5 * 60_000));
    const early = await getProgress(user, new Date(NOW.getTime() + 10 * 60_000));
    expect(early.retention).toMatchObject({ last7: null, last30: null, last30Young: null, last30Mature: null });
    // Relearned, then reviewed when due: counted, as young reviews.
    const due = (await grade(cards[0], "good", new Date(NOW.getTime() + 15 * 60_000))).due;
    await grade(cards[0], "good", due);
    const later = await getProgress(user, due);
    expect(later.retention).toMatchObject({ last7: 1, last30Young: 1, last30Mature: null });
  });
});

