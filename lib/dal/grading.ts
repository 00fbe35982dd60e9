import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { applyGrade, becomesLeech, LEECH_THRESHOLD, newMemoryState, State, undoGrade as undoMemory, type GradeName } from "@/lib/srs";
import type { Grade } from "ts-fsrs";
import { localDay } from "@/lib/progress/local-day";
import { getUserSettings, type UserSettings } from "./users";
import { visibleDocumentSql } from "./visibility";
import { isUniqueViolation, NotFoundError } from "./errors";
import { toColumns, toMemory } from "./memory-state";

type Tx = Prisma.TransactionClient;
type CardStateRow = NonNullable<Awaited<ReturnType<Tx["cardState"]["findUnique"]>>>;

export interface GradeInput {
  cardId: string;
  /** The CardState version the learner was shown; 0 when they had no state for the card. */
  version: number;
  grade: GradeName;
  durationMs?: number;
}

export type GradeOutcome = { status: "applied"; due: Date; logId: string; leech: boolean } | { status: "duplicate" };

type WriteResult = { applied: false } | { applied: true; due: Date; logId: string; leech: boolean };

/**
 * Inside the caller's transaction: applies `grade` to the user's state of the
 * card (creating it for a card never graded) and appends the review log. A
 * card reaching the leech threshold is tagged and suspended. Returns
 * applied: false when the state changed under us (another grade won the race).
 */
export async function writeGrade(
  tx: Tx,
  args: { userId: string; cardId: string; current: CardStateRow | null; grade: GradeName; settings: UserSettings; now: Date; durationMs?: number; source: "review" | "quiz" },
): Promise<WriteResult> {
  const { userId, cardId, current, settings, now } = args;
  const before = current ? toMemory(current) : newMemoryState(now);
  const { memory, log } = applyGrade(before, args.grade, settings, now, cardId);
  const leech = becomesLeech(before, memory);
  const m = toColumns(memory);
  if (current) {
    // Applied only if nobody graded the card since it was read (version check).
    const count = await tx.$executeRaw`
      UPDATE "CardState" SET "due" = ${m.due}, "stability" = ${m.stability}, "difficulty" = ${m.difficulty},
        "elapsedDays" = ${m.elapsedDays}, "scheduledDays" = ${m.scheduledDays}, "learningSteps" = ${m.learningSteps},
        "reps" = ${m.reps}, "lapses" = ${m.lapses}, "state" = ${m.state}, "lastReview" = ${m.lastReview},
        "introducedAt" = ${current.introducedAt ?? now}, "leech" = ${current.leech || leech}, "suspended" = ${current.suspended || leech},
        "version" = "version" + 1
      WHERE "id" = ${current.id} AND "userId" = ${userId} AND "version" = ${current.version}`;
    if (count === 0) return { applied: false };
  } else {
    // A second first grade racing this one fails on the unique (userId, cardId).
    await tx.$executeRaw`
      INSERT INTO "CardState" ("id", "userId", "cardId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps",
        "reps", "lapses", "state", "lastReview", "introducedAt", "suspended", "leech", "version")
      VALUES (${newId()}, ${userId}, ${cardId}, ${m.due}, ${m.stability}, ${m.difficulty}, ${m.elapsedDays}, ${m.scheduledDays}, ${m.learningSteps},
        ${m.reps}, ${m.lapses}, ${m.state}, ${m.lastReview}, ${now}, ${leech}, ${leech}, 1)`;
  }
  // The ReviewLog columns are named after lib/srs's LogEntry fields.
  const logId = newId();
  await tx.$executeRaw`
    INSERT INTO "ReviewLog" ("id", "userId", "cardId", "rating", "state", "due", "previousDue", "stability", "difficulty", "elapsedDays",
      "lastElapsedDays", "scheduledDays", "learningSteps", "review", "day", "durationMs", "source")
    VALUES (${logId}, ${userId}, ${cardId}, ${log.rating}, ${log.state}, ${log.due}, ${log.previousDue}, ${log.stability}, ${log.difficulty}, ${log.elapsedDays},
      ${log.lastElapsedDays}, ${log.scheduledDays}, ${log.learningSteps}, ${log.review}, ${localDay(now, settings.timeZone, settings.dayStartHour)},
      ${args.durationMs ?? null}, ${args.source})`;
  return { applied: true, due: memory.due, logId, leech };
}

// The grade path is raw SQL, the same text on both engines: Prisma's query
// builder costs several times more for each statement (docs/decisions/012).
// Rows written here get random UUIDs as ids (Prisma's cuid() is only made by
// its own create): ids are opaque, and nothing orders by them but ties.
const newId = () => randomUUID();

/** The user's state row for the card, typed as Prisma would return it. */
export async function readState(tx: Tx, userId: string, cardId: string): Promise<CardStateRow | null> {
  const [row] = await tx.$queryRaw<CardStateRow[]>`SELECT * FROM "CardState" WHERE "userId" = ${userId} AND "cardId" = ${cardId}`;
  return row ?? null;
}

async function canSee(tx: Tx, userId: string, cardId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<unknown[]>`SELECT 1 AS one FROM "Card" c JOIN "Document" d ON d."id" = c."documentId" WHERE c."id" = ${cardId} AND ${visibleDocumentSql(userId)}`;
  return rows.length > 0;
}

/**
 * Applies one grade for this user, in one transaction: new FSRS state + review log.
 * The grade names the state version it was shown; a second grade for the same
 * version (double click, second tab, replay) is a duplicate and changes nothing.
 */
export async function gradeCard(userId: string, input: GradeInput, now: Date): Promise<GradeOutcome> {
  const settings = await getUserSettings(userId);
  const cardId = input.cardId;
  try {
    return await db.$transaction(async (tx) => {
      const current = await readState(tx, userId, cardId);
      // A state row is only ever made for a card the user could see, and a
      // document's owner never changes: only a card without one needs the check.
      if (!current && !(await canSee(tx, userId, cardId))) throw new NotFoundError("card");
      if ((current?.version ?? 0) !== input.version) return { status: "duplicate" } as const;
      const r = await writeGrade(tx, { userId, cardId, current, grade: input.grade, settings, now, durationMs: input.durationMs, source: "review" });
      return r.applied ? ({ status: "applied", due: r.due, logId: r.logId, leech: r.leech } as const) : ({ status: "duplicate" } as const);
    });
  } catch (e) {
    // Two first grades of a new card raced: the unique (userId, cardId) kept one.
    if (isUniqueViolation(e)) return { status: "duplicate" };
    throw e;
  }
}

export class UndoError extends Error {}

/**
 * Undoes one of the user's grades, in one transaction: the card's state returns
 * exactly to what it was before (ts-fsrs rollback plus the stored previous due
 * date) and the review log is deleted. Only a card's latest grade can be undone,
 * so grades are undone newest first.
 */
export async function undoGrade(userId: string, logId: string): Promise<{ cardId: string }> {
  const settings = await getUserSettings(userId);
  return db.$transaction(async (tx) => {
    const log = await tx.reviewLog.findFirst({ where: { id: logId, userId } });
    if (!log) throw new NotFoundError("review");
    const latest = await tx.reviewLog.findFirst({ where: { userId, cardId: log.cardId }, orderBy: [{ review: "desc" }, { id: "desc" }], select: { id: true } });
    if (latest?.id !== log.id) throw new UndoError("This card was reviewed again since: undo its later grade first.");
    const state = await tx.cardState.findUnique({ where: { userId_cardId: { userId, cardId: log.cardId } } });
    if (!state) throw new NotFoundError("card state");
    const previous = undoMemory(toMemory(state), { ...log, rating: log.rating as Grade, state: log.state as State }, settings);
    await tx.reviewLog.delete({ where: { id: log.id } });
    if (previous.state === State.New) {
      // Back to a card never graded: no state row, as before its first grade.
      await tx.cardState.delete({ where: { id: state.id } });
    } else {
      const unLeech = state.leech && previous.lapses < LEECH_THRESHOLD;
      await tx.cardState.update({
        where: { id: state.id },
        data: { ...toColumns(previous), version: { increment: 1 }, ...(unLeech ? { leech: false, suspended: false } : {}) },
      });
    }
    return { cardId: log.cardId };
  });
}
