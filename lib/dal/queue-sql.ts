import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { State } from "@/lib/srs";
import { visibleDocumentSql } from "./visibility";

// The review queue's SQL, written once for both engines (docs/decisions/012).
// Every piece is scoped by the user; table and column names are quoted the
// way Prisma creates them, so the same text runs on SQLite and PostgreSQL.
// Aliases: s = CardState, c = Card, d = Document.

/** Who is asking, when, and which review day it is for them. */
export interface QueueScope {
  userId: string;
  now: Date;
  /** The user's local review day (YYYY-MM-DD), as stored on ReviewLog.day. */
  day: string;
  /** When that day ends (the next one starts at the user's day-start hour). */
  dayEnd: Date;
  /** Whether the user has reviewed anything today: the sibling rule only applies then. */
  reviewedToday: boolean;
}

const { sql, empty } = Prisma;

/**
 * Sibling rule: card c is held until tomorrow when another card of its fact,
 * or of any fact cut from the same sentence of the same document, was
 * reviewed today (issue 11: "deploy ____ soldiers … February 2" gives away
 * "deploy 3,000 soldiers … ____"; Anki buries the siblings of a note). The
 * subqueries do not depend on c, so each engine evaluates them once per
 * statement.
 */
function held(q: QueueScope): Prisma.Sql {
  return sql`(c."factId" IN (SELECT sf."id" FROM "ReviewLog" hl JOIN "Card" hc ON hc."id" = hl."cardId" JOIN "Fact" hf ON hf."id" = hc."factId"
      JOIN "Fact" sf ON sf."documentId" = hf."documentId" AND sf."sentence" = hf."sentence" WHERE hl."userId" = ${q.userId} AND hl."day" = ${q.day})
    AND c."id" NOT IN (SELECT sl."cardId" FROM "ReviewLog" sl WHERE sl."userId" = ${q.userId} AND sl."day" = ${q.day}))`;
}

function notHeld(q: QueueScope): Prisma.Sql {
  return q.reviewedToday ? sql`AND NOT ${held(q)}` : empty;
}

/**
 * The user's card states that may be studied now: not suspended, not buried,
 * not held by the sibling rule. No document-visibility join: a state row is
 * only ever made for a card the user could see, and a document's owner never
 * changes (its states go when it goes).
 */
export function activeStates(q: QueueScope, more: Prisma.Sql = empty): Prisma.Sql {
  return sql`"CardState" s JOIN "Card" c ON c."id" = s."cardId"
    WHERE s."userId" = ${q.userId} AND s."suspended" = false AND (s."buriedUntil" IS NULL OR s."buriedUntil" <= ${q.now}) ${notHeld(q)} ${more}`;
}

/**
 * Review cards due: a review is due all day on the day it falls due, as in
 * Anki (a card due at 20:00 is shown in the morning). These, and only these,
 * count against the daily review limit.
 */
export function reviewsDue(q: QueueScope): Prisma.Sql {
  return activeStates(q, sql`AND s."state" = ${State.Review} AND s."due" < ${q.dayEnd}`);
}

/**
 * Learning and relearning cards whose step is due by `until` (now, or now
 * plus the learn-ahead limit). Steps are measured in minutes and count
 * against neither daily limit, as Anki's intraday learning.
 */
export function learningDue(q: QueueScope, until: Date): Prisma.Sql {
  return activeStates(q, sql`AND s."state" IN (${State.Learning}, ${State.Relearning}) AND s."due" <= ${until}`);
}

/**
 * Studied cards to take on the device for offline review: reviews due today
 * and learning steps due now (lib/dal/offline-pack.ts).
 */
export function dueStates(q: QueueScope): Prisma.Sql {
  return activeStates(q, sql`AND s."state" <> ${State.New} AND s."due" < ${q.dayEnd} AND (s."state" = ${State.Review} OR s."due" <= ${q.now})`);
}

/** The user has no state for the card other than a plain new one (never graded, or reset) that is not suspended or buried. */
function isNewFor(q: QueueScope): Prisma.Sql {
  return sql`NOT EXISTS (SELECT 1 FROM "CardState" ns WHERE ns."userId" = ${q.userId} AND ns."cardId" = c."id"
    AND (ns."state" <> ${State.New} OR ns."suspended" = true OR ns."buriedUntil" > ${q.now}))`;
}

/** Visible cards the user has not started, not held by the sibling rule. */
export function newCards(q: QueueScope): Prisma.Sql {
  return sql`"Card" c JOIN "Document" d ON d."id" = c."documentId" WHERE ${visibleDocumentSql(q.userId)} ${notHeld(q)} AND ${isNewFor(q)}`;
}

/** Documents in the order they were added (cuid ids grow with time), then the document's own order. */
export const NEW_CARD_ORDER = sql`ORDER BY c."documentId", c."position"`;
export const DUE_ORDER = sql`ORDER BY s."due", s."id"`;

/**
 * When the user's cards that are not suspended come back by themselves, in
 * two minimums: `steps`, the earliest learning step or burial end after now;
 * `reviews`, the earliest review due after today, which the caller turns into
 * the start of its day (a review is due all day). A card whose burial ends
 * after its due date comes back when the burial ends. Cards due today but held
 * back by a daily limit or the sibling rule come back when the day ends; the
 * caller adds that.
 */
export function nextAvailable(q: QueueScope): Prisma.Sql {
  const buried = sql`(s."buriedUntil" IS NOT NULL AND (s."state" = ${State.New} OR s."buriedUntil" > s."due"))`;
  const at = sql`(CASE WHEN ${buried} THEN s."buriedUntil" ELSE s."due" END)`;
  const isReview = sql`(s."state" = ${State.Review} AND NOT ${buried})`;
  // A sibling held today comes back no earlier than tomorrow (heldSiblings).
  const notHeldToday = q.reviewedToday ? sql`AND NOT (${held(q)} AND ${at} <= ${q.dayEnd})` : empty;
  const from = sql`"CardState" s JOIN "Card" c ON c."id" = s."cardId"
    WHERE s."userId" = ${q.userId} AND s."suspended" = false AND (s."state" <> ${State.New} OR s."buriedUntil" > ${q.now}) ${notHeldToday}`;
  return sql`(SELECT MIN(${at}) FROM ${from} AND NOT ${isReview} AND ${at} > ${q.now}) AS steps,
    (SELECT MIN(s."due") FROM ${from} AND ${isReview} AND s."due" >= ${q.dayEnd}) AS reviews`;
}

/**
 * Cards held back today by the sibling rule that would otherwise be studied
 * before the day ends: visible, not suspended, not scheduled past today.
 */
export function heldSiblings(q: QueueScope): Prisma.Sql {
  if (!q.reviewedToday) return sql`"Card" c WHERE 1 = 0`;
  return sql`"Card" c JOIN "Document" d ON d."id" = c."documentId" WHERE ${visibleDocumentSql(q.userId)} AND ${held(q)}
    AND NOT EXISTS (SELECT 1 FROM "CardState" hs WHERE hs."userId" = ${q.userId} AND hs."cardId" = c."id"
      AND (hs."suspended" = true OR (hs."state" <> ${State.New} AND hs."due" > ${q.dayEnd})))`;
}

/** `SELECT COUNT(*)` of at most `limit` rows of `from` (a FROM … WHERE … clause): stops at the limit. */
export function countUpTo(from: Prisma.Sql, limit: number): Prisma.Sql {
  return sql`(SELECT COUNT(*) FROM (SELECT 1 AS one FROM ${from} LIMIT ${limit}) AS counted)`;
}

export function exists(from: Prisma.Sql): Prisma.Sql {
  return sql`(CASE WHEN EXISTS (SELECT 1 FROM ${from}) THEN 1 ELSE 0 END)`;
}

/** Raw values from either engine: counts may be bigint, computed dates text or numbers. */
export function num(v: unknown): number {
  return v == null ? 0 : Number(v);
}

export function date(v: unknown): Date | null {
  if (v == null) return null;
  return v instanceof Date ? v : new Date(v as string | number);
}
