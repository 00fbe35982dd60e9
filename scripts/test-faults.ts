// npm run test:faults -- [--db sqlite|postgres]
// Under the load of bench:load, kills the server with SIGKILL mid-run,
// restarts it on the same database, then checks that every grade the server
// acknowledged is in the review log exactly once (also after replaying every
// acknowledged grade to the restarted server) and that every card state
// matches its log. Prints `acknowledged: N lost: 0 doubled: 0`; exits 1 otherwise.
import { toolEnv } from "../lib/env";
import { createUsers, parseDb, runReviewers, signIn, startServer, withFreshDatabase, type Ack } from "./load/harness";

const USERS = 100;
const CYCLES = 50;
const PORT = 3302;
const { FAULT_KILL_AFTER_MS: KILL_AFTER_MS, FAULT_VERBOSE } = toolEnv();

async function main(): Promise<number> {
  const dbKind = parseDb(process.argv);
  return withFreshDatabase(dbKind, "faults", async (url) => {
    let server = await startServer(url, PORT, FAULT_VERBOSE ? (line) => console.log(line) : undefined);
    const emails = await createUsers(USERS, "fault");
    const cookies: string[] = [];
    for (const e of emails) cookies.push(await signIn(server.url, e));

    const load = runReviewers(server.url, cookies, CYCLES, { deadline: Date.now() + 300_000, stopOnError: true });
    await new Promise((r) => setTimeout(r, KILL_AFTER_MS));
    server.kill("SIGKILL");
    await server.exited;
    const stats = await load;
    console.log(`killed the server with SIGKILL after ${KILL_AFTER_MS} ms: ${stats.acks.length} grades acknowledged, ${stats.errors} requests cut off`);

    server = await startServer(url, PORT, FAULT_VERBOSE ? (line) => console.log(line) : undefined);
    try {
      // Replaying every acknowledged grade must change nothing: each names a state version that is gone.
      let replayApplied = 0;
      for (const a of stats.acks) {
        const res = await fetch(`${server.url}/api/review/grade`, {
          method: "POST",
          headers: { cookie: a.cookie, "content-type": "application/json" },
          body: JSON.stringify({ cardId: a.cardId, version: a.version, grade: a.grade }),
        });
        if ((await res.json()).status === "applied") replayApplied++;
      }
      const report = await verify(stats.acks);
      const doubled = report.doubled + replayApplied;
      console.log(`card states checked: ${report.states}, mismatched with their log: ${report.mismatched}`);
      console.log(`acknowledged: ${stats.acks.length} lost: ${report.lost} doubled: ${doubled}`);
      return stats.acks.length > 0 && report.lost === 0 && doubled === 0 && report.mismatched === 0 ? 0 : 1;
    } finally {
      server.kill("SIGTERM");
      await server.exited;
      const { db } = await import("../lib/db");
      await db.$disconnect();
    }
  });
}

async function verify(acks: Ack[]): Promise<{ lost: number; doubled: number; mismatched: number; states: number }> {
  const { db } = await import("../lib/db");
  const ids = acks.map((a) => a.logId);
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of await db.reviewLog.findMany({ where: { id: { in: ids.slice(i, i + 500) } }, select: { id: true } })) found.add(r.id);
  }
  const lost = ids.filter((id) => !found.has(id)).length;
  // A grade applied twice would leave two logs made from the same card-state version: same card, same state before, same due before.
  const logs = await db.reviewLog.findMany({ where: { user: { email: { startsWith: "fault-" } } }, select: { userId: true, cardId: true, previousDue: true, stability: true, review: true } });
  const keys = new Map<string, number>();
  for (const l of logs) {
    const k = `${l.userId}|${l.cardId}|${l.previousDue.toISOString()}|${l.stability}`;
    keys.set(k, (keys.get(k) ?? 0) + 1);
  }
  const doubled = [...keys.values()].filter((n) => n > 1).reduce((s, n) => s + n - 1, 0);
  // Every card state is the result of exactly its logs: one rep per log, last review = last log.
  const states = await db.cardState.findMany({ where: { user: { email: { startsWith: "fault-" } } }, select: { userId: true, cardId: true, reps: true, lastReview: true } });
  const perCard = new Map<string, { n: number; last: number }>();
  for (const l of logs) {
    const k = `${l.userId}|${l.cardId}`;
    const e = perCard.get(k) ?? { n: 0, last: 0 };
    perCard.set(k, { n: e.n + 1, last: Math.max(e.last, l.review.getTime()) });
  }
  let mismatched = 0;
  for (const s of states) {
    const e = perCard.get(`${s.userId}|${s.cardId}`);
    if (!e || e.n !== s.reps || e.last !== s.lastReview?.getTime()) mismatched++;
  }
  return { lost, doubled, mismatched, states: states.length };
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
