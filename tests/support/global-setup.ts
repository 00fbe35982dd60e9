// Builds one migrated database template per test run; each integration test
// file then gets its own copy (tests/support/fresh-database.ts). SQLite by
// default; TEST_ENGINE=postgres uses the local PostgreSQL server (PG_ADMIN_URL).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { migratePostgres } from "../../scripts/pg-migrate";
import { toolEnv } from "../../lib/env";

const root = path.resolve(__dirname, "../..");
const { PG_ADMIN_URL, TEST_ENGINE } = toolEnv();

function withDatabase(admin: string, name: string): string {
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

export default async function setup({ provide }: { provide: (key: "template", value: string) => void }) {
  if (TEST_ENGINE === "postgres") {
    const name = `recall_tpl_${process.pid}`;
    const admin = new Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    await migratePostgres(withDatabase(PG_ADMIN_URL, name));
    provide("template", `postgres:${name}`);
    return async () => {
      const c = new Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      const copies = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`recall_t_${process.pid}_%`]);
      for (const { datname } of copies.rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "recall-test-"));
  const template = path.join(dir, "template.db");
  execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${template}` },
    stdio: ["ignore", "ignore", "inherit"],
  });
  provide("template", `sqlite:${template}`);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    template: string;
  }
}
