// npm run bench:optimizer — time of fitting FSRS parameters to one learner's
// history of 10,000 reviews through the app's own path (lib/dal loads the
// review log from SQLite → conversion to fsrs-rs items → computeParameters),
// next to the bare binding call on the same items. The history is simulated
// with ts-fsrs from known weights (answers right with probability equal to
// retrievability, seeded), on a scratch SQLite file. Medians of warm runs;
// last line `optimizer_ms: X` (the app path).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "./setup";

const REVIEWS = 10_000;
const RUNS = 7;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "recall-bench-optimizer-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  process.env.DATABASE_URL = url;
  await migrate(url);
  const { db } = await import("../lib/db");
  const { loadOptimizerItems, getOptimizerJob, dismissOptimizerJob } = await import("../lib/dal/optimizer-runs");
  const { startOptimizerJob, optimizerJobSettled, cancelOptimizerJob } = await import("../lib/jobs/optimizer-runner");
  const { BINDING_POLL_MS, evaluate, paramsInUse, toBindingItems } = await import("../lib/srs/optimizer");
  const { simulateLearner, SYNTHETIC_LEARNER_PARAMS } = await import("../tests/support/simulated-learner");
  const { DEFAULT_SETTINGS } = await import("../lib/srs/settings");
  const { computeParameters } = await import("@open-spaced-repetition/binding");

  // Seeding writes rows directly (bulk inserts); what is measured is the app's own code.
  const t0 = Date.now();
  const logs = simulateLearner({ reviews: REVIEWS, seed: "bench", start: new Date("2025-01-06T08:00:00Z"), timeZone: "Europe/Paris", dayStartHour: 4 });
  const cards = Math.max(...logs.map((l) => l.card)) + 1;
  const user = await db.user.create({ data: { email: "bench@example.com", passwordHash: "x", timeZone: "Europe/Paris" }, select: { id: true } });
  const doc = await db.document.create({ data: { ownerId: user.id, title: "Bench", text: "x", contentHash: "bench" }, select: { id: true } });
  await db.fact.createMany({ data: Array.from({ length: cards }, (_, i) => ({ id: `f${i}`, documentId: doc.id, key: `f${i}`, kind: "date", answer: "a", sentence: "s", start: 0, end: 1, position: i })) });
  await db.card.createMany({ data: Array.from({ length: cards }, (_, i) => ({ id: `c${i}`, documentId: doc.id, factId: `f${i}`, key: `c${i}`, type: "cloze", prompt: "p", answer: "a", trueStatement: "s", position: i })) });
  for (let i = 0; i < logs.length; i += 5_000) {
    await db.reviewLog.createMany({ data: logs.slice(i, i + 5_000).map(({ card, ...l }) => ({ ...l, userId: user.id, cardId: `c${card}`, durationMs: 4000 })) });
  }
  console.log(`seeded ${REVIEWS.toLocaleString("en")} simulated reviews of ${cards} cards in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // fsrs-rs returns only at a progress poll: both calls poll at the app's interval.
  const options = { enableShortTerm: true, numRelearningSteps: 1, timeout: BINDING_POLL_MS };
  const app = { total: [] as number[], load: [] as number[], convert: [] as number[], fit: [] as number[] };
  let params: number[] = [];
  let itemCount = 0;
  for (let i = 0; i < RUNS + 1; i++) {
    const a = performance.now();
    const { items } = await loadOptimizerItems(user.id);
    const b = performance.now();
    const binding = toBindingItems(items);
    const c = performance.now();
    params = await computeParameters(binding, options);
    const d = performance.now();
    itemCount = items.length;
    if (i === 0) continue; // warm-up
    app.total.push(d - a);
    app.load.push(b - a);
    app.convert.push(c - b);
    app.fit.push(d - c);
  }

  // The bare binding call, on the very same items, converted once beforehand.
  const sameItems = toBindingItems((await loadOptimizerItems(user.id)).items);
  const bare: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const a = performance.now();
    await computeParameters(sameItems, options);
    if (i > 0) bare.push(performance.now() - a);
  }

  const a = performance.now();
  await computeParameters(sameItems, { enableShortTerm: true, numRelearningSteps: 1 });
  const defaultPoll = performance.now() - a;

  const defaults = paramsInUse(DEFAULT_SETTINGS);
  console.log(
    `items: ${itemCount.toLocaleString("en")} (reviews a day or more after the previous one); log loss on them: defaults ${evaluate(defaults, sameItems)!.logLoss.toFixed(4)}, fitted ${evaluate(params, sameItems)!.logLoss.toFixed(4)}, true weights ${evaluate(SYNTHETIC_LEARNER_PARAMS, sameItems)!.logLoss.toFixed(4)}`,
  );

  // The whole background run the settings page starts (fit, held-out check, cross-validation), once.
  const j = performance.now();
  await startOptimizerJob(user.id);
  await optimizerJobSettled(user.id);
  const job = (await getOptimizerJob(user.id))!;
  console.log(`full optimizer run as the page starts it (fit + held-out fit + 5-fold time-series cross-validation): ${ms(performance.now() - j)}, ${job.status}, better: ${job.result?.better}`);

  // A cancel while fsrs-rs is training: the run reads it at its next progress
  // write, then the binding stops at its next poll (BINDING_POLL_MS).
  await dismissOptimizerJob(user.id);
  await startOptimizerJob(user.id);
  while ((await getOptimizerJob(user.id))?.phase === "loading") await new Promise((r) => setTimeout(r, 10));
  const c = performance.now();
  await cancelOptimizerJob(user.id);
  await optimizerJobSettled(user.id);
  const cancelMs = performance.now() - c;
  console.log(`cancel during training → run stopped: ${ms(cancelMs)} (${(await getOptimizerJob(user.id))?.status})`);

  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
  const appMs = median(app.total);
  const bareMs = median(bare);
  console.log(`runs: ${RUNS} warm each; app path median: load ${ms(median(app.load))} + convert ${ms(median(app.convert))} + computeParameters ${ms(median(app.fit))}`);
  console.log(`bare computeParameters on the same items: ${ms(bareMs)} (median; min ${ms(Math.min(...bare))}, max ${ms(Math.max(...bare))}); with the binding's default 500 ms poll: ${ms(defaultPoll)}`);
  console.log(`app path / bare binding: ${(appMs / bareMs).toFixed(2)}× (target ≤ 2×)`);
  console.log(`optimizer_ms: ${appMs.toFixed(1)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
