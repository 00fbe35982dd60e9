import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newMemoryState, previewGrades, State, type GradeName, type MemoryState } from "@/lib/srs";
import { endOfLocalDay, localDay } from "@/lib/progress/local-day";
import { getUserSettings, type UserSettings } from "./users";
import { visibleCards } from "./visibility";
import { NotFoundError } from "./errors";
import { toMemory } from "./memory-state";

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
  const day = localDay(now, settings.timeZone, settings.dayStartHour);
  // One flat read of today's logs answers all three questions (flat queries
  // are several times cheaper than nested ones in Prisma: docs/decisions/012).
  const logs = await db.reviewLog.findMany({ where: { userId, day }, select: { cardId: true, state: true } });
  const cardsSeen = [...new Set(logs.map((l) => l.cardId))];
  const facts = cardsSeen.length ? await db.card.findMany({ where: { id: { in: cardsSeen } }, select: { factId: true } }) : [];
  // A first grade of a new card is logged with the state it had: New.
  const introduced = logs.filter((l) => l.state === State.New).length;
  const reviewed = logs.length - introduced;
  return {
    dayEnd: endOfLocalDay(now, settings.timeZone, settings.dayStartHour),
    newLeft: Math.max(0, settings.newPerDay - introduced),
    reviewsLeft: Math.max(0, settings.reviewsPerDay - reviewed),
    factsSeen: [...new Set(facts.map((f) => f.factId))],
    cardsSeen,
  };
}

/** Sibling rule: a card whose fact already had another card reviewed today is buried until tomorrow. */
function notASibling(t: Today): Prisma.CardWhereInput {
  return t.factsSeen.length === 0 ? {} : { OR: [{ factId: { notIn: t.factsSeen } }, { id: { in: t.cardsSeen } }] };
}

function activeState(userId: string, now: Date, t: Today): Prisma.CardStateWhereInput {
  // No document-visibility join here: a state row is only ever created for a
  // card the user could see, and a document's owner never changes (its states
  // go when it goes). The join made the due query 4x slower at 100,000 cards.
  const siblings = notASibling(t);
  return {
    userId,
    suspended: false,
    OR: [{ buriedUntil: null }, { buriedUntil: { lte: now } }],
    ...(Object.keys(siblings).length ? { card: siblings } : {}),
  };
}

/** Cards the user has not started (no state, or a state reset to new) that are not suspended or buried. */
function newCards(userId: string, now: Date, t: Today): Prisma.CardWhereInput {
  return {
    AND: [visibleCards(userId), notASibling(t)],
    states: { none: { userId, OR: [{ state: { not: State.New } }, { suspended: true }, { buriedUntil: { gt: now } }] } },
  };
}

/** The user's review queue at `now`: due reviews first, then new cards up to the daily limit. */
export async function getReviewQueue(userId: string, now: Date): Promise<ReviewQueue> {
  const settings = await getUserSettings(userId);
  const t = await today(userId, settings, now);
  const active = activeState(userId, now, t);
  const due: Prisma.CardStateWhereInput = { ...active, state: { not: State.New }, due: { lte: now } };

  // Counting stops at the day's allowance: a user with 100,000 cards needs at
  // most `reviewsLeft` due ids and `newLeft` new ones, which indexes find
  // without scanning every card (npm run bench:queue).
  const [reviews, fresh] = await Promise.all([
    t.reviewsLeft > 0 ? db.cardState.count({ where: due, take: t.reviewsLeft }) : 0,
    t.newLeft > 0 ? db.card.count({ where: newCards(userId, now, t), take: t.newLeft }) : 0,
  ]);

  let next: ReviewItem | null = null;
  let learningAhead = false;
  if (reviews > 0) {
    const s = await db.cardState.findFirst({ where: due, orderBy: [{ due: "asc" }, { id: "asc" }], select: { cardId: true } });
    if (s) next = await loadItem(userId, s.cardId, settings, now);
  } else if (fresh > 0) {
    // Documents in the order they were added (cuid ids grow with time), then the document's own order.
    const c = await db.card.findFirst({ where: newCards(userId, now, t), orderBy: [{ documentId: "asc" }, { position: "asc" }], select: { id: true } });
    if (c) next = await loadItem(userId, c.id, settings, now);
  } else {
    // Nothing due now: a learning step due within the learn-ahead window is shown early.
    const s = await db.cardState.findFirst({
      where: { ...active, state: { in: [State.Learning, State.Relearning] }, due: { lte: new Date(now.getTime() + LEARN_AHEAD_MS) } },
      orderBy: { due: "asc" },
      select: { cardId: true },
    });
    if (s) {
      next = await loadItem(userId, s.cardId, settings, now);
      learningAhead = true;
    }
  }

  let nextDue: Date | null = null;
  if (!next) {
    const upcoming = await db.cardState.findFirst({ where: { ...active, state: { not: State.New } }, orderBy: { due: "asc" }, select: { due: true } });
    nextDue = upcoming?.due ?? null;
    const waitingForTomorrow =
      (t.newLeft === 0 && (await db.card.count({ where: newCards(userId, now, t), take: 1 })) > 0) ||
      (t.reviewsLeft === 0 && (await db.cardState.count({ where: due, take: 1 })) > 0) ||
      (await heldSiblings(userId, now, t)) > 0;
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
  const item = await loadItem(userId, cardId, await getUserSettings(userId), now);
  if (!item) throw new NotFoundError("card");
  return item;
}

/** The card with its fact, document title, the user's wording and state: flat reads, no nested selects. */
async function loadItem(userId: string, cardId: string, settings: UserSettings, now: Date): Promise<ReviewItem | null> {
  const card = await db.card.findFirst({
    where: { id: cardId, ...visibleCards(userId) },
    select: { id: true, type: true, prompt: true, answer: true, factId: true, documentId: true },
  });
  if (!card) return null;
  const [fact, document, override, state] = await Promise.all([
    db.fact.findUniqueOrThrow({ where: { id: card.factId }, select: { kind: true, sentence: true } }),
    db.document.findUniqueOrThrow({ where: { id: card.documentId }, select: { title: true } }),
    db.cardOverride.findUnique({ where: { userId_cardId: { userId, cardId } }, select: { prompt: true, answer: true } }),
    db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } } }),
  ]);
  const memory: MemoryState = state ? toMemory(state) : newMemoryState(now);
  return {
    cardId: card.id,
    version: state?.version ?? 0,
    type: card.type,
    kind: fact.kind,
    prompt: override?.prompt ?? card.prompt,
    answer: override?.answer ?? card.answer,
    edited: Boolean(override),
    source: fact.sentence,
    documentTitle: document.title,
    isNew: !state || state.state === State.New,
    previews: previewGrades(memory, settings, now).map((p) => ({ name: p.name, label: p.label, key: p.key, intervalMs: p.intervalMs })),
  };
}
