import { describe, expect, it } from "vitest";
import type { OfflineCard, OfflinePack } from "@/lib/dal/offline-pack";
import { offlineQueue } from "./offline-queue";

const card = (cardId: string, factId: string, isNew: boolean): OfflineCard => ({
  cardId,
  factId,
  isNew,
  stage: isNew ? "new" : "review",
  version: isNew ? 0 : 3,
  type: "cloze",
  kind: "date",
  prompt: `prompt ${cardId}`,
  answer: "2019",
  edited: false,
  source: "source",
  documentTitle: "doc",
  previews: [],
});

const pack = (cards: OfflineCard[], newLeft: number): OfflinePack => ({ userId: "u1", madeAt: "2026-11-29T08:00:00.000Z", cards, newLeft });

describe("offlineQueue", () => {
  it("shows reviews in the pack's order, then new cards", () => {
    const q = offlineQueue(pack([card("r1", "f1", false), card("r2", "f2", false), card("n1", "f3", true)], 5), []);
    expect(q.next?.cardId).toBe("r1");
    expect(q.remaining).toEqual({ new: 1, learning: 0, reviews: 2 });
  });

  it("skips cards graded offline and moves on", () => {
    const q = offlineQueue(pack([card("r1", "f1", false), card("r2", "f2", false)], 0), [{ cardId: "r1" }]);
    expect(q.next?.cardId).toBe("r2");
    expect(q.remaining).toEqual({ new: 0, learning: 0, reviews: 1 });
  });

  it("holds the siblings of a card graded offline, and keeps one card per fact", () => {
    const cards = [card("n1", "f1", true), card("n2", "f1", true), card("n3", "f2", true), card("n4", "f2", true)];
    expect(offlineQueue(pack(cards, 10), []).remaining.new).toBe(2);
    const q = offlineQueue(pack(cards, 10), [{ cardId: "n1" }]);
    expect(q.next?.cardId).toBe("n3");
    expect(q.remaining.new).toBe(1);
  });

  it("stops new cards at the day's allowance, counting those started offline", () => {
    const cards = [card("n1", "f1", true), card("n2", "f2", true), card("n3", "f3", true)];
    expect(offlineQueue(pack(cards, 2), []).remaining.new).toBe(2);
    const q = offlineQueue(pack(cards, 2), [{ cardId: "n1" }, { cardId: "n2" }]);
    expect(q.next).toBeNull();
    expect(q.remaining).toEqual({ new: 0, learning: 0, reviews: 0 });
  });
});
