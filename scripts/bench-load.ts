// npm run bench:load -- [--db sqlite|postgres]
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
// --against DIR also starts the Recall checked out in DIR (another git
// worktree, e.g. main, built by its own start script) on the same database, as
// a third server in the same rounds ("recall-against"), and prints its ratio to
// the floor too: before/after figures from one run on a shared machine.
// --port-base N: Recall listens on N, the other checkout on N+1, the floor on
// N+2 (default 3301); a port already in use stops the run.
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

async function main() {
  const dbKind = parseDb(process.argv);
  const against = flag("--against");
  const portBase = Number(flag("--port-base") ?? 3301);
  const [RECALL_PORT, AGAINST_PORT, FLOOR_PORT] = [portBase, portBase + 1, portBase + 2];
  await withFreshDatabase(dbKind, "load", async (url) => {
    const servers: Server[] = [];
    try {
      // Recall first: its start migrates the database and imports the library the floor reads.
      const targets: Target[] = [{ name: "recall", server: await startServer(url, RECALL_PORT) }];
      servers.push(targets[0].server);
      if (against) {
        targets.push({ name: "recall-against", server: await startServer(url, AGAINST_PORT, undefined, path.resolve(against)) });
        servers.push(targets[targets.length - 1].server);
      }
      if (dbKind === "sqlite") {
        targets.push({ name: "floor", server: await startFloor(url, FLOOR_PORT) });
        servers.push(targets[1].server);
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
      for (const t of targets) {
        const list = rounds.get(t.name)!;
        const p = t.name === "recall" ? "" : `${t.name}_`;
        console.log(`${p}capacity_req_s: ${capacity(t.name).toFixed(0)} (rounds: ${list.map((r) => (r.requests / r.seconds).toFixed(0)).join(", ")})`);
        console.log(`${p}capacity_grade_p95_ms: ${median(list.map((r) => percentile(r.stats.gradeMs, 95))).toFixed(1)}`);
        console.log(`${p}cpu_ms_per_request: ${median(list.map((r) => r.cpuMsPerRequest)).toFixed(2)}`);
        console.log(`${p}rss_mib: ${sampleGroup(t.server.pgid).servingRssMiB.toFixed(0)}`);
        if (p) console.log(`${p}grade_p95_ms: ${paced.get(t.name)!.toFixed(1)}`);
      }
      if (rounds.has("floor")) {
        const floor = rounds.get("floor")!;
        for (const name of ["recall-against", "recall"].filter((n) => rounds.has(n))) {
          const ratios = rounds.get(name)!.map((r, i) => r.requests / r.seconds / (floor[i].requests / floor[i].seconds));
          const p = name === "recall" ? "" : `${name}_`;
          console.log(`${p}capacity_ratio: ${median(ratios).toFixed(2)} (rounds: ${ratios.map((x) => x.toFixed(2)).join(", ")})`);
        }
      }
      console.log(`errors: ${errors}`);
      console.log(`grade_p95_ms: ${paced.get("recall")!.toFixed(1)}`);
    } finally {
      await shutDown(servers);
    }
  });
}

runToExit(main);
