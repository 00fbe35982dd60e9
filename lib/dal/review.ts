import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newMemoryState, previewGrades, State, type GradeName, type MemoryState } from "@/lib/srs";
import { endOfLocalDay, localDay, startOfLocalDay } from "@/lib/progress/local-day";
import { getUserSettings, type UserSettings } from "./users";
import { visibleCards } from "./visibility";
import { NotFoundError } from "./errors";
import { toMemory, type StateColumns } from "./memory-state";

// Learning cards due within this window are shown rather than making the
// learner wait (Anki's "learn ahead limit").
const LEARN_AHEAD_MS = 20 * 60_000;

export interface ReviewItem {
  cardId: string;
  /** The CardState version the grade must name; 0 for a card this user has no state for. */
  version: number;
  type: string;
  kind: string;
  prompt: string;
  answer: string;
  /** The user edited this card's wording (their own copy). */
  edited: boolean;
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

/** Where the user stands today: daily allowances left and the siblings to hold back. */
interface Today {
  dayEnd: Date;
  newLeft: number;
  reviewsLeft: number;
  /** Facts with a card reviewed today, and those cards: other cards of these facts wait for tomorrow. */
  factsSeen: string[];
  cardsSeen: string[];
}

async function today(userId: string, settings: UserSettings, now: Date): Promise<Today> {
  const dayStart = startOfLocalDay(now, settings.timeZone, settings.dayStartHour);
  const day = localDay(now, settings.timeZone, settings.dayStartHour);
  const [introduced, reviewed, seen] = await Promise.all([
    db.cardState.count({ where: { userId, introducedAt: { gte: dayStart } } }),
    db.reviewLog.count({ where: { userId, day, state: { not: State.New } } }),
    db.reviewLog.findMany({ where: { userId, day }, distinct: ["cardId"], select: { cardId: true, card: { select: { factId: true } } } }),
  ]);
  return {
    dayEnd: endOfLocalDay(now, settings.timeZone, settings.dayStartHour),
    newLeft: Math.max(0, settings.newPerDay - introduced),
    reviewsLeft: Math.max(0, settings.reviewsPerDay - reviewed),
    factsSeen: [...new Set(seen.map((s) => s.card.factId))],
    cardsSeen: seen.map((s) => s.cardId),
  };
}

/** Sibling rule: a card whose fact already had another card reviewed today is buried until tomorrow. */
function notASibling(t: Today): Prisma.CardWhereInput {
  return t.factsSeen.length === 0 ? {} : { OR: [{ factId: { notIn: t.factsSeen } }, { id: { in: t.cardsSeen } }] };
}

function activeState(userId: string, now: Date, t: Today): Prisma.CardStateWhereInput {
  return {
    userId,
    suspended: false,
    OR: [{ buriedUntil: null }, { buriedUntil: { lte: now } }],
    card: { AND: [visibleCards(userId), notASibling(t)] },
  };
}

/** Cards the user has not started (no state, or a state reset to new) that are not suspended or buried. */
function newCards(userId: string, now: Date, t: Today): Prisma.CardWhereInput {
  return {
    AND: [visibleCards(userId), notASibling(t)],
    states: { none: { userId, OR: [{ state: { not: State.New } }, { suspended: true }, { buriedUntil: { gt: now } }] } },
  };
}

function cardSelect(userId: string) {
  return {
    id: true,
    type: true,
    prompt: true,
    answer: true,
    fact: { select: { kind: true, sentence: true } },
    document: { select: { title: true } },
    overrides: { where: { userId }, select: { prompt: true, answer: true } },
    states: { where: { userId } },
  } as const;
}

type CardRow = {
  id: string;
  type: string;
  prompt: string;
  answer: string;
  fact: { kind: string; sentence: string };
  document: { title: string };
  overrides: { prompt: string; answer: string }[];
  states: (StateColumns & { version: number })[];
};

/** The user's review queue at `now`: due reviews first, then new cards up to the daily limit. */
export async function getReviewQueue(userId: string, now: Date): Promise<ReviewQueue> {
  const settings = await getUserSettings(userId);
  const t = await today(userId, settings, now);
  const active = activeState(userId, now, t);
  const due: Prisma.CardStateWhereInput = { ...active, state: { not: State.New }, due: { lte: now } };

  const [dueCount, newAvailable] = await Promise.all([
    db.cardState.count({ where: due }),
    t.newLeft > 0 ? db.card.count({ where: newCards(userId, now, t) }) : 0,
  ]);
  const reviews = Math.min(dueCount, t.reviewsLeft);
  const fresh = Math.min(newAvailable, t.newLeft);

  let next: ReviewItem | null = null;
  let learningAhead = false;
  if (reviews > 0) {
    const s = await db.cardState.findFirst({ where: due, orderBy: [{ due: "asc" }, { id: "asc" }], select: { card: { select: cardSelect(userId) } } });
    if (s) next = toItem(s.card, settings, now);
  } else if (fresh > 0) {
    const c = await db.card.findFirst({ where: newCards(userId, now, t), orderBy: [{ document: { createdAt: "asc" } }, { position: "asc" }], select: cardSelect(userId) });
    if (c) next = toItem(c, settings, now);
  } else {
    // Nothing due now: a learning step due within the learn-ahead window is shown early.
    const s = await db.cardState.findFirst({
      where: { ...active, state: { in: [State.Learning, State.Relearning] }, due: { lte: new Date(now.getTime() + LEARN_AHEAD_MS) } },
      orderBy: { due: "asc" },
      select: { card: { select: cardSelect(userId) } },
    });
    if (s) {
      next = toItem(s.card, settings, now);
      learningAhead = true;
    }
  }

  let nextDue: Date | null = null;
  if (!next) {
    const upcoming = await db.cardState.findFirst({ where: { ...active, state: { not: State.New } }, orderBy: { due: "asc" }, select: { due: true } });
    nextDue = upcoming?.due ?? null;
    const waitingForTomorrow = (newAvailable > 0 && t.newLeft === 0) || (dueCount > 0 && t.reviewsLeft === 0) || (await heldSiblings(userId, now, t)) > 0;
    if (waitingForTomorrow && (!nextDue || t.dayEnd < nextDue)) nextDue = t.dayEnd;
  }
  return { next, remaining: { reviews: reviews + (learningAhead ? 1 : 0), new: fresh }, nextDue };
}

/** Cards held back today by the sibling rule that would otherwise be studied before the day ends. */
function heldSiblings(userId: string, now: Date, t: Today): Promise<number> {
  if (t.factsSeen.length === 0) return Promise.resolve(0);
  return db.card.count({
    where: {
      AND: [visibleCards(userId), { factId: { in: t.factsSeen } }, { id: { notIn: t.cardsSeen } }],
      states: { none: { userId, OR: [{ suspended: true }, { state: { not: State.New }, due: { gt: t.dayEnd } }] } },
    },
  });
}

/** One card as the review page shows it, if the user may see it (used after an undo). */
export async function getReviewItem(userId: string, cardId: string, now: Date): Promise<ReviewItem> {
  const settings = await getUserSettings(userId);
  const card = await db.card.findFirst({ where: { id: cardId, ...visibleCards(userId) }, select: cardSelect(userId) });
  if (!card) throw new NotFoundError("card");
  return toItem(card, settings, now);
}

function toItem(card: CardRow, settings: UserSettings, now: Date): ReviewItem {
  const state = card.states[0];
  const memory: MemoryState = state ? toMemory(state) : newMemoryState(now);
  const override = card.overrides[0];
  return {
    cardId: card.id,
    version: state?.version ?? 0,
    type: card.type,
    kind: card.fact.kind,
    prompt: override?.prompt ?? card.prompt,
    answer: override?.answer ?? card.answer,
    edited: Boolean(override),
    source: card.fact.sentence,
    documentTitle: card.document.title,
    isNew: !state || state.state === State.New,
    previews: previewGrades(memory, settings, now).map((p) => ({ name: p.name, label: p.label, key: p.key, intervalMs: p.intervalMs })),
  };
}
