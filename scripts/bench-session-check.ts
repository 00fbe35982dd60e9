// npm run bench:session-check -- [--db sqlite|postgres]
// What the session check (lib/dal/session-check.ts, decisions 020 and 012)
// costs per request: the prepared read it makes on every request, against the
// Prisma query it made before (once per user per 5 s, from a cache that was
// correct in one process only). Median of 2,000 warm calls each, on a user
// with a few revoked sessions. Last line: `session_check_us: X`.
import { migrate } from "./setup";
import { parseDb, withFreshDatabase } from "./load/harness";

const CALLS = 2_000;

async function median(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 200; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[CALLS / 2] * 1000;
}

async function main() {
  await withFreshDatabase(parseDb(process.argv), "session", async (url) => {
    await migrate(url);
    const { db } = await import("../lib/db");
    const { isSessionLive, newSessionClaims } = await import("../lib/dal/session-check");
    const user = await db.user.create({ data: { email: "session@example.com", passwordHash: "x" }, select: { id: true } });
    for (let i = 0; i < 5; i++) await db.revokedSession.create({ data: { id: `revoked-${i}`, userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) } });
    const claims = newSessionClaims(user.id, 0);
    if (!(await isSessionLive(claims))) throw new Error("the session should be live");
    const prepared = await median(() => isSessionLive(claims));
    // The read the check made before (on a cache miss), through Prisma's query builder.
    const builder = await median(() => db.user.findUnique({ where: { id: user.id }, select: { sessionVersion: true, revokedSessions: { select: { id: true } } } }));
    await db.$disconnect();
    console.log(`engine: ${url.startsWith("file:") ? "sqlite" : "postgres"}; ${CALLS} calls each, median`);
    console.log(`prisma_query_us (the read before, once per user per 5 s): ${builder.toFixed(0)}`);
    console.log(`session_check_us: ${prepared.toFixed(0)}`);
  });
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
