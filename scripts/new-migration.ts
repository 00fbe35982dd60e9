// Creates prisma/migrations/<timestamp>_<name>/migration.sql from the schema.
// `prisma migrate dev` does not run under the driver adapter (docs/decisions/001),
// nor does `migrate diff --from-url`; so: apply the existing migrations to a
// scratch SQLite file, introspect it (`db pull`), and diff that schema against
// prisma/schema.prisma.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(2);
}
const root = path.resolve(__dirname, "..");
const migrations = path.join(root, "prisma", "migrations");
const scratch = path.join(root, "data", `scratch-${process.pid}.db`);
fs.mkdirSync(path.dirname(scratch), { recursive: true });
const prisma = (args: string[]) =>
  execFileSync(path.join(root, "node_modules", ".bin", "prisma"), args, {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${scratch}` },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });

try {
  const hasMigrations = fs.existsSync(migrations) && fs.readdirSync(migrations).some((d) => /^\d/.test(d));
  let from = ["--from-empty"];
  if (hasMigrations) {
    prisma(["migrate", "deploy"]);
    const pulled = prisma(["db", "pull", "--print"]);
    // The CLI prints warnings before the schema on stdout.
    fs.writeFileSync(`${scratch}.prisma`, pulled.slice(pulled.search(/^generator /m)));
    from = ["--from-schema-datamodel", `${scratch}.prisma`];
  }
  const sql = prisma(["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"]);
  if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
    console.log("The schema matches the migrations: nothing to create.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrations, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    if (!fs.existsSync(path.join(migrations, "migration_lock.toml")))
      fs.writeFileSync(path.join(migrations, "migration_lock.toml"), 'provider = "sqlite"\n');
    console.log(`Created ${path.relative(root, dir)}/migration.sql`);
  }
} finally {
  for (const f of [scratch, `${scratch}.prisma`, `${scratch}-wal`, `${scratch}-shm`, `${scratch}-journal`]) fs.rmSync(f, { force: true });
}
