// npm run bench:floor
// The floor alone (scripts/load/floor-server.ts: what a bare server doing
// Recall's review work costs on this machine), driven by the app's own
// harness as bench:load drives Recall: capacity with 100 reviewers who never
// pause, CPU per request, resident memory after the run, and the grade p95 of
// 100 reviewers who look at each card for 2–6 s. bench:load measures Recall
// and the floor in one run and prints their ratio.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { toolEnv } from "../lib/env";
import { percentile, root, runToExit, shutDown, startFloor, withFreshDatabase, type Server } from "./load/harness";
import { capacityRound, describe, pacedRun } from "./load/compare";
import { sampleGroup } from "./load/process-stats";

const { LOAD_USERS: USERS, LOAD_CYCLES: CYCLES, LOAD_THINK_MS: THINK } = toolEnv();
const PORT = 3303;

async function main() {
  await withFreshDatabase("sqlite", "floor", async (url) => {
    // The app's own setup: migrations and the shipped library.
    const setup = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/setup.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (setup.status !== 0) throw new Error("setup failed");
    const servers: Server[] = [];
    try {
      const server = await startFloor(url, PORT);
      servers.push(server);
      const target = { name: "floor", server };
      const cap = await capacityRound(target, USERS, CYCLES);
      console.log(describe("capacity (no think time):", cap.stats, cap.seconds));
      const paced = await pacedRun(target, USERS, CYCLES, THINK);
      console.log(describe(`paced (think time ${THINK.minMs}–${THINK.maxMs} ms per card):`, paced.stats, paced.seconds));
      console.log(`\nfloor_capacity_req_s: ${(cap.requests / cap.seconds).toFixed(0)}`);
      console.log(`floor_cpu_ms_per_request: ${cap.cpuMsPerRequest.toFixed(2)}`);
      console.log(`floor_rss_mib: ${sampleGroup(server.pgid).servingRssMiB.toFixed(0)}`);
      console.log(`errors: ${cap.stats.errors + paced.stats.errors}`);
      console.log(`floor_grade_p95_ms: ${percentile(paced.stats.gradeMs, 95).toFixed(1)}`);
    } finally {
      await shutDown(servers);
    }
  });
}

runToExit(main);
