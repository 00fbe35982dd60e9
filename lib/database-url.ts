// The database URL, resolved the same way by the app, the CLI and the scripts.
// Default: an embedded SQLite file in the git-ignored data/ folder;
// postgres:// or postgresql:// selects PostgreSQL (docs/decisions/010).
import { serverEnv } from "./env";

export { DEFAULT_DATABASE_URL } from "./env";

export type Engine = "sqlite" | "postgres";

/**
 * DATABASE_URL, or the default SQLite file. Validates the whole server
 * configuration (lib/env.ts): every start-up path asks for the database first,
 * so a bad variable stops it there with EnvError's message.
 */
export function databaseUrl(env: Record<string, string | undefined> = process.env): string {
  return serverEnv(env).DATABASE_URL;
}

export function engineOf(url: string): Engine {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgres";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got "${url.split(":")[0]}:…"`);
}

/** Where each engine's schema and migrations live. The SQLite schema is the one model definition. */
export const SCHEMAS: Record<Engine, { schema: string; migrations: string }> = {
  sqlite: { schema: "prisma/schema.prisma", migrations: "prisma/migrations" },
  postgres: { schema: "prisma/postgres/schema.prisma", migrations: "prisma/postgres/migrations" },
};
