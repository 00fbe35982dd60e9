// A second `npm start` on a SQLite file another instance serves (issue 15, item 10):
// the migration step reads the applied migrations read-only and leaves the
// file alone when nothing is pending; when a migration is pending and the file
// is held, it says so in plain words instead of Prisma's "unknown variant SocketTimeout".
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { migrate } from "../../scripts/setup";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "recall-start-"));
const file = path.join(dir, "served.db");
const url = `file:${file}`;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// SQLite only: the fault it covers is Prisma's exclusive lock on a SQLite file that another
// instance holds open; a PostgreSQL server has no such lock (migrations there are tested in migrations.test.ts).
describe.skipIf(process.env.TEST_ENGINE === "postgres")("starting beside a running instance (SQLite)", () => {
  it("creates and migrates a new file, then finds nothing pending while another connection is mid-read", async () => {
    expect(await migrate(url)).toBe("created");
    // The other instance, serving a request: a read transaction holds a shared lock.
    const other = new Database(file);
    other.prepare("BEGIN").run();
    other.prepare(`SELECT count(*) FROM "User"`).get();
    try {
      expect(await migrate(url)).toBe("no migration pending");
    } finally {
      other.prepare("COMMIT").run();
      other.close();
    }
  }, 60_000);

  it("a pending migration on a file another program holds fails with a message that says what to do", async () => {
    const other = new Database(file);
    const last = other.prepare(`SELECT migration_name AS name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`).get() as { name: string };
    other.prepare(`DELETE FROM _prisma_migrations WHERE migration_name = ?`).run(last.name);
    other.prepare("BEGIN").run();
    other.prepare(`SELECT count(*) FROM "User"`).get();
    try {
      await expect(migrate(url)).rejects.toThrow(`has 1 migration to apply: ${last.name}, and a migration needs the file to itself, but another program is using it`);
    } finally {
      other.prepare("COMMIT").run();
      other.close();
    }
  }, 60_000);
});
