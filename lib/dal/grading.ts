import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { applyGrade, becomesLeech, GRADES, newMemoryState, type GradeName } from "@/lib/srs";
import { localDay } from "@/lib/progress/local-day";
import { getUserSettings, type UserSettings } from "./users";
import { visibleDocumentSql } from "./visibility";
import { isUniqueViolation, NotFoundError } from "./errors";
import { toColumns, toMemory } from "./memory-state";
import { recordUndoSteps } from "./undo";
import { changes, preparedSql, rows, runInPrisma, type Program } from "./prepared-sql";

type Tx = Prisma.TransactionClient;
type CardStateRow = NonNullable<Awaited<ReturnType<Tx["cardState"]["findUnique"]>>>;
const { sql } = Prisma;

export interface GradeInput {
  cardId: string;
  /** The CardState version the learner was shown; 0 when they had no state for the card. */
  version: number;
  grade: GradeName;
  durationMs?: number;
}

/** A grade made since the version a refused grade was shown: what the learner is told ("already graded in another tab: Good"). */
export interface EarlierGrade {
  grade: GradeName;
  source: "review" | "quiz";
  review: Date;
}

export type GradeOutcome =
  | { status: "applied"; due: Date; scheduledDays: number; logId: string; leech: boolean; lapses: number }
  | {
      status: "duplicate";
      /** The first grade made since the version shown, if a grade (not a bury, suspend, reset or reschedule) moved the card on. */
      gradedSince: EarlierGrade | null;
    };

type WriteResult = { applied: false } | { applied: true; due: Date; scheduledDays: number; logId: string; leech: boolean; lapses: number; version: number };

type WriteArgs = { userId: string; cardId: string; current: CardStateRow | null; grade: GradeName; settings: UserSettings; now: Date; durationMs?: number; source: "review" | "quiz" };

/**
 * Inside the caller's transaction: applies `grade` to the user's state of the
 * card (creating it for a card never graded) and appends the review log. A
 * card reaching the leech threshold is tagged and suspended. Returns
 * applied: false when the state changed under us (another grade won the race).
 */
export async function writeGrade(tx: Tx, args: WriteArgs): Promise<WriteResult> {
  return runInPrisma(tx, writeGradeSteps(args));
}

/** writeGrade as a program (lib/dal/prepared-sql.ts): the statements it runs, in whichever transaction runs it. */
function* writeGradeSteps(args: WriteArgs): Program<WriteResult> {
  const { userId, cardId, current, settings, now } = args;
  const before = current ? toMemory(current) : newMemoryState(now);
  const { memory, log } = applyGrade(before, args.grade, settings, now, cardId);
  const leech = becomesLeech(before, memory);
  const m = toColumns(memory);
  const version = current ? Number(current.version) + 1 : 1;
  if (current) {
    // Applied only if nobody graded the card since it was read (version check).
    const count = yield* changes(sql`
      UPDATE "CardState" SET "due" = ${m.due}, "stability" = ${m.stability}, "difficulty" = ${m.difficulty},
        "elapsedDays" = ${m.elapsedDays}, "scheduledDays" = ${m.scheduledDays}, "learningSteps" = ${m.learningSteps},
        "reps" = ${m.reps}, "lapses" = ${m.lapses}, "state" = ${m.state}, "lastReview" = ${m.lastReview},
        "introducedAt" = ${current.introducedAt ?? now}, "leech" = ${current.leech || leech}, "suspended" = ${current.suspended || leech},
        "version" = ${version}
      WHERE "id" = ${current.id} AND "userId" = ${userId} AND "version" = ${current.version}`);
    if (count === 0) return { applied: false };
  } else {
    // A second first grade racing this one fails on the unique (userId, cardId).
    yield* changes(sql`
      INSERT INTO "CardState" ("id", "userId", "cardId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps",
        "reps", "lapses", "state", "lastReview", "introducedAt", "suspended", "leech", "version")
      VALUES (${newId()}, ${userId}, ${cardId}, ${m.due}, ${m.stability}, ${m.difficulty}, ${m.elapsedDays}, ${m.scheduledDays}, ${m.learningSteps},
        ${m.reps}, ${m.lapses}, ${m.state}, ${m.lastReview}, ${now}, ${leech}, ${leech}, 1)`);
  }
  // The ReviewLog columns are named after lib/srs's LogEntry fields.
  const logId = newId();
  yield* changes(sql`
    INSERT INTO "ReviewLog" ("id", "userId", "cardId", "rating", "state", "due", "previousDue", "stability", "difficulty", "elapsedDays",
      "lastElapsedDays", "scheduledDays", "learningSteps", "review", "day", "durationMs", "source", "stateVersion")
    VALUES (${logId}, ${userId}, ${cardId}, ${log.rating}, ${log.state}, ${log.due}, ${log.previousDue}, ${log.stability}, ${log.difficulty}, ${log.elapsedDays},
      ${log.lastElapsedDays}, ${log.scheduledDays}, ${log.learningSteps}, ${log.review}, ${localDay(now, settings.timeZone, settings.dayStartHour)},
      ${args.durationMs ?? null}, ${args.source}, ${version})`);
  return { applied: true, due: memory.due, scheduledDays: memory.scheduledDays, logId, leech, lapses: memory.lapses, version };
}

// The grade path is raw SQL, the same text on both engines, run on prepared
// statements (docs/decisions/012). Rows written here get random UUIDs as ids
// (Prisma's cuid() is only made by its own create): ids are opaque, and
// nothing orders by them but ties.
const newId = () => randomUUID();

/** The user's state row for the card, typed as Prisma would return it. */
export async function readState(tx: Tx, userId: string, cardId: string): Promise<CardStateRow | null> {
  return runInPrisma(tx, readStateSteps(userId, cardId));
}

function* readStateSteps(userId: string, cardId: string): Program<CardStateRow | null> {
  const [row] = yield* rows<CardStateRow>(sql`SELECT * FROM "CardState" WHERE "userId" = ${userId} AND "cardId" = ${cardId}`);
  return row ?? null;
}

function* canSee(userId: string, cardId: string): Program<boolean> {
  const found = yield* rows(sql`SELECT 1 AS one FROM "Card" c JOIN "Document" d ON d."id" = c."documentId" WHERE c."id" = ${cardId} AND ${visibleDocumentSql(userId)}`);
  return found.length > 0;
}

/**
 * Applies one grade for this user, in one transaction: new FSRS state, review
 * log and undo entry. The grade names the state version it was shown; a grade
 * for any other version (double click, second tab, replay, also after an
 * undo: versions never go back) is a duplicate and changes nothing. A
 * duplicate says which grade moved the card on since, if one did.
 */
export async function gradeCard(userId: string, input: GradeInput, now: Date): Promise<GradeOutcome> {
  const settings = await getUserSettings(userId);
  const cardId = input.cardId;
  try {
    const outcome = await preparedSql().transaction(
      (function* (): Program<GradeOutcome | null> {
        const current = yield* readStateSteps(userId, cardId);
        // A state row is only ever made for a card the user could see, and a
        // document's owner never changes: only a card without one needs the check.
        if (!current && !(yield* canSee(userId, cardId))) throw new NotFoundError("card");
        if ((current ? Number(current.version) : 0) !== input.version) return null;
        const r = yield* writeGradeSteps({ userId, cardId, current, grade: input.grade, settings, now, durationMs: input.durationMs, source: "review" });
        if (!r.applied) return null;
        yield* recordUndoSteps({ userId, cardId, action: "grade", now, stateBefore: current, versionAfter: r.version, logId: r.logId });
        return { status: "applied", due: r.due, scheduledDays: r.scheduledDays, logId: r.logId, leech: r.leech, lapses: r.lapses };
      })(),
    );
    return outcome ?? { status: "duplicate", gradedSince: await gradedSince(userId, cardId, input.version) };
  } catch (e) {
    // Two first grades of a new card raced: the unique (userId, cardId) kept one.
    if (isUniqueViolation(e)) return { status: "duplicate", gradedSince: await gradedSince(userId, cardId, input.version) };
    throw e;
  }
}

/** The user's first grade of the card that produced a version after `version` (only read for a refused grade). */
async function gradedSince(userId: string, cardId: string, version: number): Promise<EarlierGrade | null> {
  const [row] = await preparedSql().read(
    rows<{ rating: unknown; source: string; review: unknown }>(sql`
      SELECT "rating", "source", "review" FROM "ReviewLog"
      WHERE "userId" = ${userId} AND "cardId" = ${cardId} AND "stateVersion" > ${version}
      ORDER BY "stateVersion" ASC LIMIT 1`),
  );
  if (!row) return null;
  const grade = GRADES.find((g) => g.rating === Number(row.rating));
  return grade ? { grade: grade.name, source: row.source === "quiz" ? "quiz" : "review", review: new Date(row.review as string | Date) } : null;
}
