// A new Prisma client for a database URL, without the server-only guard of
// lib/db.ts: the app's singleton is made here, and so are the clients of the
// test and benchmark processes that open a database the app serves.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
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
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }) });
}
