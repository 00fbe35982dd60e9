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
  const text = q.text?.trim();
  const sort = q.sort ?? "position";
  // Phase 1 joins only what the filters and the order need, and counts with a
  // window function in the same pass: at 100,000 cards each join and each
  // extra pass costs (npm run bench:cards).
  const hasEdits = (text || q.state === "edited" || sort === "prompt") && (await db.cardOverride.count({ where: { userId } })) > 0;
  const needState = Boolean(q.state && q.state !== "edited") || Boolean(q.due) || sort === "due" || sort === "lapses";
  const prompt = hasEdits ? Prisma.sql`COALESCE(o."prompt", c."prompt")` : Prisma.sql`c."prompt"`;
  const answer = hasEdits ? Prisma.sql`COALESCE(o."answer", c."answer")` : Prisma.sql`c."answer"`;
  const where: Prisma.Sql[] = [visibleDocumentSql(userId)];
  if (text) {
    const pattern = containsPattern(text);
    where.push(Prisma.sql`(LOWER(${prompt}) LIKE ${pattern} ESCAPE '\\' OR LOWER(${answer}) LIKE ${pattern} ESCAPE '\\')`);
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
      where.push(hasEdits ? Prisma.sql`o."id" IS NOT NULL` : Prisma.sql`1 = 0`);
      break;
  }
  if (q.due) {
    const before = q.due === "overdue" ? now : q.due === "today" ? endOfLocalDay(now, settings.timeZone, settings.dayStartHour) : new Date(now.getTime() + 7 * 86_400_000);
    where.push(Prisma.sql`s."state" <> 0 AND s."due" <= ${before}`);
  }
  const order = {
    position: Prisma.sql`d."createdAt", d."id", c."position", c."id"`,
    due: Prisma.sql`CASE WHEN s."due" IS NULL OR s."state" = 0 THEN 1 ELSE 0 END, s."due", c."id"`,
    prompt: Prisma.sql`LOWER(${prompt}), c."id"`,
    lapses: Prisma.sql`COALESCE(s."lapses", 0) DESC, c."id"`,
  }[sort];
  const joins = [
    Prisma.sql`JOIN "Document" d ON d."id" = c."documentId"`,
    q.kind ? Prisma.sql`JOIN "Fact" f ON f."id" = c."factId"` : Prisma.empty,
    needState ? Prisma.sql`LEFT JOIN "CardState" s ON s."cardId" = c."id" AND s."userId" = ${userId}` : Prisma.empty,
    hasEdits ? Prisma.sql`LEFT JOIN "CardOverride" o ON o."cardId" = c."id" AND o."userId" = ${userId}` : Prisma.empty,
  ];
  const page = Math.max(1, Math.floor(q.page ?? 1));
  const idsAt = (p: number) => db.$queryRaw<{ id: string; total: number | bigint }[]>`
    SELECT c."id", COUNT(*) OVER () AS "total" FROM "Card" c ${Prisma.join(joins, " ")}
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY ${order}
    LIMIT ${PAGE_SIZE} OFFSET ${(p - 1) * PAGE_SIZE}`;
  let ids = await idsAt(page);
  let at = page;
  if (ids.length === 0 && page > 1) {
    // Past the last page (a stale link): count, then show the last page.
    const [{ n }] = await db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS n FROM "Card" c ${Prisma.join(joins, " ")} WHERE ${Prisma.join(where, " AND ")}`;
    at = Math.max(1, Math.ceil(Number(n) / PAGE_SIZE));
    ids = Number(n) > 0 ? await idsAt(at) : [];
  }
  const total = Number(ids[0]?.total ?? 0);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  // Phase 2: what the page shows, for its 50 cards only.
  const details = ids.length
    ? await db.card.findMany({
        where: { id: { in: ids.map((r) => r.id) } },
        select: {
          id: true,
          prompt: true,
          answer: true,
          type: true,
          documentId: true,
          fact: { select: { kind: true } },
          document: { select: { title: true, ownerId: true } },
          overrides: { where: { userId }, select: { prompt: true, answer: true } },
          states: { where: { userId }, select: { state: true, due: true, lapses: true, suspended: true, leech: true, buriedUntil: true } },
        },
      })
    : [];
  const byId = new Map(details.map((c) => [c.id, c]));
  return {
    total,
    page: at,
    pages,
    cards: ids.map(({ id }) => {
      const c = byId.get(id)!;
      const o = c.overrides[0];
      const st = c.states[0];
      return {
        id,
        prompt: o?.prompt ?? c.prompt,
        answer: o?.answer ?? c.answer,
        type: c.type,
        kind: c.fact.kind,
        documentId: c.documentId,
        documentTitle: c.document.title,
        mine: c.document.ownerId === userId,
        state: st?.state ?? null,
        due: st && st.state !== 0 ? st.due : null,
        lapses: st?.lapses ?? 0,
        suspended: st?.suspended ?? false,
        leech: st?.leech ?? false,
        buried: st?.buriedUntil != null && st.buriedUntil > now,
        edited: Boolean(o),
      };
    }),
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
