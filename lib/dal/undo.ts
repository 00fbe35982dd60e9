import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { newMemoryState } from "@/lib/srs";
import { toColumns, type StateColumns } from "./memory-state";
import { changes, runInPrisma, type Program } from "./prepared-sql";

// Undo of the learner's last action on a card, whatever it was — a grade, a
// bury, a suspend or unsuspend, a reset, an edit of the wording — newest
// first, as Anki's undo (docs/decisions/013). Every action records what it
// replaced in an UndoEntry, in the same transaction as the action; an undo
// puts that back. A card's state version never goes back: an undo writes the
// old columns with a *new* version, so a grade request shown before the undo
// (or replayed after it) can never match again (docs/decisions/003).

type Tx = Prisma.TransactionClient;

export type UndoAction = "grade" | "bury" | "suspend" | "unsuspend" | "reset" | "edit";

/** Actions older than this are forgotten: undo is for the session at hand. */
export const UNDO_WINDOW_MS = 24 * 3_600_000;

export class UndoError extends Error {}

/** What the review page shows on its Undo button: "Undo grade", "Undo bury", … */
export interface UndoHead {
  action: UndoAction;
  cardId: string;
}

/** A CardState row as raw SQL or Prisma returns it (booleans may be 0/1 on SQLite). */
export type StateRowLike = StateColumns & {
  introducedAt: Date | null;
  suspended: boolean | number;
  leech: boolean | number;
  buriedUntil: Date | null;
  /** The row's version before the action (kept in the snapshot, never restored: an undo writes a new one). */
  version: number;
};

type DateField = "due" | "lastReview" | "introducedAt" | "buriedUntil";

/** The same columns as stored in UndoEntry.stateBefore: JSON, dates as ISO text. */
type StateSnapshot = Omit<StateRowLike, DateField | "suspended" | "leech"> & {
  due: string;
  lastReview: string | null;
  introducedAt: string | null;
  buriedUntil: string | null;
  suspended: boolean;
  leech: boolean;
};

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export function snapshotOf(row: StateRowLike | null): string | null {
  if (!row) return null;
  const s: StateSnapshot = {
    due: iso(row.due)!,
    stability: Number(row.stability),
    difficulty: Number(row.difficulty),
    elapsedDays: Number(row.elapsedDays),
    scheduledDays: Number(row.scheduledDays),
    learningSteps: Number(row.learningSteps),
    reps: Number(row.reps),
    lapses: Number(row.lapses),
    state: Number(row.state),
    lastReview: iso(row.lastReview),
    introducedAt: iso(row.introducedAt),
    suspended: Boolean(row.suspended),
    leech: Boolean(row.leech),
    buriedUntil: iso(row.buriedUntil),
    version: Number(row.version),
  };
  return JSON.stringify(s);
}

function columnsOf(snapshot: string | null, now: Date) {
  if (snapshot === null) {
    // The card had no state: it goes back to plain new (a row stays, so its version keeps counting up).
    return { ...toColumns(newMemoryState(now)), introducedAt: null, suspended: false, leech: false, buriedUntil: null };
  }
  const { version: _version, ...s } = JSON.parse(snapshot) as StateSnapshot;
  const date = (v: string | null) => (v === null ? null : new Date(v));
  return { ...s, due: new Date(s.due), lastReview: date(s.lastReview), introducedAt: date(s.introducedAt), buriedUntil: date(s.buriedUntil) };
}

// Ids sort in the order the entries were written (wall-clock ms, then a
// per-process counter), so "the last action" is the greatest id even when
// several share a millisecond. The UUID keeps ids unique across instances.
let counter = 0;
function entryId(): string {
  counter = (counter + 1) % 1_000_000;
  return `${Date.now().toString().padStart(15, "0")}-${String(counter).padStart(6, "0")}-${randomUUID()}`;
}

/** What an action replaced, for its undo entry (see recordUndo). */
export interface UndoRecord {
  userId: string;
  cardId: string;
  action: UndoAction;
  now: Date;
  stateBefore?: StateRowLike | null;
  versionAfter?: number | null;
  overrideBefore?: { prompt: string; answer: string } | null;
  overrideAfter?: { prompt: string; answer: string } | null;
  logId?: string | null;
}

/**
 * Inside the action's transaction: records that `action` changed the user's
 * card. `stateBefore` is the CardState row before it (null when there was
 * none), `versionAfter` the version the action left; an edit gives the
 * wording before and after instead (null = the generated wording).
 */
export async function recordUndo(tx: Tx, e: UndoRecord): Promise<void> {
  await runInPrisma(tx, recordUndoSteps(e));
}

/** recordUndo as a program (lib/dal/prepared-sql.ts), for the grade's own transaction. */
export function* recordUndoSteps(e: UndoRecord): Program<void> {
  const wording = (o: { prompt: string; answer: string } | null | undefined) => (o ? JSON.stringify({ prompt: o.prompt, answer: o.answer }) : null);
  // The table holds one day of each learner's actions: what is too old to undo goes as new actions come.
  yield* changes(Prisma.sql`DELETE FROM "UndoEntry" WHERE "userId" = ${e.userId} AND "createdAt" <= ${new Date(e.now.getTime() - UNDO_WINDOW_MS)}`);
  yield* changes(Prisma.sql`
    INSERT INTO "UndoEntry" ("id", "userId", "cardId", "action", "stateBefore", "versionAfter", "overrideBefore", "overrideAfter", "logId", "createdAt")
    VALUES (${entryId()}, ${e.userId}, ${e.cardId}, ${e.action}, ${snapshotOf(e.stateBefore ?? null)}, ${e.versionAfter ?? null},
      ${wording(e.overrideBefore)}, ${wording(e.overrideAfter)}, ${e.logId ?? null}, ${e.now})`);
}

/** The user's last action that can still be undone, or null. */
export async function lastUndo(userId: string, now: Date): Promise<UndoHead | null> {
  const e = await db.undoEntry.findFirst({
    where: { userId, createdAt: { gt: new Date(now.getTime() - UNDO_WINDOW_MS) } },
    orderBy: { id: "desc" },
    select: { action: true, cardId: true },
  });
  return e ? { action: e.action as UndoAction, cardId: e.cardId } : null;
}

/**
 * Undoes the user's last action, in one transaction: the card's state (or
 * wording) is put back exactly as it was and, for a grade, its review log is
 * deleted; the state gets a new version, never an old one. The entry is used
 * up either way. Throws UndoError when there is nothing to undo, or when the
 * card changed since by another way (another tab, a quiz): then nothing is
 * changed and the next undo goes to the action before.
 */
export async function undoLast(userId: string, now: Date): Promise<UndoHead & { next: UndoHead | null }> {
  const outcome = await db.$transaction(async (tx) => {
    const e = await tx.undoEntry.findFirst({ where: { userId, createdAt: { gt: new Date(now.getTime() - UNDO_WINDOW_MS) } }, orderBy: { id: "desc" } });
    if (!e) return { error: "Nothing to undo." } as const;
    await tx.undoEntry.delete({ where: { id: e.id } });
    const head = { action: e.action as UndoAction, cardId: e.cardId };
    if (e.action === "edit") {
      const current = await tx.cardOverride.findUnique({ where: { userId_cardId: { userId, cardId: e.cardId } }, select: { prompt: true, answer: true } });
      if ((current ? JSON.stringify({ prompt: current.prompt, answer: current.answer }) : null) !== e.overrideAfter) {
        return { error: "This card's wording changed since: the edit was not undone." } as const;
      }
      if (e.overrideBefore === null) await tx.cardOverride.deleteMany({ where: { userId, cardId: e.cardId } });
      else {
        const before = JSON.parse(e.overrideBefore) as { prompt: string; answer: string };
        await tx.cardOverride.upsert({ where: { userId_cardId: { userId, cardId: e.cardId } }, create: { userId, cardId: e.cardId, ...before }, update: before });
      }
      return { head } as const;
    }
    const state = await tx.cardState.findUnique({ where: { userId_cardId: { userId, cardId: e.cardId } }, select: { id: true, version: true } });
    if (!state || state.version !== e.versionAfter) {
      return { error: "This card was changed since (in another tab or a quiz): its last action was not undone." } as const;
    }
    const version = state.version + 1;
    await tx.cardState.update({ where: { id: state.id }, data: { ...columnsOf(e.stateBefore, now), version } });
    // The card is back where the earlier actions left it, under a new version:
    // the earlier action that left it there can still be undone next.
    const versionBefore = e.stateBefore === null ? 0 : (JSON.parse(e.stateBefore) as StateSnapshot).version;
    await tx.undoEntry.updateMany({ where: { userId, cardId: e.cardId, versionAfter: versionBefore, id: { lt: e.id } }, data: { versionAfter: version } });
    if (e.logId) await tx.reviewLog.deleteMany({ where: { id: e.logId, userId } });
    return { head } as const;
  });
  if ("error" in outcome) throw new UndoError(outcome.error);
  return { ...outcome.head, next: await lastUndo(userId, now) };
}
