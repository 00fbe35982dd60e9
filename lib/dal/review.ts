import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { applyGrade, newMemoryState, previewGrades, State, type GradeName, type GradePreview, type MemoryState } from "@/lib/srs";
import { localDay, startOfLocalDay } from "@/lib/progress/local-day";
import { getUserSettings, type UserSettings } from "./users";
import { visibleCards } from "./visibility";
import { isUniqueViolation, NotFoundError } from "./errors";

// Learning cards due within this window are shown rather than making the
// learner wait (Anki's "learn ahead limit").
const LEARN_AHEAD_MS = 20 * 60_000;

export interface ReviewItem {
  cardId: string;
  /** The CardState version the grade must name; 0 for a card this user has never graded. */
  version: number;
  type: string;
  kind: string;
  prompt: string;
  answer: string;
  source: string;
  documentTitle: string;
  isNew: boolean;
  previews: { name: GradeName; label: string; key: string; intervalMs: number }[];
}

export interface ReviewQueue {
  next: ReviewItem | null;
  /** Reviews (incl. learning) due now and new cards still allowed today. */
  remaining: { reviews: number; new: number };
  /** When nothing is due: when the next card comes (null if none is scheduled). */
  nextDue: Date | null;
}

interface DayWindow {
  dayStart: Date;
  newLeft: number;
  reviewsLeft: number;
}

async function dayWindow(userId: string, settings: UserSettings, now: Date): Promise<DayWindow> {
  const dayStart = startOfLocalDay(now, settings.timeZone, settings.dayStartHour);
  const [introduced, reviewed] = await Promise.all([
    db.cardState.count({ where: { userId, introducedAt: { gte: dayStart } } }),
    db.reviewLog.count({ where: { userId, review: { gte: dayStart }, state: { not: State.New } } }),
  ]);
  return {
    dayStart,
    newLeft: Math.max(0, settings.newPerDay - introduced),
    reviewsLeft: Math.max(0, settings.reviewsPerDay - reviewed),
  };
}

function activeStateWhere(userId: string, now: Date) {
  return {
    userId,
    suspended: false,
    OR: [{ buriedUntil: null }, { buriedUntil: { lte: now } }],
    card: visibleCards(userId),
  };
}

const CARD_SELECT = {
  id: true,
  type: true,
  prompt: true,
  answer: true,
  fact: { select: { kind: true, sentence: true } },
  document: { select: { title: true } },
} as const;

/** The user's review queue at `now`: due reviews first, then new cards up to the daily limit. */
export async function getReviewQueue(userId: string, now: Date): Promise<ReviewQueue> {
  const settings = await getUserSettings(userId);
  const window = await dayWindow(userId, settings, now);
  const active = activeStateWhere(userId, now);
  const dueWhere = { ...active, state: { not: State.New }, due: { lte: now } };

  const [dueCount, newAvailable] = await Promise.all([
    db.cardState.count({ where: dueWhere }),
    window.newLeft > 0 ? db.card.count({ where: { ...visibleCards(userId), states: { none: { userId } } } }) : 0,
  ]);
  const reviews = Math.min(dueCount, window.reviewsLeft);
  const fresh = Math.min(newAvailable, window.newLeft);

  let next: ReviewItem | null = null;
  if (reviews > 0) {
    const s = await db.cardState.findFirst({ where: dueWhere, orderBy: [{ due: "asc" }, { id: "asc" }], include: { card: { select: CARD_SELECT } } });
    if (s) next = toItem(s.card, s.version, toMemory(s), settings, now);
  } else if (fresh > 0) {
    const c = await db.card.findFirst({
      where: { ...visibleCards(userId), states: { none: { userId } } },
      orderBy: [{ document: { createdAt: "asc" } }, { position: "asc" }],
      select: CARD_SELECT,
    });
    if (c) next = toItem(c, 0, newMemoryState(now), settings, now);
  } else {
    // Nothing due now: a learning step due within the learn-ahead window is shown early.
    const s = await db.cardState.findFirst({
      where: { ...active, state: { in: [State.Learning, State.Relearning] }, due: { lte: new Date(now.getTime() + LEARN_AHEAD_MS) } },
      orderBy: { due: "asc" },
      include: { card: { select: CARD_SELECT } },
    });
    if (s) next = toItem(s.card, s.version, toMemory(s), settings, now);
  }

  let nextDue: Date | null = null;
  if (!next) {
    const upcoming = await db.cardState.findFirst({ where: { ...active, state: { not: State.New } }, orderBy: { due: "asc" }, select: { due: true } });
    nextDue = upcoming?.due ?? null;
    if (fresh === 0 && newAvailable > 0 && window.newLeft === 0) {
      // New cards wait for tomorrow's allowance.
      const tomorrow = new Date(window.dayStart.getTime() + 24 * 3_600_000);
      if (!nextDue || tomorrow < nextDue) nextDue = tomorrow;
    }
  }
  return { next, remaining: { reviews: next && reviews === 0 && fresh === 0 ? 1 : reviews, new: fresh }, nextDue };
}

type CardRow = { id: string; type: string; prompt: string; answer: string; fact: { kind: string; sentence: string }; document: { title: string } };

function toItem(card: CardRow, version: number, memory: MemoryState, settings: UserSettings, now: Date): ReviewItem {
  return {
    cardId: card.id,
    version,
    type: card.type,
    kind: card.fact.kind,
    prompt: card.prompt,
    answer: card.answer,
    source: card.fact.sentence,
    documentTitle: card.document.title,
    isNew: version === 0,
    previews: previewGrades(memory, settings, now).map((p: GradePreview) => ({ name: p.name, label: p.label, key: p.key, intervalMs: p.intervalMs })),
  };
}

type StateRow = {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
};

export function toMemory(s: StateRow): MemoryState {
  return {
    due: s.due,
    stability: s.stability,
    difficulty: s.difficulty,
    elapsedDays: s.elapsedDays,
    scheduledDays: s.scheduledDays,
    learningSteps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: s.state as State,
    lastReview: s.lastReview,
  };
}

export interface GradeInput {
  cardId: string;
  version: number;
  grade: GradeName;
  durationMs?: number;
}

export type GradeOutcome = { status: "applied"; due: Date } | { status: "duplicate" };

type Tx = Prisma.TransactionClient;
type CardStateRow = NonNullable<Awaited<ReturnType<Tx["cardState"]["findUnique"]>>>;

/**
 * Inside the caller's transaction: applies `grade` to the user's state of the
 * card (creating it for a new card) and appends the review log. Returns false
 * when the state changed under us (another grade won the race).
 */
export async function writeGrade(
  tx: Tx,
  args: { userId: string; cardId: string; current: CardStateRow | null; grade: GradeName; settings: UserSettings; now: Date; durationMs?: number; source: "review" | "quiz" },
): Promise<{ applied: false } | { applied: true; due: Date }> {
  const { userId, cardId, current, settings, now } = args;
  const { memory, log } = applyGrade(current ? toMemory(current) : newMemoryState(now), args.grade, settings, now);
  const data = {
    due: memory.due,
    stability: memory.stability,
    difficulty: memory.difficulty,
    elapsedDays: memory.elapsedDays,
    scheduledDays: memory.scheduledDays,
    learningSteps: memory.learningSteps,
    reps: memory.reps,
    lapses: memory.lapses,
    state: memory.state,
    lastReview: memory.lastReview,
  };
  if (current) {
    const { count } = await tx.cardState.updateMany({ where: { id: current.id, userId, version: current.version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) return { applied: false };
  } else {
    await tx.cardState.create({ data: { ...data, userId, cardId, introducedAt: now, version: 1 } });
  }
  await tx.reviewLog.create({
    data: {
      userId,
      cardId,
      rating: log.rating,
      state: log.state,
      due: log.due,
      stability: log.stability,
      difficulty: log.difficulty,
      elapsedDays: log.elapsedDays,
      lastElapsedDays: log.lastElapsedDays,
      scheduledDays: log.scheduledDays,
      learningSteps: log.learningSteps,
      review: log.review,
      day: localDay(now, settings.timeZone, settings.dayStartHour),
      durationMs: args.durationMs ?? null,
      source: args.source,
    },
  });
  return { applied: true, due: memory.due };
}

/**
 * Applies one grade for this user, in one transaction: new FSRS state + review log.
 * The grade names the state version it was shown; a second grade for the same
 * version (double click, second tab, replay) is a duplicate and changes nothing.
 */
export async function gradeCard(userId: string, input: GradeInput, now: Date): Promise<GradeOutcome> {
  const settings = await getUserSettings(userId);
  const card = await db.card.findFirst({ where: { id: input.cardId, ...visibleCards(userId) }, select: { id: true } });
  if (!card) throw new NotFoundError("card");
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.cardState.findUnique({ where: { userId_cardId: { userId, cardId: card.id } } });
      if ((current?.version ?? 0) !== input.version) return { status: "duplicate" } as const;
      const r = await writeGrade(tx, { userId, cardId: card.id, current, grade: input.grade, settings, now, durationMs: input.durationMs, source: "review" });
      return r.applied ? ({ status: "applied", due: r.due } as const) : ({ status: "duplicate" } as const);
    });
  } catch (e) {
    // Two first grades of a new card raced: the unique (userId, cardId) kept one.
    if (isUniqueViolation(e)) return { status: "duplicate" };
    throw e;
  }
}
