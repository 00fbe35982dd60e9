// Runs before each integration test file: a private copy of the migrated
// template, so files never see each other's rows.
import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { inject } from "vitest";
import { toolEnv } from "../../lib/env";

const [engine, template] = inject("template").split(/:(.*)/s);
const unique = `${process.pid}_${Math.random().toString(36).slice(2, 10)}`;

if (engine === "postgres") {
  const adminUrl = toolEnv().PG_ADMIN_URL;
  const name = `recall_t_${template.replace("recall_tpl_", "")}_${unique}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
} else {
  const file = path.join(path.dirname(template), `test-${unique}.db`);
  fs.copyFileSync(template, file);
  process.env.DATABASE_URL = `file:${file}`;
}
