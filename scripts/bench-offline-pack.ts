// npm run bench:offline-pack -- [--db sqlite|postgres]
// The offline pack (GET /api/review/offline, lib/dal/offline-pack.ts) for a
// learner with 10,000 cards, half studied, several hundred due: server time
// of getOfflinePack, median of warm runs. Last line: `offline_pack_ms: X`.
import { migrate } from "./setup";
import { parseDb, withFreshDatabase } from "./load/harness";
import { seedStudiedCards } from "./load/seed-cards";

const CARDS = 10_000;
const RUNS = 9;

async function main() {
  await withFreshDatabase(parseDb(process.argv), "offline-pack", async (url) => {
    await migrate(url);
    const { db } = await import("../lib/db");
    const { getOfflinePack } = await import("../lib/dal/offline-pack");
    const now = new Date("2026-06-30T12:00:00Z");
    // Seeding writes rows in bulk; the measured path is the app's own DAL.
    const user = await db.user.create({ data: { email: "pack@example.com", passwordHash: "x", reviewsPerDay: 1000, newPerDay: 20 }, select: { id: true } });
    await seedStudiedCards(db, { userId: user.id, count: CARDS, now, firstDueDays: 4 });
    if (url.startsWith("postgres")) await db.$executeRawUnsafe("ANALYZE");
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i < RUNS + 2; i++) {
      const t = performance.now();
      const pack = await getOfflinePack(user.id, now);
      if (i >= 2) times.push(performance.now() - t);
      if (i === 0) {
        size = JSON.stringify(pack).length;
        console.log(`check: ${pack.cards.length} cards in the pack (${pack.cards.filter((c) => !c.isNew).length} reviews), ${(size / 1024).toFixed(0)} kB of JSON`);
      }
    }
    times.sort((a, b) => a - b);
    await db.$disconnect();
    console.log(`runs: ${RUNS}, min ${times[0].toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms`);
    console.log(`offline_pack_ms: ${times[Math.floor(times.length / 2)].toFixed(1)}`);
  });
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
