import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { CsvCardRow, CsvExportRow } from "@/lib/csv/cards-csv";
import { exportableCards } from "./export";

const STATE_NAMES = ["new", "learning", "review", "relearning"] as const;

/** Every card the learner can study, with their state, as rows for the CSV export. */
export async function csvExportRows(userId: string, now: Date): Promise<CsvExportRow[]> {
  const cards = await exportableCards(userId, now);
  return cards.map((c) => ({
    deck: c.deck,
    type: c.type,
    front: c.prompt,
    back: c.answer,
    tags: [...new Set([c.kind, ...c.tags].filter(Boolean))],
    state: STATE_NAMES[c.state?.state ?? 0] ?? "new",
    due: c.state && c.state.state !== 0 ? c.state.due : null,
    stability: c.state && c.state.state !== 0 ? c.state.stability : null,
    difficulty: c.state && c.state.state !== 0 ? c.state.difficulty : null,
    reps: c.state?.reps ?? 0,
    lapses: c.state?.lapses ?? 0,
    suspended: c.state?.suspended ?? false,
    buried: c.state?.buried ?? false,
    lastReview: c.logs.at(-1)?.review ?? null,
  }));
}

/**
 * Saves checked CSV rows as new front/back cards in the learner's deck named
 * `deckName` (their existing deck of that name, or a new one), in one
 * transaction. Returns the deck's id and how many cards were added.
 */
export async function saveCsvCards(userId: string, deckName: string, rows: CsvCardRow[]): Promise<{ documentId: string; cards: number }> {
  return db.$transaction(async (tx) => {
    const existing = await tx.document.findFirst({ where: { ownerId: userId, kind: "deck", title: deckName }, select: { id: true } });
    const documentId =
      existing?.id ??
      (await tx.document.create({ data: { ownerId: userId, kind: "deck", title: deckName, text: "", source: "CSV", contentHash: `csv:${randomUUID()}` }, select: { id: true } })).id;
    const start = await tx.card.count({ where: { documentId } });
    const facts = rows.map((r, i) => {
      const sentence = `${r.front}\n${r.back}`;
      return { id: randomUUID(), documentId, key: `csv:${randomUUID()}`, kind: "note", answer: r.back, sentence, start: 0, end: sentence.length, position: start + i, tags: JSON.stringify(r.tags) };
    });
    await tx.fact.createMany({ data: facts });
    await tx.card.createMany({
      data: rows.map((r, i) => ({ documentId, factId: facts[i]!.id, key: facts[i]!.key, type: "question", prompt: r.front, answer: r.back, trueStatement: "", position: start + i })),
    });
    return { documentId, cards: rows.length };
  });
}
