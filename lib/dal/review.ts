import "server-only";
import { db } from "@/lib/db";
import { newMemoryState, previewGrades, State, type GradeName, type MemoryState } from "@/lib/srs";
import { endOfLocalDay, localDay, startOfLocalDay } from "@/lib/progress/local-day";
import { Prisma } from "@/lib/generated/prisma/client";
import { getUserSettings, userSettingsSteps, type UserSettings } from "./users";
import { countUpTo, date, DUE_ORDER, exists, heldSiblings, learningDue, NEW_CARD_ORDER, newCards, nextAvailable, num, reviewsDue, type QueueScope } from "./queue-sql";
import { visibleDocumentSql } from "./visibility";
import { NotFoundError } from "./errors";
import { toMemory } from "./memory-state";
import { preparedSql, rows, type Program } from "./prepared-sql";

const { sql } = Prisma;

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
  /** Anki's three kinds of card, as counted in `remaining`: new, learning (or relearning) steps, review. */
  stage: "new" | "learning" | "review";
  /** What each grade would do: exactly what the grade applies (lib/srs previewGrades). */
  previews: { name: GradeName; label: string; key: string; intervalMs: number; days: number | null; due: Date }[];
}

export interface ReviewQueue {
  next: ReviewItem | null;
  /**
   * What is left today, Anki's three counts: `new` cards still allowed today,
   * `learning` and relearning steps due now or within the learn-ahead limit
   * (limited by neither daily limit), `reviews` of review cards due today, up
   * to what the daily review limit still allows.
   */
  remaining: { new: number; learning: number; reviews: number };
  /** When nothing is due: when the next card comes (null if none is scheduled). */
  nextDue: Date | null;
}

/** Where the user stands today: the daily allowances left. */
export interface Today {
  scope: QueueScope;
  dayEnd: Date;
  newLeft: number;
  reviewsLeft: number;
}

// Counting learning cards stops here: the number only tells the learner how many steps wait.
const LEARNING_COUNT_CAP = 9999;

/**
 * Today's allowances, as Anki counts them: a new card's first grade (logged
 * in state New) uses the new-card limit; a grade of a card in review (logged
 * in state Review) uses the review limit; learning and relearning steps use
 * neither (Anki rslib: intraday learning is not limited). Quiz answers use
 * neither allowance: Anki counts answers in a filtered deck against that deck,
 * not the home deck (docs/decisions/013).
 */
export async function today(userId: string, settings: UserSettings, now: Date): Promise<Today> {
  return preparedSql().read(todaySteps(userId, settings, now));
}

function* todaySteps(userId: string, settings: UserSettings, now: Date): Program<Today> {
  const day = localDay(now, settings.timeZone, settings.dayStartHour);
  // Today's extra new cards (Anki's "increase today's new card limit") come in the same statement.
  const [row] = yield* rows<{ introduced: unknown; reviewed: unknown; total: unknown; extra: unknown }>(sql`
    SELECT COUNT(*) AS total, COALESCE(SUM(CASE WHEN "state" = ${State.New} AND "source" = 'review' THEN 1 ELSE 0 END), 0) AS introduced,
      COALESCE(SUM(CASE WHEN "state" = ${State.Review} AND "source" = 'review' THEN 1 ELSE 0 END), 0) AS reviewed,
      (SELECT CASE WHEN u."extraNewDay" = ${day} THEN u."extraNewCards" ELSE 0 END FROM "User" u WHERE u."id" = ${userId}) AS extra
    FROM "ReviewLog" WHERE "userId" = ${userId} AND "day" = ${day}`);
  const dayEnd = endOfLocalDay(now, settings.timeZone, settings.dayStartHour);
  return {
    scope: { userId, now, day, dayEnd, reviewedToday: num(row?.total) > 0 },
    dayEnd,
    newLeft: Math.max(0, settings.newPerDay + num(row?.extra) - num(row?.introduced)),
    reviewsLeft: Math.max(0, settings.reviewsPerDay - num(row?.reviewed)),
  };
}

/**
 * The user's review queue at `now`, in Anki's order: learning steps that are
 * due, then reviews due today up to the review limit, then new cards up to the
 * new-card limit, then learning steps due within the learn-ahead limit. Read
 * in raw SQL, one statement per question (docs/decisions/012): counting stops
 * at the day's allowance, so a user with 100,000 cards costs no more than one
 * with a hundred (npm run bench:queue). The statements are prepared once and
 * run one after the other (lib/dal/prepared-sql.ts).
 */
export async function getReviewQueue(userId: string, now: Date): Promise<ReviewQueue> {
  return preparedSql().read(reviewQueueSteps(userId, now));
}

function* reviewQueueSteps(userId: string, now: Date): Program<ReviewQueue> {
  const settings = yield* userSettingsSteps(userId);
  const t = yield* todaySteps(userId, settings, now);
  const q = t.scope;
  const ahead = new Date(now.getTime() + LEARN_AHEAD_MS);
  const [heads] = yield* rows<{ learning: unknown; reviews: unknown; fresh: unknown; firstLearningDue: unknown; firstDue: string | null; firstNew: string | null }>(sql`
    SELECT ${countUpTo(learningDue(q, ahead), LEARNING_COUNT_CAP)} AS learning,
      ${countUpTo(reviewsDue(q), t.reviewsLeft)} AS reviews,
      ${countUpTo(newCards(q), t.newLeft)} AS fresh,
      (SELECT MIN(s."due") FROM ${learningDue(q, ahead)}) AS "firstLearningDue",
      (SELECT s."cardId" FROM ${reviewsDue(q)} ${DUE_ORDER} LIMIT 1) AS "firstDue",
      (SELECT c."id" FROM ${newCards(q)} ${NEW_CARD_ORDER} LIMIT 1) AS "firstNew"`);
  const learning = num(heads.learning);
  const reviews = num(heads.reviews);
  const fresh = num(heads.fresh);
  // The earliest step is found by its due date (MIN uses the (userId, state, due)
  // index; ORDER BY due would walk every due review first), then by that date.
  const firstLearningDue = date(heads.firstLearningDue);
  const firstLearning = function* () {
    const [row] = yield* rows<{ cardId: string }>(sql`
      SELECT s."cardId" FROM ${learningDue(q, ahead)} AND s."due" = ${firstLearningDue} ${DUE_ORDER} LIMIT 1`);
    return row?.cardId ?? null;
  };

  const pick =
    firstLearningDue && firstLearningDue <= now
      ? yield* firstLearning()
      : reviews > 0 && heads.firstDue
        ? heads.firstDue
        : fresh > 0 && heads.firstNew
          ? heads.firstNew
          : // Nothing else left: a step due within the learn-ahead window is shown early.
            firstLearningDue && (yield* firstLearning());
  const next = pick ? ((yield* loadItemsSteps(userId, [pick], settings, now))[0] ?? null) : null;

  let nextDue: Date | null = null;
  if (!next) {
    const [w] = yield* rows<{ steps: unknown; reviews: unknown; newWaiting: unknown; dueWaiting: unknown; held: unknown }>(sql`
      SELECT ${nextAvailable(q)},
        ${exists(newCards(q))} AS "newWaiting",
        ${exists(reviewsDue(q))} AS "dueWaiting",
        ${exists(heldSiblings(q))} AS held`);
    const review = date(w.reviews);
    // A review is due from the start of its day.
    const candidates = [date(w.steps), review && startOfLocalDay(review, settings.timeZone, settings.dayStartHour)].filter((d): d is Date => d !== null);
    nextDue = candidates.length ? new Date(Math.min(...candidates.map((d) => d.getTime()))) : null;
    const waitingForTomorrow = (t.newLeft === 0 && num(w.newWaiting) > 0) || (t.reviewsLeft === 0 && num(w.dueWaiting) > 0) || num(w.held) > 0;
    if (waitingForTomorrow && (!nextDue || t.dayEnd < nextDue)) nextDue = t.dayEnd;
  }
  return { next, remaining: { new: fresh, learning, reviews }, nextDue };
}

/**
 * Anki's custom study "increase today's new card limit": `extra` (1–9,999) more
 * new cards today only, added to any extra already given today. Tomorrow the
 * limit is the learner's setting again.
 */
export async function studyMoreNewToday(userId: string, extra: number, now: Date): Promise<void> {
  if (!Number.isInteger(extra) || extra < 1 || extra > 9999) throw new RangeError(`extra must be a whole number from 1 to 9999, got ${extra}`);
  const settings = await getUserSettings(userId);
  const day = localDay(now, settings.timeZone, settings.dayStartHour);
  await db.$executeRaw`
    UPDATE "User" SET "extraNewCards" = CASE WHEN "extraNewDay" = ${day} THEN "extraNewCards" + ${extra} ELSE ${extra} END, "extraNewDay" = ${day}
    WHERE "id" = ${userId}`;
}

/** When a document's new cards come: how many today, and why not more. */
export interface NewCardsOutlook {
  /** The document's cards the user has not started. */
  waiting: number;
  /** How many of them the queue will show today (one card per fact a day, after earlier documents' new cards). */
  today: number;
  /** New cards still allowed today, all documents together. */
  newLeft: number;
  newPerDay: number;
  /** New cards of documents added before this one, which come first (counted up to newLeft). */
  ahead: number;
}

/** The truth about a document's new cards today (issue 12 rule 8), for the user who can see it. */
export async function newCardsOutlook(userId: string, documentId: string, now: Date): Promise<NewCardsOutlook> {
  const settings = await getUserSettings(userId);
  const t = await today(userId, settings, now);
  const q = t.scope;
  const [row] = await db.$queryRaw<{ waiting: unknown; facts: unknown; ahead: unknown }[]>`
    SELECT (SELECT COUNT(*) FROM ${newCards(q)} AND c."documentId" = ${documentId}) AS waiting,
      (SELECT COUNT(DISTINCT c."factId") FROM ${newCards(q)} AND c."documentId" = ${documentId}) AS facts,
      ${countUpTo(Prisma.sql`${newCards(q)} AND c."documentId" < ${documentId}`, t.newLeft)} AS ahead`;
  const waiting = num(row?.waiting);
  const ahead = num(row?.ahead);
  const comingToday = Math.max(0, Math.min(t.newLeft - ahead, num(row?.facts)));
  return { waiting, today: comingToday, newLeft: t.newLeft, newPerDay: settings.newPerDay, ahead };
}

/** One card as the review page shows it, if the user may see it (used after an undo). */
export async function getReviewItem(userId: string, cardId: string, now: Date): Promise<ReviewItem> {
  const item = await loadItem(userId, cardId, await getUserSettings(userId), now);
  if (!item) throw new NotFoundError("card");
  return item;
}

interface ItemRow {
  id: string;
  type: string;
  prompt: string;
  answer: string;
  kind: string;
  sentence: string;
  title: string;
  overrideId: string | null;
  editedPrompt: string | null;
  editedAnswer: string | null;
  stateId: string | null;
  version: unknown;
  due: unknown;
  stability: number;
  difficulty: number;
  elapsedDays: unknown;
  scheduledDays: unknown;
  learningSteps: unknown;
  reps: unknown;
  lapses: unknown;
  state: unknown;
  lastReview: unknown;
}

/** The card with its fact, document title, the user's wording and state, if the user may see it: one statement. */
async function loadItem(userId: string, cardId: string, settings: UserSettings, now: Date): Promise<ReviewItem | null> {
  return (await loadItems(userId, [cardId], settings, now))[0] ?? null;
}

/**
 * Several cards as the review page shows them, in the order of `cardIds`,
 * leaving out those the user may not see: one statement (the offline pack,
 * lib/dal/offline-pack.ts, loads a day of cards at once).
 */
export async function loadItems(userId: string, cardIds: string[], settings: UserSettings, now: Date): Promise<ReviewItem[]> {
  if (cardIds.length === 0) return [];
  return preparedSql().read(loadItemsSteps(userId, cardIds, settings, now));
}

function* loadItemsSteps(userId: string, cardIds: string[], settings: UserSettings, now: Date): Program<ReviewItem[]> {
  const found = yield* rows<ItemRow>(sql`
    SELECT c."id", c."type", c."prompt", c."answer", f."kind", f."sentence", d."title",
      o."id" AS "overrideId", o."prompt" AS "editedPrompt", o."answer" AS "editedAnswer",
      s."id" AS "stateId", s."version", s."due", s."stability", s."difficulty", s."elapsedDays", s."scheduledDays",
      s."learningSteps", s."reps", s."lapses", s."state", s."lastReview"
    FROM "Card" c
      JOIN "Document" d ON d."id" = c."documentId"
      JOIN "Fact" f ON f."id" = c."factId"
      LEFT JOIN "CardOverride" o ON o."userId" = ${userId} AND o."cardId" = c."id"
      LEFT JOIN "CardState" s ON s."userId" = ${userId} AND s."cardId" = c."id"
    WHERE c."id" IN (${Prisma.join(cardIds)}) AND ${visibleDocumentSql(userId)}`);
  const byId = new Map(found.map((r) => [r.id, r]));
  return cardIds.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toItem(row, settings, now)] : [];
  });
}

function toItem(row: ItemRow, settings: UserSettings, now: Date): ReviewItem {
  const memory: MemoryState = row.stateId
    ? toMemory({
        due: date(row.due)!,
        stability: Number(row.stability),
        difficulty: Number(row.difficulty),
        elapsedDays: num(row.elapsedDays),
        scheduledDays: num(row.scheduledDays),
        learningSteps: num(row.learningSteps),
        reps: num(row.reps),
        lapses: num(row.lapses),
        state: num(row.state),
        lastReview: date(row.lastReview),
      })
    : newMemoryState(now);
  return {
    cardId: row.id,
    version: row.stateId ? num(row.version) : 0,
    type: row.type,
    kind: row.kind,
    prompt: row.overrideId ? row.editedPrompt! : row.prompt,
    answer: row.overrideId ? row.editedAnswer! : row.answer,
    edited: Boolean(row.overrideId),
    source: row.sentence,
    documentTitle: row.title,
    isNew: !row.stateId || memory.state === State.New,
    stage: !row.stateId || memory.state === State.New ? "new" : memory.state === State.Review ? "review" : "learning",
    previews: previewGrades(memory, settings, now, row.id).map((p) => ({ name: p.name, label: p.label, key: p.key, intervalMs: p.intervalMs, days: p.days, due: p.due })),
  };
}
