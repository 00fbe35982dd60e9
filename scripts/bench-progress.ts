// npm run bench:progress — server time of the /progress data for a heavy user:
// 5,000 cards and 100,000 review logs over a year, on a scratch SQLite file.
// Prints the median of repeated warm runs; last line `progress_ms: X`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "./setup";

const CARDS = 5_000;
const LOGS = 100_000;
const RUNS = 15;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "recall-bench-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  process.env.DATABASE_URL = url;
  await migrate(url);
  const { db } = await import("../lib/db");
  const { getProgress } = await import("../lib/dal/progress");
  const { localDay } = await import("../lib/progress/local-day");

  const now = new Date("2026-06-30T12:00:00Z");
  const t0 = Date.now();
  // Seeding writes rows directly (bulk inserts); the measured path is the app's own DAL.
  const user = await db.user.create({ data: { email: "bench@example.com", passwordHash: "x", timeZone: "Europe/Paris" }, select: { id: true } });
  const doc = await db.document.create({ data: { title: "Bench", text: "x", contentHash: "bench" }, select: { id: true } });
  const kinds = ["date", "agreement", "actor", "number", "definition"];
  const ids = Array.from({ length: CARDS }, (_, i) => `c${i}`);
  await db.fact.createMany({ data: ids.map((id, i) => ({ id: `f${i}`, documentId: doc.id, key: `f${i}`, kind: kinds[i % 5], answer: "a", sentence: "s", start: 0, end: 1, position: i })) });
  await db.card.createMany({ data: ids.map((id, i) => ({ id, documentId: doc.id, factId: `f${i}`, key: id, type: "cloze", prompt: "p", answer: "a", trueStatement: "s", position: i })) });
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  await db.cardState.createMany({
    data: ids.map((cardId, i) => ({
      userId: user.id,
      cardId,
      due: new Date(now.getTime() + (rand() * 60 - 10) * 86_400_000),
      stability: 1 + rand() * 200,
      difficulty: 1 + rand() * 9,
      elapsedDays: 3,
      scheduledDays: 10,
      learningSteps: 0,
      reps: 20,
      lapses: Math.floor(rand() * 4),
      state: i % 10 === 0 ? 1 : 2,
      lastReview: new Date(now.getTime() - rand() * 30 * 86_400_000),
      introducedAt: new Date(now.getTime() - 365 * 86_400_000),
    })),
  });
  for (let start = 0; start < LOGS; start += 10_000) {
    await db.reviewLog.createMany({
      data: Array.from({ length: 10_000 }, (_, k) => {
        const review = new Date(now.getTime() - rand() * 365 * 86_400_000);
        return {
          userId: user.id,
          cardId: ids[(start + k) % CARDS],
          rating: rand() < 0.1 ? 1 : 3,
          state: rand() < 0.8 ? 2 : 1,
          due: review,
          previousDue: review,
          stability: 10,
          difficulty: 5,
          elapsedDays: 3,
          lastElapsedDays: 3,
          scheduledDays: 10,
          learningSteps: 0,
          review,
          day: localDay(review, "Europe/Paris", 4),
          durationMs: 5000,
        };
      }),
    });
  }
  console.log(`seeded ${CARDS} cards and ${LOGS} review logs in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const times: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const t = performance.now();
    const p = await getProgress(user.id, now);
    const ms = performance.now() - t;
    if (i >= 2) times.push(ms); // two warm-up runs
    if (i === 0) console.log(`check: reviewed today ${p.today.reviewed}, streak ${p.streak.current}, review cards ${p.cards.review}`);
  }
  times.sort((a, b) => a - b);
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`runs: ${RUNS}, min ${times[0].toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms`);
  console.log(`progress_ms: ${times[Math.floor(times.length / 2)].toFixed(1)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
