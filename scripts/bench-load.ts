// npm run bench:load -- [--db sqlite|postgres]
// Starts the production server on a fresh database, creates 100 users, and
// runs 100 concurrent simulated reviewers doing 50 cycles each of "fetch next
// card → look at it → grade it" over loopback, then measures the server's
// capacity with 100 more reviewers who never pause. Last line: `grade_p95_ms: X`
// (the reviewers' run).
//
// Think time: a reviewer looks at each card for 2–6 s (LOAD_THINK_MS=min-max
// to change it). People take longer — Anki's own statistics put a typical
// answer at 5–10 s — so this is a faster-than-human crowd. With no think time
// at all, 100 clients in flight can only see 25 ms if the server answers 4,000
// requests a second (Little's law): the capacity run prints what it does answer.
import { toolEnv } from "../lib/env";
import { createUsers, parseDb, percentile, runReviewers, signIn, startServer, withFreshDatabase, type RunStats, type ThinkTime } from "./load/harness";

const { LOAD_USERS: USERS, LOAD_CYCLES: CYCLES, LOAD_THINK_MS } = toolEnv();
const PORT = 3301;

function report(title: string, s: RunStats, seconds: number): void {
  const requests = s.nextMs.length + s.gradeMs.length;
  const fmt = (v: number[]) => `p50 ${percentile(v, 50).toFixed(1)} ms, p95 ${percentile(v, 95).toFixed(1)} ms, p99 ${percentile(v, 99).toFixed(1)} ms`;
  console.log(`\n${title}`);
  console.log(`  requests: ${requests} in ${seconds.toFixed(1)} s (${(requests / seconds).toFixed(0)} req/s); grades applied ${s.acks.length}, duplicates ${s.duplicates}, reviewers out of cards ${s.exhausted}`);
  console.log(`  next card: ${fmt(s.nextMs)}`);
  console.log(`  grade:     ${fmt(s.gradeMs)}`);
  console.log(`  errors: ${s.errors}`);
}

async function run(url: string, prefix: string, think?: ThinkTime): Promise<{ stats: RunStats; seconds: number }> {
  const emails = await createUsers(USERS, prefix);
  const cookies: string[] = [];
  for (const e of emails) cookies.push(await signIn(url, e));
  const t = performance.now();
  const stats = await runReviewers(url, cookies, CYCLES, { deadline: Date.now() + 900_000, think });
  return { stats, seconds: (performance.now() - t) / 1000 };
}

async function main() {
  const dbKind = parseDb(process.argv);
  const think: ThinkTime = LOAD_THINK_MS;
  await withFreshDatabase(dbKind, "load", async (url) => {
    const server = await startServer(url, PORT);
    try {
      console.log(`engine: ${dbKind}; ${USERS} concurrent reviewers × ${CYCLES} cycles`);
      const paced = await run(server.url, "load", think);
      report(`reviewers (think time ${think.minMs}–${think.maxMs} ms per card):`, paced.stats, paced.seconds);
      const flat = await run(server.url, "capacity");
      report("capacity (no think time: every client sends its next request as soon as it has an answer):", flat.stats, flat.seconds);
      const capacity = (flat.stats.nextMs.length + flat.stats.gradeMs.length) / flat.seconds;
      console.log(`\ncapacity_req_s: ${capacity.toFixed(0)}`);
      console.log(`capacity_grade_p95_ms: ${percentile(flat.stats.gradeMs, 95).toFixed(1)}`);
      console.log(`errors: ${paced.stats.errors + flat.stats.errors}`);
      console.log(`grade_p95_ms: ${percentile(paced.stats.gradeMs, 95).toFixed(1)}`);
    } finally {
      server.kill("SIGTERM");
      await server.exited;
      const { db } = await import("../lib/db");
      await db.$disconnect();
    }
  });
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
