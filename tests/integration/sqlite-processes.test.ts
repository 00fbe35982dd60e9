// Several processes on one SQLite file (RECALL_WORKERS, docs/decisions/012):
// Prisma's transactions take the write lock when they begin
// (lib/prisma-client.ts), so a transaction that reads and then writes is never
// refused because another process committed in between. The other process is
// played by a connection of its own with no busy timeout (it says "busy"
// instead of waiting, which in one test process would wait for ever).
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "../support/factories";

// Skipped on PostgreSQL: the fault is SQLite's single file lock (SQLITE_BUSY_SNAPSHOT between processes);
// PostgreSQL's row locks have no such state (its concurrent grades: tests/integration/double-grade.test.ts).
describe.skipIf(process.env.TEST_ENGINE === "postgres")("Prisma transactions beside another process (SQLite)", () => {
  it("a read-then-write transaction holds the write lock from its start: another process's write waits, and the transaction commits", async () => {
    const userId = await makeUser("writer");
    const other = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""), { timeout: 0 });
    // As `npm start` serves it (scripts/setup.ts): in WAL mode a reader does not block a writer.
    expect(other.pragma("journal_mode = WAL", { simple: true })).toBe("wal");
    const otherWrite = () => other.prepare(`UPDATE "User" SET "newPerDay" = 5 WHERE "id" = ?`).run(userId);
    try {
      await db.$transaction(async (tx) => {
        const { newPerDay } = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { newPerDay: true } });
        // With a deferred BEGIN this write would commit here, and the update below would fail with SQLITE_BUSY_SNAPSHOT.
        expect(otherWrite).toThrow(/database is locked/);
        await tx.user.update({ where: { id: userId }, data: { newPerDay: newPerDay + 1 } });
      });
      expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).newPerDay).toBe(21);
      otherWrite(); // the lock is free again once the transaction committed
      expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).newPerDay).toBe(5);
    } finally {
      other.close();
    }
  });
});
