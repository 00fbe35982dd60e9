import "server-only";
import { db } from "@/lib/db";
import { writeApkg, type ExportCard } from "@/lib/anki/write-package";
import type { RevlogKind } from "@/lib/anki/replay";
import { visibleCards } from "./visibility";

/**
 * Every card this learner can study (the shipped library and their own
 * documents and decks), as they see it (their own edited wording wins), with
 * their state and review history. Other learners' states, logs and edits are
 * never read: every relation is filtered by userId.
 */
export async function exportableCards(userId: string, now: Date): Promise<ExportCard[]> {
  const rows = await db.card.findMany({
    where: visibleCards(userId),
    orderBy: [{ document: { createdAt: "asc" } }, { documentId: "asc" }, { position: "asc" }, { id: "asc" }],
    select: {
      id: true,
      type: true,
      prompt: true,
      answer: true,
      document: { select: { title: true, kind: true } },
      fact: { select: { sentence: true, kind: true, tags: true } },
      overrides: { where: { userId }, select: { prompt: true, answer: true } },
      states: {
        where: { userId },
        select: { state: true, due: true, scheduledDays: true, reps: true, lapses: true, stability: true, difficulty: true, suspended: true, buriedUntil: true },
      },
      logs: {
        where: { userId },
        orderBy: [{ review: "asc" }, { id: "asc" }],
        select: { review: true, rating: true, state: true, scheduledDays: true, elapsedDays: true, durationMs: true, kind: true },
      },
    },
  });
  return rows.map((r) => {
    const override = r.overrides[0];
    const s = r.states[0];
    return {
      id: r.id,
      // Anki deck names nest with "::"; a document title is one level.
      deck: r.document.kind === "deck" ? r.document.title : r.document.title.replace(/::/g, ":"),
      type: r.type,
      prompt: override?.prompt ?? r.prompt,
      answer: override?.answer ?? r.answer,
      source: r.document.kind === "deck" ? "" : r.fact.sentence,
      document: r.document.title,
      kind: r.fact.kind,
      tags: parseTags(r.fact.tags),
      state: s ? { ...s, buried: s.buriedUntil !== null && s.buriedUntil > now } : null,
      logs: r.logs.map((l) => ({ ...l, kind: (l.kind as RevlogKind | null) ?? null })),
    };
  });
}

function parseTags(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return [];
  }
}

/** The learner's cards as an Anki deck package (.apkg bytes); `scheduling` adds states and review history. */
export async function exportAnkiPackage(userId: string, opts: { scheduling: boolean; now?: Date }): Promise<Uint8Array> {
  const now = opts.now ?? new Date();
  return writeApkg(await exportableCards(userId, now), { scheduling: opts.scheduling, now });
}
