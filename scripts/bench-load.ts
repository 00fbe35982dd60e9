// npm run bench:load -- [--db sqlite|postgres]
// Starts the production server on a fresh database, creates 100 users, and
// runs 100 concurrent simulated reviewers doing 50 cycles each of "fetch next
// card → grade it" over loopback. Last line: `grade_p95_ms: X`.
import { createUsers, parseDb, percentile, runReviewers, signIn, startServer, withFreshDatabase } from "./load/harness";

const USERS = Number(process.env.LOAD_USERS ?? 100);
const CYCLES = Number(process.env.LOAD_CYCLES ?? 50);
const PORT = 3301;

async function main() {
  const dbKind = parseDb(process.argv);
  await withFreshDatabase(dbKind, "load", async (url) => {
    const server = await startServer(url, PORT);
    try {
      const emails = await createUsers(USERS, "load");
      const cookies: string[] = [];
      for (const e of emails) cookies.push(await signIn(server.url, e));
      const t = performance.now();
      const s = await runReviewers(server.url, cookies, CYCLES, { deadline: Date.now() + 600_000 });
      const seconds = (performance.now() - t) / 1000;
      const requests = s.nextMs.length + s.gradeMs.length;
      const fmt = (v: number[]) => `p50 ${percentile(v, 50).toFixed(1)} ms, p95 ${percentile(v, 95).toFixed(1)} ms, p99 ${percentile(v, 99).toFixed(1)} ms`;
      console.log(`engine: ${dbKind}; ${USERS} concurrent reviewers × ${CYCLES} cycles`);
      console.log(`requests: ${requests} in ${seconds.toFixed(1)} s (${(requests / seconds).toFixed(0)} req/s); grades applied ${s.acks.length}, duplicates ${s.duplicates}, reviewers out of cards ${s.exhausted}`);
      console.log(`next card: ${fmt(s.nextMs)}`);
      console.log(`grade:     ${fmt(s.gradeMs)}`);
      console.log(`errors: ${s.errors}`);
      console.log(`grade_p95_ms: ${percentile(s.gradeMs, 95).toFixed(1)}`);
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
