// npm run bench:load -- [--db sqlite|postgres] [--workers 1,2] [--against DIR] [--port-base N]
// Recall against the floor (a bare server doing the same work,
// scripts/load/floor-server.ts), measured in the same run by the same
// harness (scripts/load/harness.ts) on the same database. Both servers start
// on a fresh database; then three capacity rounds alternate between them
// (100 reviewers who never pause, LOAD_CYCLES next-card/grade cycles each,
// fresh users every round), then each gets a paced run: 100 reviewers who
// look at each card for 2–6 s (LOAD_THINK_MS) before grading it.
// Prints, per server: capacity (req/s, median of the rounds), CPU per request
// (every process of the server, ms), resident memory of the serving process
// after the load run (MiB) and the paced grade p95; then
// `capacity_ratio: X` (Recall ÷ floor, the median of the rounds' ratios).
// Last line: `grade_p95_ms: X` (Recall, paced).
//
// The floor speaks SQLite only: with --db postgres Recall runs alone.
//
// --workers N[,M…]: Recall runs with RECALL_WORKERS=N (default 1), or, for a
// list, once per count, each its own server on the same database, all in the
// same alternating rounds: `recall` is 1 worker, `recall_wN` N workers, and
// each prints its own figures and ratio to the floor (CPU summed over the
// primary and its workers; resident memory of each worker).
//
// --against DIR also starts the Recall checked out in DIR (another git
// worktree, e.g. main, built by its own start script) on the same database, as
// one more server in the same rounds ("recall-against", one worker), and
// prints its ratio to the floor too: before/after figures from one run on a
// shared machine.
// --port-base N: Recall listens on N (with a --workers list: N, N+10, N+20…),
// the other checkout on N+1, the floor on N+2 (default 3301); a port already
// in use stops the run.
//
// Why a paced run: with no think time, 100 clients in flight see 25 ms only
// if the server answers 4,000 requests a second (Little's law). People take
// 5–10 s per answer (Anki's statistics); 2–6 s is a faster-than-human crowd.
import path from "node:path";
import { toolEnv } from "../lib/env";
import { parseDb, percentile, runToExit, shutDown, startFloor, startServer, withFreshDatabase, type Server } from "./load/harness";
import { capacityRound, describe, median, pacedRun, type CapacityRound, type Target } from "./load/compare";
import { sampleGroup } from "./load/process-stats";

const { LOAD_USERS: USERS, LOAD_CYCLES: CYCLES, LOAD_THINK_MS: THINK } = toolEnv();
const ROUNDS = 3;

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The --workers list: RECALL_WORKERS for each Recall server to measure (default [1]). */
function parseWorkers(argv: string[]): number[] {
  const i = argv.indexOf("--workers");
  if (i < 0) return [1];
  const list = (argv[i + 1] ?? "").split(",").map((v) => Number(v.trim()));
  if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n < 1 || n > 64)) throw new Error(`--workers must be a list of whole numbers from 1 to 64, e.g. 1,2; got ${argv[i + 1]}`);
  return [...new Set(list)];
}

const recallName = (workers: number) => (workers === 1 ? "recall" : `recall_w${workers}`);

async function main() {
  const dbKind = parseDb(process.argv);
  const workerCounts = parseWorkers(process.argv);
  const against = flag("--against");
  const portBase = Number(flag("--port-base") ?? 3301);
  const [RECALL_PORT, AGAINST_PORT, FLOOR_PORT] = [portBase, portBase + 1, portBase + 2];
  await withFreshDatabase(dbKind, "load", async (url) => {
    const servers: Server[] = [];
    try {
      // Recall first: its start migrates the database and imports the library the floor reads.
      const targets: Target[] = [];
      const workersOf = new Map<string, number>();
      for (const [i, n] of workerCounts.entries()) {
        const target = { name: recallName(n), server: await startServer(url, RECALL_PORT + 10 * i, undefined, { workers: n }) };
        targets.push(target);
        servers.push(target.server);
        workersOf.set(target.name, n);
      }
      if (against) {
        targets.push({ name: "recall-against", server: await startServer(url, AGAINST_PORT, undefined, { dir: path.resolve(against) }) });
        servers.push(targets.at(-1)!.server);
      }
      if (dbKind === "sqlite") {
        targets.push({ name: "floor", server: await startFloor(url, FLOOR_PORT) });
        servers.push(targets.at(-1)!.server);
      }
      console.log(`engine: ${dbKind}; servers: ${targets.map((t) => t.name).join(", ")}; ${ROUNDS} capacity rounds of ${USERS} reviewers × ${CYCLES} cycles`);

      const rounds = new Map<string, CapacityRound[]>(targets.map((t) => [t.name, []]));
      for (let r = 0; r < ROUNDS; r++) {
        // Alternate who goes first, so neither always meets a warmer machine.
        const order = r % 2 === 0 ? targets : [...targets].reverse();
        for (const t of order) {
          const round = await capacityRound(t, USERS, CYCLES);
          rounds.get(t.name)!.push(round);
          console.log(describe(`capacity round ${r + 1}, ${t.name} (no think time):`, round.stats, round.seconds));
          console.log(`  CPU per request: ${round.cpuMsPerRequest.toFixed(2)} ms`);
        }
      }

      const paced = new Map<string, number>();
      let errors = 0;
      for (const t of targets) {
        const run = await pacedRun(t, USERS, CYCLES, THINK);
        console.log(describe(`paced, ${t.name} (think time ${THINK.minMs}–${THINK.maxMs} ms per card):`, run.stats, run.seconds));
        paced.set(t.name, percentile(run.stats.gradeMs, 95));
        errors += run.stats.errors;
      }
      for (const list of rounds.values()) errors += list.reduce((n, r) => n + r.stats.errors, 0);

      console.log("");
      const capacity = (name: string) => median(rounds.get(name)!.map((r) => r.requests / r.seconds));
      const main = targets[0].name;
      for (const t of targets) {
        const list = rounds.get(t.name)!;
        const p = t.name === main ? "" : `${t.name}_`;
        const memory = sampleGroup(t.server.pgid);
        console.log(`${p}capacity_req_s: ${capacity(t.name).toFixed(0)} (rounds: ${list.map((r) => (r.requests / r.seconds).toFixed(0)).join(", ")})`);
        console.log(`${p}capacity_grade_p95_ms: ${median(list.map((r) => percentile(r.stats.gradeMs, 95))).toFixed(1)}`);
        console.log(`${p}cpu_ms_per_request: ${median(list.map((r) => r.cpuMsPerRequest)).toFixed(2)}`);
        const workers = workersOf.get(t.name) ?? 1;
        if (workers > 1) {
          console.log(`${p}rss_mib_per_worker: ${memory.workerRssMiB.map((m) => m.toFixed(0)).join(", ")}`);
          console.log(`${p}rss_mib_all_processes: ${memory.allRssMiB.toFixed(0)}`);
        } else {
          console.log(`${p}rss_mib: ${memory.servingRssMiB.toFixed(0)}`);
        }
        if (p) console.log(`${p}grade_p95_ms: ${paced.get(t.name)!.toFixed(1)}`);
        const floor = rounds.get("floor");
        if (floor && t.name !== "floor") {
          const ratios = list.map((r, i) => r.requests / r.seconds / (floor[i].requests / floor[i].seconds));
          console.log(`${p}capacity_ratio: ${median(ratios).toFixed(2)} (rounds: ${ratios.map((x) => x.toFixed(2)).join(", ")})`);
        }
      }
      console.log(`errors: ${errors}`);
      console.log(`grade_p95_ms: ${paced.get(main)!.toFixed(1)}`);
    } finally {
      await shutDown(servers);
    }
  });
}

runToExit(main);
