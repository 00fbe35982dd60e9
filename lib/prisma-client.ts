// A new Prisma client for a database URL, without the server-only guard of
// lib/db.ts: the app's singleton is made here, and so are the clients of the
// test and benchmark processes that open a database the app serves.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "./generated/prisma-pg/client";
import { databaseUrl, engineOf } from "./database-url";
import { serverEnv } from "./env";

/**
 * A Prisma client for `url` (default DATABASE_URL): SQLite (file:) or
 * PostgreSQL. Both clients are generated from the same models
 * (docs/decisions/010), so the PostgreSQL one is used through the SQLite
 * client's type.
 */
export function createPrismaClient(url = databaseUrl()): PrismaClient {
  if (engineOf(url) === "postgres") {
    return new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url, max: serverEnv().DATABASE_POOL_SIZE }) }) as unknown as PrismaClient;
  }
  // busy timeout: concurrent writers wait for the lock instead of failing.
  const factory = new PrismaBetterSQLite3({ url, timeout: 10_000 });
  const connections: { current?: BetterSqlite3.Database } = {};
  const client = new PrismaClient({
    adapter: {
      provider: factory.provider,
      adapterName: factory.adapterName,
      // Keeps the adapter's better-sqlite3 connection: the review hot path runs
      // its prepared statements on it (lib/dal/prepared-sql.ts), so the app has
      // one connection and one writer.
      connect: async () => {
        const adapter = await factory.connect();
        const conn = (adapter as unknown as { client: BetterSqlite3.Database }).client;
        beginImmediate(conn);
        connections.current = conn;
        return adapter;
      },
    },
  });
  sqliteConnections.set(client, connections);
  return client;
}

/**
 * Makes the adapter's transactions take the write lock when they begin
 * (`BEGIN IMMEDIATE`) instead of at their first write (its plain `BEGIN`).
 * With several processes on one SQLite file (RECALL_WORKERS, decision 012), a
 * deferred transaction that read, and then wants to write after another
 * process committed, fails at once with SQLITE_BUSY_SNAPSHOT (the busy timeout
 * cannot help it); an immediate one waits for the lock at BEGIN and then sees
 * the latest data. In one process nothing changes: its one connection is
 * the only writer. The adapter prepares the text "BEGIN" for its
 * transactions and for nothing else.
 */
function beginImmediate(conn: BetterSqlite3.Database): void {
  const prepare = conn.prepare.bind(conn);
  conn.prepare = ((source: string) => prepare(source === "BEGIN" ? "BEGIN IMMEDIATE" : source)) as typeof conn.prepare;
}

const sqliteConnections = new WeakMap<object, { current?: BetterSqlite3.Database }>();

/**
 * The better-sqlite3 connection under a SQLite client made by
 * createPrismaClient, once Prisma has connected (after its first query or
 * `$connect()`); undefined before that and for PostgreSQL. Prisma opens a new
 * one after `$disconnect()`.
 */
export function sqliteConnectionOf(client: object): BetterSqlite3.Database | undefined {
  return sqliteConnections.get(client)?.current;
}
