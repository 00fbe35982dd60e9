// The cards a learner's device keeps for offline review (lib/dal/offline-pack.ts):
// the same cards the review queue would show today, nobody else's.
import { describe, expect, it } from "vitest";
import { getOfflinePack } from "@/lib/dal/offline-pack";
import { getReviewQueue } from "@/lib/dal/review";
import { gradeCard } from "@/lib/dal/grading";
import { makePrivateCard, makeUser } from "../support/factories";

const NOW = new Date("2026-03-02T10:00:00.000Z");

describe("getOfflinePack", () => {
  it("holds the learner's own due and new cards, with the version each grade must name, and no other learner's", async () => {
    const me = await makeUser("offline-me");
    const other = await makeUser("offline-other");
    const mine = await makePrivateCard(me);
    const theirs = await makePrivateCard(other);

    const pack = await getOfflinePack(me, NOW);
    expect(pack.userId).toBe(me);
    const ids = pack.cards.map((c) => c.cardId);
    expect(ids).toContain(mine.cardId);
    expect(ids).not.toContain(theirs.cardId);
    const card = pack.cards.find((c) => c.cardId === mine.cardId)!;
    expect(card).toMatchObject({ version: 0, isNew: true });
    expect(card.factId).toEqual(expect.any(String));
    expect(card.previews.map((p) => p.name)).toEqual(["again", "hard", "good", "easy"]);
    // The pack starts where the queue starts.
    expect(pack.cards[0].cardId).toBe((await getReviewQueue(me, NOW)).next?.cardId);
  });

  it("leaves out a card graded today that is not due again yet, and counts the new cards left", async () => {
    const me = await makeUser("offline-graded");
    const { cardId } = await makePrivateCard(me);
    const before = await getOfflinePack(me, NOW);
    const outcome = await gradeCard(me, { cardId, version: 0, grade: "easy" }, NOW);
    expect(outcome.status).toBe("applied");
    const after = await getOfflinePack(me, NOW);
    expect(after.cards.map((c) => c.cardId)).not.toContain(cardId);
    expect(after.newLeft).toBe(before.newLeft - 1);
  });
});
