// npm run bench:cards — the card browser (/cards) on a learner with 100,000
// cards of their own (plus states for a third of them) on a scratch SQLite
// database: the time of one page of a text search that finds a single card,
// of a filtered and sorted page, and of the last page. Median of 7 runs after
// a warm-up; last line `card_search_ms: X` (target < 1,000 ms).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { migrate } from "./setup";

const CARDS = 100_000;
const RUNS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "recall-bench-cards-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  process.env.DATABASE_URL = url;
  await migrate(url);
  const { db } = await import("../lib/db");
  const { insertRows } = await import("../lib/dal/insert-rows");
  const { browseCards } = await import("../lib/dal/card-browser");
  const user = await db.user.create({ data: { email: "bench@example.com", passwordHash: "x" }, select: { id: true } });
  const now = new Date();
  const t0 = Date.now();
  await db.$transaction(
    async (tx) => {
      for (let d = 0; d < 10; d++) {
        const documentId = randomUUID();
        await insertRows(tx, "Document", [{ id: documentId, ownerId: user.id, title: `Deck ${d}`, kind: "deck", text: "", contentHash: documentId }]);
        const facts = [];
        const cards = [];
        const states = [];
        for (let i = 0; i < CARDS / 10; i++) {
          const n = d * (CARDS / 10) + i;
          const factId = randomUUID();
          const cardId = randomUUID();
          facts.push({ id: factId, documentId, key: `f${n}`, kind: n % 2 ? "note" : "date", answer: `answer ${n}`, sentence: `sentence ${n}`, start: 0, end: 1, position: i });
          cards.push({ id: cardId, documentId, factId, key: `c${n}`, type: "question", prompt: n === 77_777 ? "Where is the needle in the haystack?" : `Question number ${n} about topic ${n % 997}`, answer: `answer ${n}`, trueStatement: "", position: i });
          if (n % 3 === 0) states.push({ id: randomUUID(), userId: user.id, cardId, due: new Date(now.getTime() + ((n % 60) - 30) * 86_400_000), stability: 5, difficulty: 5, elapsedDays: 1, scheduledDays: 5, learningSteps: 0, reps: 3, lapses: n % 5, state: 2, lastReview: now, introducedAt: now, suspended: n % 50 === 0, leech: false, buriedUntil: null, version: 1 });
        }
        await insertRows(tx, "Fact", facts);
        await insertRows(tx, "Card", cards);
        await insertRows(tx, "CardState", states);
      }
    },
    { timeout: 600_000 },
  );
  console.log(`seeded ${CARDS.toLocaleString("en")} cards in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const time = async (label: string, q: Parameters<typeof browseCards>[1], check: (r: Awaited<ReturnType<typeof browseCards>>) => void) => {
    const times: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const a = performance.now();
      const r = await browseCards(user.id, q, now);
      const ms = performance.now() - a;
      check(r);
      if (i > 0) times.push(ms);
    }
    console.log(`${label}: ${median(times).toFixed(1)} ms`);
    return median(times);
  };
  const search = await time("text search finding 1 card among 100,000", { text: "needle in the haystack" }, (r) => {
    if (r.total !== 1) throw new Error(`expected 1 card, found ${r.total}`);
  });
  await time("review cards due within 7 days, by due date", { state: "review", due: "week", sort: "due" }, (r) => {
    if (r.total === 0) throw new Error("no due card found");
  });
  await time("last page, document order", { page: CARDS / 50 }, (r) => {
    if (r.cards.length === 0) throw new Error("empty last page");
  });
  console.log(`card_search_ms: ${search.toFixed(1)}`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
