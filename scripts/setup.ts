// Prepares the database: applies migrations (creating the SQLite file if
// missing) and imports every document in content/. Idempotent. Run by
// `npm start` and by the test suites; prints what it did.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseUrl, engineOf } from "../lib/database-url";
import { migratePostgres } from "./pg-migrate";
import { isDatabaseBusyError, pendingSqliteMigrations } from "./migrations";

export const root = path.resolve(__dirname, "..");

export function sqlitePath(url: string): string | null {
  if (!url.startsWith("file:")) return null;
  const p = url.slice("file:".length).split("?")[0];
  return path.isAbsolute(p) ? p : path.join(root, p);
}

/**
 * Brings the database up to the migrations; returns what it did, in words.
 * SQLite: the applied migrations are read first through a read-only
 * connection, and when none is pending nothing else touches the file, so a
 * second instance (or a restart while the old one drains) starts beside one
 * that is serving. A pending migration needs the file alone: when another
 * process holds it, this throws a message that says so.
 */
export async function migrate(url: string): Promise<string> {
  if (engineOf(url) === "postgres") {
    const applied = await migratePostgres(url);
    return applied.length ? `applied ${applied.length} migration${applied.length === 1 ? "" : "s"}` : "no migration pending";
  }
  const file = sqlitePath(url);
  const pending = file ? pendingSqliteMigrations(file) : null;
  if (pending && pending.length === 0) return "no migration pending";
  if (file) fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    execFileSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "ignore", "pipe"],
      encoding: "utf8",
    });
  } catch (e) {
    const output = String((e as { stderr?: unknown }).stderr ?? "");
    if (isDatabaseBusyError(output)) {
      const names = pending ? `: ${pending.join(", ")}` : "";
      throw new Error(
        `the database ${file ? path.relative(root, file) || file : url} has ${pending?.length ?? "new"} migration${pending?.length === 1 ? "" : "s"} to apply${names}, ` +
          `and a migration needs the file to itself, but another program is using it (probably another Recall instance). ` +
          `Stop the other instance, run npm start again, then start the others.`,
      );
    }
    process.stderr.write(output);
    throw e;
  }
  if (file) {
    // WAL lets readers run while a grade is written; see docs/decisions/003.
    const sqlite = new Database(file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.close();
  }
  return pending === null ? "created" : `applied ${pending.length} migration${pending.length === 1 ? "" : "s"}`;
}

export async function importContent(): Promise<string> {
  const [{ importLibrary }, { parseContentFile }, { generate }] = await Promise.all([
    import("../lib/dal/library"),
    import("../lib/content/parse-content-file"),
    import("../lib/extract"),
  ]);
  const dir = path.join(root, "content");
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => {
      const raw = fs.readFileSync(path.join(dir, f), "utf8");
      return { path: `content/${f}`, raw, content: parseContentFile(raw, f) };
    });
  const r = await importLibrary(files, (doc) => generate(doc.text, { publishedAt: doc.publishedAt }), generatorVersion());
  const docs = (n: number) => `${n} document${n === 1 ? "" : "s"}`;
  return `imported ${docs(r.imported)}, updated ${docs(r.updated)}, ${r.unchanged} unchanged, ${r.cards} cards generated`;
}

/** A hash of the card generator's code and data: a change to its rules regenerates the library's cards. */
export function generatorVersion(): string {
  const h = createHash("sha256");
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (!e.name.includes(".test.")) h.update(e.name).update(fs.readFileSync(p));
    }
  };
  walk(path.join(root, "lib", "extract"));
  return h.digest("hex").slice(0, 16);
}

export async function setup(): Promise<void> {
  const url = databaseUrl();
  const t0 = Date.now();
  const migrated = await migrate(url);
  console.log(`[recall] database ready (${url}): ${migrated}, in ${Date.now() - t0} ms`);
  const t1 = Date.now();
  try {
    console.log(`[recall] content: ${await importContent()} in ${Date.now() - t1} ms`);
  } finally {
    // This process lives on as the server's parent: hold no connection open meanwhile.
    const { db } = await import("../lib/db");
    await db.$disconnect();
  }
}

if (require.main === module) {
  setup().then(
    () => process.exit(0),
    (e) => {
      console.error(`[recall] setup failed: ${e instanceof Error ? e.message : e}`);
      process.exit(1);
    },
  );
}
