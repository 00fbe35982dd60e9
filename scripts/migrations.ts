// Diffing migrations against the schema, for both engines, without `prisma
// migrate dev` (which does not run under driver adapters, docs/decisions/001):
// apply the migrations to a scratch database, introspect it with `db pull`,
// and diff that against the schema.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { SCHEMAS, type Engine } from "../lib/database-url";

export const root = path.resolve(__dirname, "..");
export const PG_ADMIN_URL = process.env.PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

function prisma(args: string[], env: Record<string, string>): string {
  return execFileSync(path.join(root, "node_modules", ".bin", "prisma"), args, {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

export function hasMigrations(engine: Engine): boolean {
  const dir = path.join(root, SCHEMAS[engine].migrations);
  return fs.existsSync(dir) && fs.readdirSync(dir).some((d) => /^\d/.test(d));
}

export async function withPostgresDatabase<T>(name: string, run: (url: string) => Promise<T> | T): Promise<T> {
  const admin = new Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    try {
      return await run(url.toString());
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

async function withScratch<T>(run: (url: string) => Promise<T> | T): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "recall-migrate-"));
  try {
    return await run(`file:${path.join(dir, "scratch.db")}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The newest migration's copy of the schema it was made from (PostgreSQL keeps one per migration). */
export function latestSnapshot(engine: Engine): string | null {
  const dir = path.join(root, SCHEMAS[engine].migrations);
  if (!fs.existsSync(dir)) return null;
  const last = fs.readdirSync(dir).filter((d) => /^\d/.test(d)).sort().pop();
  const file = last && path.join(dir, last, "schema.prisma");
  return file && fs.existsSync(file) ? file : null;
}

/** The SQL that would bring the engine's migrations up to its schema ("" when they match). */
export async function pendingSql(engine: Engine): Promise<string> {
  const schema = SCHEMAS[engine].schema;
  const env = { PRISMA_ENGINE: engine };
  if (engine === "postgres") {
    // Prisma cannot introspect PostgreSQL here (scripts/pg-migrate.ts), so each
    // migration keeps the schema it was made from and the next one diffs from it.
    const from = latestSnapshot(engine);
    const args = from ? ["--from-schema-datamodel", from] : ["--from-empty"];
    return prisma(["migrate", "diff", ...args, "--to-schema-datamodel", schema, "--script"], { ...env, DATABASE_URL: PG_ADMIN_URL });
  }
  if (!hasMigrations(engine)) return prisma(["migrate", "diff", "--from-empty", "--to-schema-datamodel", schema, "--script"], env);
  return withScratch((url) => {
    prisma(["migrate", "deploy"], { ...env, DATABASE_URL: url });
    const pulled = prisma(["db", "pull", "--print"], { ...env, DATABASE_URL: url });
    const file = path.join(os.tmpdir(), `recall-pulled-${process.pid}-${Date.now()}.prisma`);
    // The CLI prints warnings before the schema on stdout.
    fs.writeFileSync(file, pulled.slice(pulled.search(/^generator /m)));
    try {
      return prisma(["migrate", "diff", "--from-schema-datamodel", file, "--to-schema-datamodel", schema, "--script"], { ...env, DATABASE_URL: url });
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
}

export function isEmptyMigration(sql: string): boolean {
  return !/\b(CREATE|ALTER|DROP)\b/.test(sql);
}

/**
 * The SQLite migrations (names of prisma/migrations folders) not yet applied
 * to the database `file`, read through a read-only connection that is closed
 * before returning: a running instance keeps serving meanwhile. All of them
 * when the file has no migration table yet; null when the file does not exist.
 * A migration that failed or was rolled back counts as pending.
 */
export function pendingSqliteMigrations(file: string): string[] | null {
  if (!fs.existsSync(file)) return null;
  const dir = path.join(root, SCHEMAS.sqlite.migrations);
  const all = fs.existsSync(dir) ? fs.readdirSync(dir).filter((d) => /^\d/.test(d)).sort() : [];
  // Loaded here only: scripts that merely diff schemas need no native driver.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Database = require("better-sqlite3") as typeof import("better-sqlite3");
  const sqlite = new Database(file, { readonly: true, fileMustExist: true, timeout: 5_000 });
  try {
    const table = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
    if (!table) return all;
    const rows = sqlite.prepare(`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`).all() as { name: string }[];
    const applied = new Set(rows.map((r) => r.name));
    return all.filter((name) => !applied.has(name));
  } finally {
    sqlite.close();
  }
}

/**
 * Whether `prisma migrate deploy` failed because another connection held the
 * SQLite file: its schema engine takes an exclusive lock, waits 5 s, and then
 * reports the adapter's busy error as "unknown variant SocketTimeout".
 */
export function isDatabaseBusyError(output: string): boolean {
  return /SocketTimeout|database is locked|SQLITE_BUSY|busy/i.test(output);
}
