import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newMemoryState } from "@/lib/srs";
import { endOfLocalDay } from "@/lib/progress/local-day";
import { getUserSettings } from "./users";
import { visibleCards } from "./visibility";
import { NotFoundError } from "./errors";
import { toColumns } from "./memory-state";
import { recordUndo, type UndoAction } from "./undo";

type Tx = Prisma.TransactionClient;

async function requireVisibleCard(tx: Tx, userId: string, cardId: string): Promise<void> {
  if (!(await tx.card.findFirst({ where: { id: cardId, ...visibleCards(userId) }, select: { id: true } }))) throw new NotFoundError("card");
}

const STATE_BEFORE = {
  due: true, stability: true, difficulty: true, elapsedDays: true, scheduledDays: true, learningSteps: true, reps: true, lapses: true,
  state: true, lastReview: true, introducedAt: true, suspended: true, leech: true, buriedUntil: true, version: true,
} as const;

async function stateBefore(tx: Tx, userId: string, cardId: string) {
  return tx.cardState.findUnique({ where: { userId_cardId: { userId, cardId } }, select: STATE_BEFORE });
}

/**
 * Changes the flags of the user's state of a card, creating a "new" state for
 * a card never graded, and records the action for undo (lib/dal/undo.ts).
 */
async function setFlags(userId: string, cardId: string, now: Date, action: UndoAction, flags: { suspended?: boolean; buriedUntil?: Date | null }): Promise<void> {
  await db.$transaction(async (tx) => {
    await requireVisibleCard(tx, userId, cardId);
    const before = await stateBefore(tx, userId, cardId);
    const { version } = await tx.cardState.upsert({
      where: { userId_cardId: { userId, cardId } },
      create: { ...toColumns(newMemoryState(now)), userId, cardId, introducedAt: null, ...flags },
      update: { ...flags, version: { increment: 1 } },
      select: { version: true },
    });
    await recordUndo(tx, { userId, cardId, action, now, stateBefore: before, versionAfter: version });
  });
}

/** Hides the card until the user's next day starts. */
export async function buryCard(userId: string, cardId: string, now: Date): Promise<Date> {
  const settings = await getUserSettings(userId);
  const until = endOfLocalDay(now, settings.timeZone, settings.dayStartHour);
  await setFlags(userId, cardId, now, "bury", { buriedUntil: until });
  return until;
}

export async function setSuspended(userId: string, cardId: string, suspended: boolean, now: Date): Promise<void> {
  await setFlags(userId, cardId, now, suspended ? "suspend" : "unsuspend", { suspended });
}

/** Forgets the card: it becomes new again for this user (its review history is kept). */
export async function resetCard(userId: string, cardId: string, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    await requireVisibleCard(tx, userId, cardId);
    const before = await stateBefore(tx, userId, cardId);
    const fresh = { ...toColumns(newMemoryState(now)), introducedAt: null, suspended: false, leech: false, buriedUntil: null };
    const { version } = await tx.cardState.upsert({
      where: { userId_cardId: { userId, cardId } },
      create: { ...fresh, userId, cardId },
      update: { ...fresh, version: { increment: 1 } },
      select: { version: true },
    });
    await recordUndo(tx, { userId, cardId, action: "reset", now, stateBefore: before, versionAfter: version });
  });
}

/** Sets (or, with null, removes) the user's own wording of a card, recording the change for undo. */
async function setWording(userId: string, cardId: string, edit: { prompt: string; answer: string } | null, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    await requireVisibleCard(tx, userId, cardId);
    const before = await tx.cardOverride.findUnique({ where: { userId_cardId: { userId, cardId } }, select: { prompt: true, answer: true } });
    if (edit) await tx.cardOverride.upsert({ where: { userId_cardId: { userId, cardId } }, create: { userId, cardId, ...edit }, update: edit });
    else await tx.cardOverride.deleteMany({ where: { userId, cardId } });
    await recordUndo(tx, { userId, cardId, action: "edit", now, overrideBefore: before, overrideAfter: edit });
  });
}

/** The user's own wording of a card; the shared card is unchanged for everyone else. */
export async function editCard(userId: string, cardId: string, edit: { prompt: string; answer: string }, now: Date = new Date()): Promise<void> {
  await setWording(userId, cardId, edit, now);
}

/** Drops the user's wording and goes back to the generated card. */
export async function revertCardEdit(userId: string, cardId: string, now: Date = new Date()): Promise<void> {
  await setWording(userId, cardId, null, now);
}

export interface CardDetail {
  id: string;
  prompt: string;
  answer: string;
  generated: { prompt: string; answer: string };
  edited: boolean;
  kind: string;
  source: string;
  document: { id: string; title: string };
  state: { state: number; due: Date; reps: number; lapses: number; suspended: boolean; leech: boolean; buriedUntil: Date | null } | null;
}

export async function getCardDetail(userId: string, cardId: string): Promise<CardDetail> {
  const c = await db.card.findFirst({
    where: { id: cardId, ...visibleCards(userId) },
    select: {
      id: true,
      prompt: true,
      answer: true,
      fact: { select: { kind: true, sentence: true } },
      document: { select: { id: true, title: true } },
      overrides: { where: { userId }, select: { prompt: true, answer: true } },
      states: { where: { userId }, select: { state: true, due: true, reps: true, lapses: true, suspended: true, leech: true, buriedUntil: true } },
    },
  });
  if (!c) throw new NotFoundError("card");
  const o = c.overrides[0];
  return {
    id: c.id,
    prompt: o?.prompt ?? c.prompt,
    answer: o?.answer ?? c.answer,
    generated: { prompt: c.prompt, answer: c.answer },
    edited: Boolean(o),
    kind: c.fact.kind,
    source: c.fact.sentence,
    document: c.document,
    state: c.states[0] ?? null,
  };
}
