// Applies prisma/postgres/migrations to a PostgreSQL database.
// Prisma 6.19's schema engine cannot run against PostgreSQL here: without a
// driver adapter it downloads a native engine (no network), and with
// @prisma/adapter-pg it fails to read the catalog ("Column type 'name' could
// not be deserialized", prisma/orm#27403). The SQL itself is still generated
// by Prisma from the schema; this runner only applies it, in order, each file
// in one transaction, under an advisory lock so that two instances starting
// at once do not both migrate (docs/decisions/010).
import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { SCHEMAS } from "../lib/database-url";

const root = path.resolve(__dirname, "..");
const LOCK_KEY = 4_242_001;

export async function migratePostgres(url: string): Promise<string[]> {
  const dir = path.join(root, SCHEMAS.postgres.migrations);
  const names = fs.readdirSync(dir).filter((d) => /^\d/.test(d)).sort();
  const client = new Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_recall_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP)`);
    const done = new Set((await client.query<{ name: string }>(`SELECT "name" FROM "_recall_migrations"`)).rows.map((r) => r.name));
    for (const name of names) {
      if (done.has(name)) continue;
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(`INSERT INTO "_recall_migrations" ("name") VALUES ($1)`, [name]);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${name} failed: ${e instanceof Error ? e.message : e}`);
      }
      applied.push(name);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
  return applied;
}
