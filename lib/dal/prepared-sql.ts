import "server-only";
import { createHash } from "node:crypto";
import type BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { databaseUrl, engineOf } from "@/lib/database-url";
import { serverEnv } from "@/lib/env";
import { sqliteConnectionOf } from "@/lib/prisma-client";

// How the review hot path's SQL runs (docs/decisions/012): the statements are
// written where their rules live (queue-sql.ts, review.ts, grading.ts,
// undo.ts) as Prisma.sql fragments, and run here on statements prepared once
// and kept, not through Prisma, whose SQLite adapter re-prepares every
// statement and whose query layer costs more than the statement itself.
//
// A DAL function is written once as a *program*: a generator that yields the
// statements it runs (`yield* rows(sql)`, `yield* changes(sql)`) and gets their
// results back. The same program then runs
// - on SQLite, synchronously on Prisma's own better-sqlite3 connection (so
//   the app keeps one connection and one writer): a transaction is BEGIN
//   IMMEDIATE … COMMIT within one turn of the event loop, so no other request
//   can slip a statement into it;
// - on PostgreSQL, on a small `pg` pool of its own with named prepared
//   statements (each connection prepares a text once);
// - inside a caller's Prisma transaction (runInPrisma), for the actions that
//   share a step with the grade (a quiz answer grades, a bury records its undo).
// Values and rows have the shapes Prisma's raw queries give: dates as Date,
// booleans as boolean; counts may be number, bigint or text (queue-sql num()).

/** One statement a program runs: `rows` returns the rows, `changes` the number of rows written. */
export type Step = { kind: "rows" | "changes"; sql: Prisma.Sql };
export type Program<T> = Generator<Step, T, unknown>;

/** In a program: the rows of a query. */
export function* rows<T>(sql: Prisma.Sql): Generator<Step, T[], unknown> {
  return (yield { kind: "rows", sql }) as T[];
}

/** In a program: runs a write; the number of rows it changed. */
export function* changes(sql: Prisma.Sql): Generator<Step, number, unknown> {
  return (yield { kind: "changes", sql }) as number;
}

interface Engine {
  /** Runs `program` outside a transaction (each statement sees what is committed when it runs). */
  read<T>(program: Program<T>): Promise<T>;
  /** Runs `program` in one transaction: all its writes or none. Throws what the program or the database throws. */
  transaction<T>(program: Program<T>): Promise<T>;
}

/** Runs a program inside a caller's Prisma transaction (or on the Prisma client outside one). */
export async function runInPrisma<T>(tx: Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">, program: Program<T>): Promise<T> {
  return drive(program, (s) => (s.kind === "rows" ? tx.$queryRaw(s.sql) : tx.$executeRaw(s.sql)));
}

async function drive<T>(program: Program<T>, step: (s: Step) => Promise<unknown>): Promise<T> {
  let r = program.next();
  while (!r.done) r = program.next(await step(r.value));
  return r.value;
}

function driveSync<T>(program: Program<T>, step: (s: Step) => unknown): T {
  let r = program.next();
  while (!r.done) r = program.next(step(r.value));
  return r.value;
}

// ---------------------------------------------------------------- SQLite

interface Prepared {
  stmt: BetterSqlite3.Statement;
  /** Columns to turn into what Prisma returns: DATETIME text → Date, BOOLEAN 0/1 → boolean. */
  dates: string[];
  booleans: string[];
}

/** A value as Prisma's SQLite adapter binds it: dates as ISO text with "+00:00" (columns compare as text), booleans as 0/1. */
function sqliteValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().replace("Z", "+00:00");
  if (typeof v === "boolean") return v ? 1 : 0;
  return v === undefined ? null : v;
}

/**
 * Distinct statement texts kept prepared, per connection. The hot path has a
 * few dozen; a text that varies with its input (an IN list of n ids) stops
 * being kept past this and is prepared for each use, so nothing grows without bound.
 */
const MAX_KEPT = 500;

/**
 * How long a transaction waits for a Prisma transaction open on the shared
 * connection to end (ms). A prepared transaction awaited *inside* a Prisma
 * transaction can never start: it throws after this long (pass the Prisma
 * transaction to runInPrisma instead).
 */
const WAIT_FOR_PRISMA_MS = 10_000;

class SqliteEngine implements Engine {
  private readonly prepared = new WeakMap<BetterSqlite3.Database, Map<string, Prepared>>();

  /**
   * Prisma's connection; for a transaction, once no Prisma interactive
   * transaction is open on it (such a transaction awaits between its
   * statements; ours must not run inside it, nor can it nest). A read does not
   * wait: like Prisma's own reads outside a transaction, it runs on the
   * connection as it is, so a read awaited inside a Prisma transaction works.
   */
  private async connection(forTransaction: boolean): Promise<BetterSqlite3.Database> {
    const deadline = Date.now() + WAIT_FOR_PRISMA_MS;
    for (;;) {
      let conn = sqliteConnectionOf(db);
      if (!conn?.open) {
        await db.$connect();
        conn = sqliteConnectionOf(db);
        if (!conn?.open) throw new Error("prepared-sql: Prisma's SQLite connection is not open");
      }
      if (!forTransaction || !conn.inTransaction) return conn;
      if (Date.now() > deadline) throw new Error("prepared-sql: a Prisma transaction held the SQLite connection for more than 10 s");
      await new Promise((r) => setImmediate(r));
    }
  }

  private prepare(conn: BetterSqlite3.Database, text: string): Prepared {
    let byText = this.prepared.get(conn);
    if (!byText) this.prepared.set(conn, (byText = new Map()));
    let p = byText.get(text);
    if (!p) {
      // Prisma's connection reads integers as bigint; ours as numbers, like Prisma's raw queries of Int columns.
      const stmt = conn.prepare(text).safeIntegers(false);
      const columns = stmt.reader ? stmt.columns() : [];
      p = {
        stmt,
        dates: columns.filter((c) => c.type?.toUpperCase() === "DATETIME").map((c) => c.name),
        booleans: columns.filter((c) => c.type?.toUpperCase() === "BOOLEAN").map((c) => c.name),
      };
      if (byText.size < MAX_KEPT) byText.set(text, p);
    }
    return p;
  }

  private step(conn: BetterSqlite3.Database, s: Step): unknown {
    const p = this.prepare(conn, s.sql.sql);
    const values = s.sql.values.map(sqliteValue);
    if (s.kind === "changes") return p.stmt.run(...values).changes;
    const out = p.stmt.all(...values) as Record<string, unknown>[];
    if (p.dates.length || p.booleans.length) {
      for (const row of out) {
        for (const c of p.dates) if (row[c] != null) row[c] = new Date(typeof row[c] === "string" ? (row[c] as string) : Number(row[c]));
        for (const c of p.booleans) if (row[c] != null) row[c] = Boolean(row[c]);
      }
    }
    return out;
  }

  async read<T>(program: Program<T>): Promise<T> {
    const conn = await this.connection(false);
    return driveSync(program, (s) => this.step(conn, s));
  }

  async transaction<T>(program: Program<T>): Promise<T> {
    const conn = await this.connection(true);
    // IMMEDIATE: the write lock is taken at BEGIN, so a read cannot find it gone when the write comes.
    this.prepare(conn, "BEGIN IMMEDIATE").stmt.run();
    try {
      const result = driveSync(program, (s) => this.step(conn, s));
      this.prepare(conn, "COMMIT").stmt.run();
      return result;
    } catch (e) {
      if (conn.inTransaction) this.prepare(conn, "ROLLBACK").stmt.run();
      throw e;
    }
  }
}

// ------------------------------------------------------------ PostgreSQL

// Prisma stores DateTime as `timestamp(3)` without a zone, in UTC.
const TIMESTAMP_OID = 1114;
const parseUtcTimestamp = (text: string) => new Date(`${text.replace(" ", "T")}Z`);

function pgValue(v: unknown): unknown {
  // ISO text: the column's type (timestamp, no zone) takes it as UTC whatever the server's zone.
  if (v instanceof Date) return v.toISOString();
  return v === undefined ? null : v;
}

class PostgresEngine implements Engine {
  private readonly pool: pg.Pool;
  private readonly names = new Map<string, string>();

  constructor(url: string) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: serverEnv().DATABASE_POOL_SIZE,
      allowExitOnIdle: true,
      types: { getTypeParser: ((oid: number, format?: "text" | "binary") => (oid === TIMESTAMP_OID ? parseUtcTimestamp : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
    });
  }

  private config(sql: Prisma.Sql): pg.QueryConfig {
    let name = this.names.get(sql.text);
    if (!name && this.names.size < MAX_KEPT) this.names.set(sql.text, (name = `recall_${createHash("sha1").update(sql.text).digest("hex").slice(0, 20)}`));
    // Unnamed past MAX_KEPT: PostgreSQL keeps a named statement for the connection's life.
    return name ? { name, text: sql.text, values: sql.values.map(pgValue) } : { text: sql.text, values: sql.values.map(pgValue) };
  }

  private async step(client: pg.Pool | pg.PoolClient, s: Step): Promise<unknown> {
    const r = await client.query(this.config(s.sql));
    return s.kind === "changes" ? (r.rowCount ?? 0) : r.rows;
  }

  async read<T>(program: Program<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      return await drive(program, (s) => this.step(client, s));
    } finally {
      client.release();
    }
  }

  async transaction<T>(program: Program<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query("BEGIN");
      const result = await drive(program, (s) => this.step(client, s));
      await client.query("COMMIT");
      return result;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => (broken = true));
      throw e;
    } finally {
      client.release(broken);
    }
  }
}

// One engine per process and database URL (the URL changes between test files, never in the app).
const shared = globalThis as unknown as { recallPreparedSql?: { url: string; engine: Engine } };

/** The engine for DATABASE_URL. */
export function preparedSql(): Engine {
  const raw = process.env.DATABASE_URL ?? "";
  if (shared.recallPreparedSql?.url !== raw) {
    const url = databaseUrl();
    shared.recallPreparedSql = { url: raw, engine: engineOf(url) === "postgres" ? new PostgresEngine(url) : new SqliteEngine() };
  }
  return shared.recallPreparedSql.engine;
}
