// npm run bench:queue -- [--db sqlite|postgres]
// The due-queue read for a user with 100,000 cards (half studied, a few
// thousand due): server time of getReviewQueue, median of repeated warm runs.
// Last line: `queue_ms: X`.
import { migrate } from "./setup";
import { parseDb, withFreshDatabase } from "./load/harness";

const CARDS = 100_000;
const RUNS = 15;

async function main() {
  await withFreshDatabase(parseDb(process.argv), "queue", async (url) => {
    await migrate(url);
    const { db } = await import("../lib/db");
    const { getReviewQueue } = await import("../lib/dal/review");
    const now = new Date("2026-06-30T12:00:00Z");
    const t0 = Date.now();
    // Seeding writes rows in bulk; the measured path is the app's own DAL.
    const user = await db.user.create({ data: { email: "queue@example.com", passwordHash: "x" }, select: { id: true } });
    const doc = await db.document.create({ data: { title: "Bench", text: "x", contentHash: "bench", ownerId: user.id }, select: { id: true } });
    for (let start = 0; start < CARDS; start += 5_000) {
      const ids = Array.from({ length: 5_000 }, (_, k) => start + k);
      await db.fact.createMany({ data: ids.map((i) => ({ id: `f${i}`, documentId: doc.id, key: `f${i}`, kind: "date", answer: "a", sentence: "s", start: 0, end: 1, position: i })) });
      await db.card.createMany({ data: ids.map((i) => ({ id: `c${i}`, documentId: doc.id, factId: `f${i}`, key: `c${i}`, type: "cloze", prompt: "p", answer: "a", trueStatement: "s", position: i })) });
      // Every other card studied; about 1 in 20 of those due now.
      await db.cardState.createMany({
        data: ids
          .filter((i) => i % 2 === 0)
          .map((i) => ({
            userId: user.id,
            cardId: `c${i}`,
            due: new Date(now.getTime() + ((i % 40) - 2) * 86_400_000),
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
    // Planner statistics as a running server has them (autovacuum analyzes
    // a table after bulk changes); SQLite plans well without them.
    if (url.startsWith("postgres")) await db.$executeRawUnsafe("ANALYZE");
    console.log(`seeded ${CARDS} cards (${CARDS / 2} studied) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const times: number[] = [];
    for (let i = 0; i < RUNS + 2; i++) {
      const t = performance.now();
      const q = await getReviewQueue(user.id, now);
      if (i >= 2) times.push(performance.now() - t);
      if (i === 0) console.log(`check: ${q.remaining.reviews} reviews due, ${q.remaining.new} new allowed, next card ${q.next?.cardId}`);
    }
    times.sort((a, b) => a - b);
    await db.$disconnect();
    console.log(`runs: ${RUNS}, min ${times[0].toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms`);
    console.log(`queue_ms: ${times[Math.floor(times.length / 2)].toFixed(1)}`);
  });
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
