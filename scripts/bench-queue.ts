// npm run bench:queue -- [--db sqlite|postgres]
// The due-queue read for a user with 100,000 cards (half studied, a few
// thousand due): server time of getReviewQueue, median of repeated warm runs.
// Last line: `queue_ms: X`.
import { migrate } from "./setup";
import { parseDb, withFreshDatabase } from "./load/harness";
import { seedStudiedCards } from "./load/seed-cards";

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
    // Every other card studied; about 1 in 20 of those due now.
    await seedStudiedCards(db, { userId: user.id, count: CARDS, now, firstDueDays: 2 });
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
