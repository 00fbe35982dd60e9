import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importAnkiPackage, type ImportPhase } from "@/lib/dal/anki-import";
import { makeUser } from "../support/factories";
import { buildApkg } from "../support/anki-package";

describe("a 50,000-note package", () => {
  it("imports whole, on the worker thread, reporting progress through every phase", { timeout: 300_000 }, async () => {
    const notes = Array.from({ length: 50_000 }, (_, i) => ({
      mid: (i % 5 === 0 ? "reversed" : "basic") as "basic" | "reversed",
      fields: [`Question <b>${i}</b>`, `Answer ${i}<br>second line`],
      tags: [`t${i % 20}`],
      deck: `Big::Part ${i % 10}`,
      reviews: i % 10 === 0 ? ([[Date.parse("2025-01-01T09:00:00Z") + i * 1000, 3]] as [number, number][]) : [],
    }));
    const user = await makeUser("big");
    const seen: { phase: ImportPhase; fraction: number }[] = [];
    const summary = await importAnkiPackage(user, buildApkg(notes), { offThread: true, onProgress: (phase, fraction) => seen.push({ phase, fraction }) });
    expect(summary).toMatchObject({ notes: 50_000, cards: 60_000, reviewLogs: 5_000, decks: 10 });
    expect(await db.card.count({ where: { document: { ownerId: user } } })).toBe(60_000);
    expect(await db.reviewLog.count({ where: { userId: user } })).toBe(5_000);
    expect([...new Set(seen.map((s) => s.phase))]).toEqual(["reading", "converting", "saving"]);
    const saving = seen.filter((s) => s.phase === "saving").map((s) => s.fraction);
    expect(saving.length).toBeGreaterThan(10);
    expect(saving.every((f, i) => i === 0 || f >= saving[i - 1]!)).toBe(true);
    expect(saving.at(-1)).toBe(1);
  });
});
