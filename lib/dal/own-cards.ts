import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { NotFoundError } from "./errors";

export type OwnCardInput =
  | { type: "question" | "typed"; front: string; back: string }
  /** A cloze: the sentence, and the part of it to hide (its first occurrence becomes "____"). */
  | { type: "cloze"; sentence: string; answer: string };

export class OwnCardError extends Error {}

/**
 * Adds a card written by the learner to one of their own documents or decks
 * (never the shipped library's or another learner's: NotFoundError). A cloze
 * hides the first occurrence of `answer` in `sentence` (OwnCardError when it
 * is not there). The card is new for the learner, like any other.
 */
export async function addOwnCard(userId: string, documentId: string, input: OwnCardInput): Promise<{ cardId: string }> {
  let prompt: string;
  let answer: string;
  let sentence: string;
  if (input.type === "cloze") {
    const at = input.sentence.indexOf(input.answer);
    if (at < 0) throw new OwnCardError("The answer must be a part of the sentence, written the same way.");
    prompt = `${input.sentence.slice(0, at)}____${input.sentence.slice(at + input.answer.length)}`;
    answer = input.answer;
    sentence = input.sentence;
  } else {
    prompt = input.front;
    answer = input.back;
    sentence = `${input.front}\n${input.back}`;
  }
  return db.$transaction(async (tx) => {
    const doc = await tx.document.findFirst({ where: { id: documentId, ownerId: userId }, select: { id: true } });
    if (!doc) throw new NotFoundError("document");
    const last = await tx.card.findFirst({ where: { documentId }, orderBy: { position: "desc" }, select: { position: true } });
    const position = (last?.position ?? -1) + 1;
    const key = `own:${randomUUID()}`;
    const fact = await tx.fact.create({ data: { documentId, key, kind: "note", answer, sentence, start: 0, end: sentence.length, position }, select: { id: true } });
    const card = await tx.card.create({ data: { documentId, factId: fact.id, key, type: input.type, prompt, answer, trueStatement: "", position }, select: { id: true } });
    return { cardId: card.id };
  });
}

/** Renames one of the learner's own documents or decks ("A::B" names nest, as in Anki). */
export async function renameDocument(userId: string, documentId: string, title: string): Promise<void> {
  const { count } = await db.document.updateMany({ where: { id: documentId, ownerId: userId }, data: { title } });
  if (count === 0) throw new NotFoundError("document");
}

/** What deleting one of the learner's documents or decks would delete, to say before they confirm. */
export async function documentDeletionImpact(userId: string, documentId: string): Promise<{ cards: number; reviews: number; studied: number }> {
  const doc = await db.document.findFirst({ where: { id: documentId, ownerId: userId }, select: { id: true, _count: { select: { cards: true } } } });
  if (!doc) throw new NotFoundError("document");
  const [reviews, studied] = await Promise.all([
    db.reviewLog.count({ where: { userId, card: { documentId } } }),
    db.cardState.count({ where: { userId, card: { documentId } } }),
  ]);
  return { cards: doc._count.cards, reviews, studied };
}
