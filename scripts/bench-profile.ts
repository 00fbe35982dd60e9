// npm run bench:profile -- [--db sqlite|postgres] [--out DIR] [--port N] [--heap-snapshot]
// A CPU profile of Recall at capacity: starts the app as bench:load does
// (scripts/load/harness.ts) with scripts/load/cpu-profile-preload.cjs in
// every process of the server, runs a warm-up round, then profiles the serving
// process (the group's largest) through one capacity round (LOAD_USERS
// reviewers × LOAD_CYCLES next/grade cycles, no think time), and summarises the
// profile by package, file and function (scripts/load/profile-summary.ts).
// Prints the serving process's memory after the round (resident, and Node's
// own account: heap, external, array buffers). The profile stays in DIR
// (default data/profiles/<time>/) for Chrome DevTools or speedscope;
// --heap-snapshot also writes a heap snapshot there. The server listens on
// --port (default 3305). RECALL_PROFILE_DIR and RECALL_HEAP_SNAPSHOT are this
// script's messages to its preload, not settings.
import fs from "node:fs";
import path from "node:path";
import { toolEnv } from "../lib/env";
import { parseDb, root, startServer, withFreshDatabase } from "./load/harness";
import { capacityRound, describe } from "./load/compare";
import { sampleGroup, servingPid } from "./load/process-stats";
import { printSummary, summarise } from "./load/profile-summary";

const { LOAD_USERS: USERS, LOAD_CYCLES: CYCLES } = toolEnv();
const portFlag = process.argv.indexOf("--port");
const PORT = portFlag >= 0 ? Number(process.argv[portFlag + 1]) : 3305;

async function waitForFile(file: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${file} was not written within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function main() {
  const dbKind = parseDb(process.argv);
  const o = process.argv.indexOf("--out");
  const dir = path.resolve(o >= 0 ? process.argv[o + 1] : path.join(root, "data", "profiles", new Date().toISOString().replace(/[:.]/g, "-")));
  fs.mkdirSync(dir, { recursive: true });
  let base = "";
  await withFreshDatabase(dbKind, "profile", async (url) => {
    // Only the server's processes inherit these (startServer copies process.env).
    const saved = { ...process.env };
    process.env.NODE_OPTIONS = `${saved.NODE_OPTIONS ?? ""} --require ${path.join(__dirname, "load", "cpu-profile-preload.cjs")}`.trim();
    process.env.RECALL_PROFILE_DIR = dir;
    if (process.argv.includes("--heap-snapshot")) process.env.RECALL_HEAP_SNAPSHOT = "1";
    const server = await startServer(url, PORT);
    process.env = saved;
    try {
      const target = { name: "recall", server };
      const warm = await capacityRound(target, USERS, Math.max(1, Math.round(CYCLES / 4)));
      console.log(describe("warm-up (not profiled):", warm.stats, warm.seconds));
      const pid = servingPid(server.pgid);
      // Started once the reviewers are signed in: sign-ins (argon2, the JWE) are not the review path.
      const round = await capacityRound(target, USERS, CYCLES, () => process.kill(pid, "SIGUSR2"));
      process.kill(pid, "SIGUSR2"); // stop and write
      base = path.join(dir, `${pid}-1`);
      await waitForFile(`${base}.cpuprofile`, 300_000);
      console.log(describe("profiled capacity round (no think time):", round.stats, round.seconds));
      console.log(`  CPU per request: ${round.cpuMsPerRequest.toFixed(2)} ms`);
      const mib = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;
      const { usage } = JSON.parse(fs.readFileSync(`${base}.memory.json`, "utf8")) as { usage: NodeJS.MemoryUsage };
      console.log(`memory of the serving process after the round: rss ${mib(usage.rss)}; heap used ${mib(usage.heapUsed)} of ${mib(usage.heapTotal)}; external ${mib(usage.external)} (array buffers ${mib(usage.arrayBuffers)})`);
      console.log(`rss_mib: ${sampleGroup(server.pgid).servingRssMiB.toFixed(0)}`);
    } finally {
      server.kill("SIGTERM");
      await server.exited;
      const { db } = await import("../lib/db");
      await db.$disconnect();
    }
  });
  console.log(`\nprofile: ${base}.cpuprofile`);
  printSummary(summarise(JSON.parse(fs.readFileSync(`${base}.cpuprofile`, "utf8")), root));
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
