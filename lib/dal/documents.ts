import "server-only";
import { db } from "@/lib/db";
import type { Generated } from "@/lib/extract/types";
import { visibleDocuments } from "./visibility";
import { saveGenerated } from "./save-generated";
import { NotFoundError } from "./errors";

export interface DocumentSummary {
  id: string;
  title: string;
  source: string | null;
  publishedAt: Date | null;
  mine: boolean;
  cards: number;
}

export async function listDocuments(userId: string): Promise<DocumentSummary[]> {
  const rows = await db.document.findMany({
    where: visibleDocuments(userId),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, title: true, source: true, publishedAt: true, ownerId: true, _count: { select: { cards: true } } },
  });
  return rows.map((r) => ({ id: r.id, title: r.title, source: r.source, publishedAt: r.publishedAt, mine: r.ownerId === userId, cards: r._count.cards }));
}

export interface NewDocument {
  title: string;
  publishedAt: Date | null;
  text: string;
  contentHash: string;
}

/** Stores a user's document with the cards they kept, in one transaction. */
export async function createUserDocument(userId: string, doc: NewDocument, generated: Generated): Promise<{ id: string; cards: number }> {
  return db.$transaction(async (tx) => {
    const row = await tx.document.create({
      data: { ownerId: userId, title: doc.title, publishedAt: doc.publishedAt, text: doc.text, contentHash: doc.contentHash, source: "uploaded" },
      select: { id: true },
    });
    await saveGenerated(tx, row.id, generated, { replace: false });
    return { id: row.id, cards: generated.cards.length };
  });
}

export interface DocumentView {
  id: string;
  title: string;
  source: string | null;
  publishedAt: Date | null;
  text: string;
  /** text: cards generated from `text`; deck: cards without a source text (an imported Anki deck). */
  kind: string;
  mine: boolean;
  facts: { id: string; kind: string; answer: string; start: number; end: number; cards: { id: string; type: string; prompt: string; answer: string }[] }[];
}

/** One document the user may see, with its facts and cards; NotFoundError otherwise. */
export async function getDocument(userId: string, documentId: string): Promise<DocumentView> {
  const row = await db.document.findFirst({
    where: { id: documentId, ...visibleDocuments(userId) },
    select: {
      id: true,
      title: true,
      source: true,
      publishedAt: true,
      text: true,
      kind: true,
      ownerId: true,
      facts: {
        orderBy: { start: "asc" },
        select: { id: true, kind: true, answer: true, start: true, end: true, cards: { orderBy: { position: "asc" }, select: { id: true, type: true, prompt: true, answer: true } } },
      },
    },
  });
  if (!row) throw new NotFoundError("document");
  const { ownerId, ...rest } = row;
  return { ...rest, mine: ownerId === userId };
}

/** Deletes one of the user's own documents with its cards and their review history. */
export async function deleteUserDocument(userId: string, documentId: string): Promise<void> {
  const { count } = await db.document.deleteMany({ where: { id: documentId, ownerId: userId } });
  if (count === 0) throw new NotFoundError("document");
}
