// npm run db:migration -- <name>
// Writes the PostgreSQL schema derived from prisma/schema.prisma, then, for
// each engine, a new migration with whatever the schema adds to the existing
// migrations (scripts/migrations.ts).
import fs from "node:fs";
import path from "node:path";
import { SCHEMAS, type Engine } from "../lib/database-url";
import { isEmptyMigration, pendingSql, root } from "./migrations";
import { toPostgresSchema } from "./postgres-schema";

async function main() {
  const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
  if (!name) {
    console.error("usage: npm run db:migration -- <name>");
    process.exit(2);
  }
  const pgSchema = path.join(root, SCHEMAS.postgres.schema);
  fs.mkdirSync(path.dirname(pgSchema), { recursive: true });
  fs.writeFileSync(pgSchema, toPostgresSchema(fs.readFileSync(path.join(root, SCHEMAS.sqlite.schema), "utf8")));

  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  for (const engine of ["sqlite", "postgres"] as Engine[]) {
    const sql = await pendingSql(engine);
    if (isEmptyMigration(sql)) {
      console.log(`${engine}: the schema matches the migrations, nothing to create`);
      continue;
    }
    const migrations = path.join(root, SCHEMAS[engine].migrations);
    const dir = path.join(migrations, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    if (engine === "postgres") fs.copyFileSync(pgSchema, path.join(dir, "schema.prisma"));
    const lock = path.join(migrations, "migration_lock.toml");
    if (!fs.existsSync(lock)) fs.writeFileSync(lock, `provider = "${engine === "postgres" ? "postgresql" : "sqlite"}"\n`);
    console.log(`${engine}: created ${path.relative(root, dir)}/migration.sql`);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
