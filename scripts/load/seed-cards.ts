// Bulk rows for the benchmarks: one private document of `count` cards (one
// fact each), every other card studied with a review state whose due date
// cycles over 40 days from `firstDueDays` before `now`.
import type { db as appDb } from "../../lib/db";

export async function seedStudiedCards(
  db: typeof appDb,
  opts: { userId: string; count: number; now: Date; firstDueDays: number },
): Promise<void> {
  const { userId, count, now, firstDueDays } = opts;
  const doc = await db.document.create({ data: { title: "Bench", text: "x", contentHash: "bench", ownerId: userId }, select: { id: true } });
  for (let start = 0; start < count; start += 5_000) {
    const ids = Array.from({ length: Math.min(5_000, count - start) }, (_, k) => start + k);
    await db.fact.createMany({ data: ids.map((i) => ({ id: `f${i}`, documentId: doc.id, key: `f${i}`, kind: "date", answer: "a", sentence: "s", start: 0, end: 1, position: i })) });
    await db.card.createMany({ data: ids.map((i) => ({ id: `c${i}`, documentId: doc.id, factId: `f${i}`, key: `c${i}`, type: "cloze", prompt: "p", answer: "a", trueStatement: "s", position: i })) });
    await db.cardState.createMany({
      data: ids
        .filter((i) => i % 2 === 0)
        .map((i) => ({
          userId,
          cardId: `c${i}`,
          due: new Date(now.getTime() + ((i % 40) - firstDueDays) * 86_400_000),
          stability: 10,
          difficulty: 5,
          elapsedDays: 3,
          scheduledDays: 10,
          learningSteps: 0,
          reps: 3,
          lapses: 0,
          state: 2,
          lastReview: new Date(now.getTime() - 5 * 86_400_000),
          introducedAt: new Date(now.getTime() - 30 * 86_400_000),
        })),
    });
  }
}
