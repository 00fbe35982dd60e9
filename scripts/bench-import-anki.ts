// npm run bench:import-anki — imports ../shared/fixtures/anki/statistics-history.colpkg
// (1,189 notes, 6,779 review-log rows, zstd schema-18 collection) for a new
// learner on a scratch SQLite database, through the app's own path
// (lib/dal/anki-import: unpack, read, convert, replay every card's history
// with FSRS, write in one transaction). Also times a generated 50,000-note
// package. Median of 3 runs, each for a fresh learner; last line
// `anki_import_ms: X` (target ≤ 5,000 ms on this machine).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "./setup";
import { sharedDir } from "../tests/support/shared-dir";

const FIXTURE = path.join(sharedDir(), "fixtures", "anki", "statistics-history.colpkg");
const RUNS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  if (!fs.existsSync(FIXTURE)) throw new Error(`The fixture is missing: ${FIXTURE}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "recall-bench-anki-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  process.env.DATABASE_URL = url;
  await migrate(url);
  const { db } = await import("../lib/db");
  const { importAnkiPackage } = await import("../lib/dal/anki-import");
  const bytes = new Uint8Array(fs.readFileSync(FIXTURE));

  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const user = await db.user.create({ data: { email: `bench-${i}@example.com`, passwordHash: "x", timeZone: "Europe/Paris" }, select: { id: true } });
    const t0 = performance.now();
    // On a worker thread, as the server runs it (the bytes are transferred, so each run gets a copy).
    const summary = await importAnkiPackage(user.id, bytes.slice(), { offThread: true });
    times.push(performance.now() - t0);
    console.log(`run ${i + 1}: ${summary.notes} notes, ${summary.cards} cards, ${summary.reviewLogs} review logs in ${Math.round(times[i]!)} ms`);
  }

  if (process.argv.includes("--large")) {
    const { buildApkg } = await import("../tests/support/anki-package");
    const notes = Array.from({ length: 50_000 }, (_, i) => ({
      mid: (i % 5 === 0 ? "reversed" : "basic") as "basic" | "reversed",
      fields: [`Question <b>${i}</b>`, `Answer ${i}<br>second line`],
      tags: [`t${i % 20}`],
      deck: `Big::Part ${i % 10}`,
      reviews: i % 3 === 0 ? ([[Date.parse("2025-01-01T09:00:00Z") + i * 1000, 3], [Date.parse("2025-01-03T09:00:00Z") + i * 1000, 3]] as [number, number][]) : [],
    }));
    const big = buildApkg(notes);
    const user = await db.user.create({ data: { email: "bench-large@example.com", passwordHash: "x" }, select: { id: true } });
    const t0 = performance.now();
    const s = await importAnkiPackage(user.id, big, { offThread: true });
    console.log(`50,000 notes: ${s.cards} cards, ${s.reviewLogs} review logs in ${Math.round(performance.now() - t0)} ms (anki_import_50k_ms)`);
  }
  console.log(`anki_import_ms: ${Math.round(median(times))}`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
