// Shared by bench:load and test:faults: a production server on a fresh
// database, users created through the app's own DAL, and simulated reviewers
// that talk to the JSON API over loopback. Everything is bounded in count and time.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { withPostgresDatabase } from "../migrations";

export const root = path.resolve(__dirname, "..", "..");
const AUTH_SECRET = "load-test-secret-not-for-production-0123456789";

export type Db = "sqlite" | "postgres";

export function parseDb(argv: string[]): Db {
  const i = argv.indexOf("--db");
  const v = i >= 0 ? argv[i + 1] : "sqlite";
  if (v !== "sqlite" && v !== "postgres") throw new Error(`--db must be sqlite or postgres, got ${v}`);
  return v;
}

/** Runs `body` with DATABASE_URL pointing at a fresh database of the given engine. */
export async function withFreshDatabase<T>(db: Db, name: string, body: (url: string) => Promise<T>): Promise<T> {
  if (db === "postgres") return withPostgresDatabase(`recall_${name}_${process.pid}`, (url) => run(url));
  const file = path.join(root, "data", `${name}-${process.pid}.db`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    return await run(`file:${file}`);
  } finally {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  }
  async function run(url: string) {
    process.env.DATABASE_URL = url;
    return body(url);
  }
}

export interface Server {
  url: string;
  /** The process group of the server (the start script and everything it spawned): scripts/load/process-stats.ts reads it. */
  pgid: number;
  kill: (signal?: NodeJS.Signals) => void;
  exited: Promise<void>;
}

/** How startServer starts Recall. */
export interface ServerOptions {
  /** RECALL_WORKERS: serving processes (default 1). */
  workers?: number;
  /** The checkout to start (another worktree, to compare two versions in one run); this one by default. */
  dir?: string;
}

/**
 * Starts the app the way `npm start` does (migrate, import, build if needed,
 * serve) with `workers` serving processes (RECALL_WORKERS, default 1), from
 * the checkout `dir`, and waits until it answers.
 */
export function startServer(dbUrl: string, port: number, log: (line: string) => void = () => undefined, { workers = 1, dir = root }: ServerOptions = {}): Promise<Server> {
  const env = { DATABASE_URL: dbUrl, PORT: String(port), NODE_ENV: "production", RECALL_WORKERS: String(workers) };
  return startProcess(["--conditions=react-server", "scripts/start.ts"], env, port, log, dir);
}

/** Starts the floor server (scripts/load/floor-server.ts, a benchmark's yardstick) on a database the app has migrated. */
export function startFloor(dbUrl: string, port: number, log: (line: string) => void = () => undefined): Promise<Server> {
  return startProcess(["--conditions=react-server", "scripts/load/floor-server.ts"], { DATABASE_URL: dbUrl, PORT: String(port), NODE_ENV: "production" }, port, log);
}

/** Throws when something already listens on `port` (another session's benchmark): its answers must not be measured as ours. */
async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () => reject(new Error(`port ${port} is in use: another server would be measured`)));
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

async function startProcess(args: string[], env: Record<string, string>, port: number, log: (line: string) => void, dir = root): Promise<Server> {
  await assertPortFree(port);
  const child: ChildProcess = spawn(path.join(dir, "node_modules", ".bin", "tsx"), args, {
    cwd: dir,
    env: { ...process.env, AUTH_SECRET, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout!.on("data", (d) => String(d).split("\n").filter(Boolean).forEach(log));
  child.stderr!.on("data", (d) => String(d).split("\n").filter(Boolean).forEach(log));
  const exited = new Promise<void>((r) => child.on("exit", () => r()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error("the server did not start within 5 minutes");
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    const ok = await fetch(`${url}/sign-in`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    pgid: child.pid!,
    // The whole process group: the start script and the server it spawned.
    kill: (signal = "SIGTERM") => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        /* already gone */
      }
    },
    exited,
  };
}

export const PASSWORD = "correct horse battery";

/** Creates `n` users through the app's DAL, with a new-card limit high enough for the run. */
export async function createUsers(n: number, prefix: string): Promise<string[]> {
  const { createUser } = await import("../../lib/dal/users");
  const { db } = await import("../../lib/db");
  const emails: string[] = [];
  for (let i = 0; i < n; i++) {
    const email = `${prefix}-${i}@example.com`;
    const r = await createUser(email, PASSWORD, "UTC");
    if (!r.ok) throw new Error(`could not create ${email}`);
    emails.push(email);
  }
  await db.user.updateMany({ where: { email: { startsWith: `${prefix}-` } }, data: { newPerDay: 1000 } });
  // Let go of the database: a restarted server migrates it, which needs the lock.
  await db.$disconnect();
  return emails;
}

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]);
}

/** Signs in through next-auth's credentials endpoint; returns the Cookie header to send. */
export async function signIn(url: string, email: string): Promise<string> {
  const csrfRes = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ email, password: PASSWORD, csrfToken, callbackUrl: url }),
  });
  const session = cookiesOf(res).find((c) => c.includes("session-token="));
  if (!session) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  return [...jar, session].join("; ");
}

export interface Ack {
  cardId: string;
  version: number;
  grade: string;
  logId: string;
  cookie: string;
}

export interface RunStats {
  nextMs: number[];
  gradeMs: number[];
  errors: number;
  acks: Ack[];
  duplicates: number;
  exhausted: number;
}

const GRADES = ["again", "hard", "good", "easy"] as const;

/** How long a simulated reviewer looks at a card before grading it, drawn uniformly between min and max. */
export interface ThinkTime {
  minMs: number;
  maxMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `users.length` concurrent reviewers, each doing up to `cycles` of "fetch next
 * card → look at it for the think time → grade it". With a think time the
 * reviewers start spread over one think time, as people do, not all in the
 * same millisecond; without one they hammer the server back to back.
 */
export async function runReviewers(
  url: string,
  cookies: string[],
  cycles: number,
  opts: { deadline: number; stopOnError?: boolean; think?: ThinkTime },
): Promise<RunStats> {
  const stats: RunStats = { nextMs: [], gradeMs: [], errors: 0, acks: [], duplicates: 0, exhausted: 0 };
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const think = opts.think;
  const thinkTime = () => (think ? think.minMs + rand() * (think.maxMs - think.minMs) : 0);
  await Promise.all(
    cookies.map(async (cookie) => {
      if (think) await sleep(rand() * think.maxMs);
      for (let i = 0; i < cycles && Date.now() < opts.deadline; i++) {
        try {
          const t0 = performance.now();
          const nextRes = await fetch(`${url}/api/review/next`, { headers: { cookie } });
          const t1 = performance.now();
          if (!nextRes.ok) throw new Error(`next: ${nextRes.status}`);
          stats.nextMs.push(t1 - t0);
          const { next } = (await nextRes.json()) as { next: { cardId: string; version: number } | null };
          if (!next) {
            stats.exhausted++;
            return;
          }
          const grade = GRADES[Math.min(3, Math.floor(rand() * 4))];
          if (think) await sleep(thinkTime());
          const t2 = performance.now();
          const res = await fetch(`${url}/api/review/grade`, {
            method: "POST",
            headers: { cookie, "content-type": "application/json" },
            body: JSON.stringify({ cardId: next.cardId, version: next.version, grade }),
          });
          const t3 = performance.now();
          if (!res.ok) throw new Error(`grade: ${res.status}`);
          stats.gradeMs.push(t3 - t2);
          const body = (await res.json()) as { status: string; logId?: string };
          if (body.status === "applied") stats.acks.push({ cardId: next.cardId, version: next.version, grade, logId: body.logId!, cookie });
          else stats.duplicates++;
        } catch {
          stats.errors++;
          if (opts.stopOnError) return;
        }
      }
    }),
  );
  return stats;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Ends a load benchmark's run: stops its servers (SIGTERM, then waits until
 * each has exited) and closes the script's own database connection (lib/db,
 * opened by createUsers). Call it in a `finally`, with the servers started so far.
 */
export async function shutDown(servers: Server[]): Promise<void> {
  for (const s of servers) s.kill("SIGTERM");
  await Promise.all(servers.map((s) => s.exited));
  const { db } = await import("../../lib/db");
  await db.$disconnect();
}

/** Runs a benchmark's `main`, then exits: 0 when it resolved, 1 (after printing the error) when it threw. */
export function runToExit(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
