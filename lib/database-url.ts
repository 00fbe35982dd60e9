// The database URL, resolved the same way by the app, the CLI and the scripts.
// Default: an embedded SQLite file in the git-ignored data/ folder;
// postgres:// or postgresql:// selects PostgreSQL (docs/decisions/010).
export const DEFAULT_DATABASE_URL = "file:./data/recall.db";

export type Engine = "sqlite" | "postgres";

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim();
  return url ? url : DEFAULT_DATABASE_URL;
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
