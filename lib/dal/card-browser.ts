import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { endOfLocalDay } from "@/lib/progress/local-day";
import { getUserSettings } from "./users";
import { visibleDocumentSql } from "./visibility";

export const CARD_STATES = ["new", "learning", "review", "relearning", "suspended", "buried", "leech", "edited"] as const;
export type CardStateFilter = (typeof CARD_STATES)[number];
export const DUE_FILTERS = ["overdue", "today", "week"] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];
export const CARD_SORTS = ["position", "due", "prompt", "lapses"] as const;
export type CardSort = (typeof CARD_SORTS)[number];

/** Cards per page of the browser. */
export const PAGE_SIZE = 50;

export interface CardQuery {
  /** Words to find in the prompt or answer (as the learner sees them), case-insensitive. */
  text?: string;
  documentId?: string;
  kind?: string;
  state?: CardStateFilter;
  due?: DueFilter;
  sort?: CardSort;
  /** 1-based. */
  page?: number;
}

export interface BrowsedCard {
  id: string;
  prompt: string;
  answer: string;
  type: string;
  kind: string;
  documentId: string;
  documentTitle: string;
  mine: boolean;
  state: number | null;
  due: Date | null;
  lapses: number;
  suspended: boolean;
  leech: boolean;
  buried: boolean;
  edited: boolean;
}

export interface CardPage {
  cards: BrowsedCard[];
  total: number;
  page: number;
  pages: number;
}

/** `%text%` for LIKE, with LIKE's own wildcards in the text escaped (ESCAPE '\'). */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One page of the cards this learner can see (the shipped library and their
 * own documents and decks), searched and filtered in the database: text in
 * the prompt or answer as they see it (their own edit wins), document or
 * deck, fact kind, state (new, learning, review, relearning, suspended,
 * buried, leech, edited), due (overdue, before the end of today, within 7
 * days). Portable SQL on both engines; only this learner's states and edits
 * are joined.
 */
export async function browseCards(userId: string, q: CardQuery, now: Date): Promise<CardPage> {
  const settings = await getUserSettings(userId);
  const where: Prisma.Sql[] = [visibleDocumentSql(userId)];
  const text = q.text?.trim();
  if (text) {
    const pattern = containsPattern(text);
    where.push(Prisma.sql`(LOWER(COALESCE(o."prompt", c."prompt")) LIKE ${pattern} ESCAPE '\\' OR LOWER(COALESCE(o."answer", c."answer")) LIKE ${pattern} ESCAPE '\\')`);
  }
  if (q.documentId) where.push(Prisma.sql`c."documentId" = ${q.documentId}`);
  if (q.kind) where.push(Prisma.sql`f."kind" = ${q.kind}`);
  switch (q.state) {
    case "new":
      where.push(Prisma.sql`(s."id" IS NULL OR s."state" = 0)`);
      break;
    case "learning":
    case "review":
    case "relearning":
      where.push(Prisma.sql`s."state" = ${{ learning: 1, review: 2, relearning: 3 }[q.state]}`);
      break;
    case "suspended":
      where.push(Prisma.sql`s."suspended" = ${true}`);
      break;
    case "leech":
      where.push(Prisma.sql`s."leech" = ${true}`);
      break;
    case "buried":
      where.push(Prisma.sql`s."buriedUntil" > ${now}`);
      break;
    case "edited":
      where.push(Prisma.sql`o."id" IS NOT NULL`);
      break;
  }
  if (q.due) {
    const before = q.due === "overdue" ? now : q.due === "today" ? endOfLocalDay(now, settings.timeZone, settings.dayStartHour) : new Date(now.getTime() + 7 * 86_400_000);
    where.push(Prisma.sql`s."state" <> 0 AND s."due" <= ${before}`);
  }
  const order = {
    position: Prisma.sql`d."createdAt", d."id", c."position", c."id"`,
    due: Prisma.sql`CASE WHEN s."due" IS NULL OR s."state" = 0 THEN 1 ELSE 0 END, s."due", c."id"`,
    prompt: Prisma.sql`LOWER(COALESCE(o."prompt", c."prompt")), c."id"`,
    lapses: Prisma.sql`COALESCE(s."lapses", 0) DESC, c."id"`,
  }[q.sort ?? "position"];
  const from = Prisma.sql`FROM "Card" c
    JOIN "Document" d ON d."id" = c."documentId"
    JOIN "Fact" f ON f."id" = c."factId"
    LEFT JOIN "CardState" s ON s."cardId" = c."id" AND s."userId" = ${userId}
    LEFT JOIN "CardOverride" o ON o."cardId" = c."id" AND o."userId" = ${userId}
    WHERE ${Prisma.join(where, " AND ")}`;
  const [{ n }] = await db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n ${from}`;
  const total = Number(n);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(q.page ?? 1)), pages);
  const rows = await db.$queryRaw<
    { id: string; prompt: string; answer: string; type: string; kind: string; documentId: string; documentTitle: string; ownerId: string | null; state: number | bigint | null; due: Date | string | null; lapses: number | bigint | null; suspended: boolean | number | null; leech: boolean | number | null; buriedUntil: Date | string | null; edited: number | bigint }[]
  >`SELECT c."id", COALESCE(o."prompt", c."prompt") AS "prompt", COALESCE(o."answer", c."answer") AS "answer", c."type", f."kind",
      c."documentId", d."title" AS "documentTitle", d."ownerId", s."state", s."due", s."lapses", s."suspended", s."leech", s."buriedUntil",
      CASE WHEN o."id" IS NULL THEN 0 ELSE 1 END AS "edited"
    ${from}
    ORDER BY ${order}
    LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`;
  return {
    total,
    page,
    pages,
    cards: rows.map((r) => ({
      id: r.id,
      prompt: r.prompt,
      answer: r.answer,
      type: r.type,
      kind: r.kind,
      documentId: r.documentId,
      documentTitle: r.documentTitle,
      mine: r.ownerId === userId,
      state: r.state === null ? null : Number(r.state),
      due: r.due === null || r.state === null || Number(r.state) === 0 ? null : new Date(r.due),
      lapses: Number(r.lapses ?? 0),
      suspended: Boolean(r.suspended),
      leech: Boolean(r.leech),
      buried: r.buriedUntil !== null && new Date(r.buriedUntil) > now,
      edited: Number(r.edited) === 1,
    })),
  };
}

/** The documents and decks, and the fact kinds, the browser's filters offer this learner. */
export async function browserFacets(userId: string): Promise<{ documents: { id: string; title: string }[]; kinds: string[] }> {
  const [documents, kinds] = await Promise.all([
    db.document.findMany({ where: { OR: [{ ownerId: null }, { ownerId: userId }] }, orderBy: [{ title: "asc" }, { id: "asc" }], select: { id: true, title: true } }),
    db.fact.findMany({ where: { document: { OR: [{ ownerId: null }, { ownerId: userId }] } }, distinct: ["kind"], select: { kind: true }, orderBy: { kind: "asc" } }),
  ]);
  return { documents, kinds: kinds.map((k) => k.kind) };
}

/**
 * Deletes the given cards of the learner's own documents and decks (with their
 * states and history, by cascade). Cards of the shipped library or of another
 * learner are never deleted: they are counted as refused.
 */
export async function deleteOwnCards(userId: string, cardIds: string[]): Promise<{ deleted: number; refused: number }> {
  const { count } = await db.card.deleteMany({ where: { id: { in: cardIds }, document: { ownerId: userId } } });
  return { deleted: count, refused: cardIds.length - count };
}
