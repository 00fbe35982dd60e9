// The review hot path runs on statements prepared once (lib/dal/prepared-sql.ts):
// on SQLite on Prisma's own connection, so its transactions must never run
// inside, or interleave with, a Prisma interactive transaction open on that
// connection; and its rows must look like Prisma's raw rows. Both engines.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getReviewQueue } from "@/lib/dal/review";
import { gradeCard, readState } from "@/lib/dal/grading";
import { preparedSql, rows, runInPrisma } from "@/lib/dal/prepared-sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { importShippedLibrary } from "../support/shipped-library";
import { makeUser } from "../support/factories";

const NOW = new Date("2026-03-02T10:00:00Z");

beforeAll(async () => {
  await importShippedLibrary();
});

describe("prepared hot path beside Prisma transactions", () => {
  it("a grade sent while another request's Prisma transaction is open is a transaction of its own: it commits although that one rolls back", async () => {
    const user = await makeUser("beside");
    const card = (await getReviewQueue(user, NOW)).next!;
    const started: { grading?: Promise<unknown> } = {};
    await expect(
      db.$transaction(async (tx) => {
        await tx.user.update({ where: { id: user }, data: { newPerDay: 7 } });
        // The grade starts while this transaction holds the connection (SQLite) or the row lock (PostgreSQL)...
        started.grading = gradeCard(user, { cardId: card.cardId, version: 0, grade: "good" }, NOW);
        await new Promise((r) => setTimeout(r, 50));
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    // ...and is applied once that one has ended, on its own.
    expect(await started.grading).toMatchObject({ status: "applied" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user } })).newPerDay).not.toBe(7);
    expect(await db.reviewLog.count({ where: { userId: user, cardId: card.cardId } })).toBe(1);
    expect(await db.undoEntry.count({ where: { userId: user, cardId: card.cardId } })).toBe(1);
  });

  it("reads rows as Prisma does: dates as Date, booleans as boolean, integers as numbers", async () => {
    const user = await makeUser("shapes");
    const card = (await getReviewQueue(user, NOW)).next!;
    await gradeCard(user, { cardId: card.cardId, version: 0, grade: "good" }, NOW);
    const prepared = (await getReviewQueue(user, new Date(NOW.getTime() + 60 * 60_000))).next;
    const viaPrisma = await db.$transaction((tx) => readState(tx, user, card.cardId));
    expect(viaPrisma?.due).toBeInstanceOf(Date);
    expect(typeof viaPrisma?.suspended).toBe("boolean");
    expect(typeof viaPrisma?.version).toBe("number");
    // The state the prepared path reads gives the same version the Prisma path reads.
    if (prepared?.cardId === card.cardId) expect(prepared.version).toBe(viaPrisma?.version);
    const row = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user, cardId: card.cardId } } });
    expect(row.due.getTime()).toBe(viaPrisma!.due.getTime());
    expect(row.introducedAt?.getTime()).toBe(NOW.getTime());
  });

  it("the prepared engine reads a statement's rows exactly as Prisma's raw query does: dates, booleans, nulls, numbers; and binds dates and booleans as Prisma does", async () => {
    const user = await makeUser("same-rows");
    const card = (await getReviewQueue(user, NOW)).next!;
    await gradeCard(user, { cardId: card.cardId, version: 0, grade: "good" }, NOW);
    await db.cardState.updateMany({ where: { userId: user, cardId: card.cardId }, data: { suspended: true } });
    const scope = Prisma.sql`"userId" = ${user} AND "cardId" = ${card.cardId} AND "suspended" = ${true} AND "due" > ${NOW}`;
    // Dates and booleans, one of each null or false; then dates alone (no boolean column).
    const all = function* () {
      return yield* rows<Record<string, unknown>>(
        Prisma.sql`SELECT "due", "lastReview", "buriedUntil", "suspended", "leech", "reps", "version", "stability" FROM "CardState" WHERE ${scope}`,
      );
    };
    const datesOnly = function* () {
      return yield* rows<Record<string, unknown>>(Prisma.sql`SELECT "due" FROM "CardState" WHERE ${scope}`);
    };
    const prepared = await preparedSql().read(all());
    expect(prepared).toEqual(await runInPrisma(db, all()));
    expect(prepared).toHaveLength(1);
    expect(prepared[0]).toMatchObject({ suspended: true, leech: false, buriedUntil: null, lastReview: NOW, reps: 1 });
    expect(prepared[0].due).toBeInstanceOf(Date);
    const due = await preparedSql().read(datesOnly());
    expect(due).toEqual(await runInPrisma(db, datesOnly()));
    expect(due[0].due).toBeInstanceOf(Date);
  });
});
