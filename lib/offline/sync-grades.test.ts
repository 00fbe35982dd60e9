import { describe, expect, it } from "vitest";
import { describeSync, syncGrades, type SendOutcome } from "./sync-grades";
import type { WaitingGrade } from "./offline-queue";

const grade = (cardId: string, attempts = 0): WaitingGrade => ({ userId: "u1", cardId, version: 0, grade: "good", durationMs: 1000, gradedAt: "2026-11-29T08:00:00.000Z", attempts });

function run(grades: WaitingGrade[], answers: Record<string, SendOutcome>) {
  const sent: string[] = [];
  const removed: string[] = [];
  const retried: WaitingGrade[] = [];
  const promise = syncGrades(
    grades,
    async (g) => {
      sent.push(g.cardId);
      return answers[g.cardId] ?? { kind: "applied" };
    },
    async (g) => void removed.push(g.cardId),
    async (g) => void retried.push(g),
  );
  return promise.then((report) => ({ report, sent, removed, retried }));
}

describe("syncGrades", () => {
  it("sends every grade once, in order, and removes each answered one", async () => {
    const { report, sent, removed } = await run([grade("a"), grade("b"), grade("c")], {});
    expect(sent).toEqual(["a", "b", "c"]);
    expect(removed).toEqual(["a", "b", "c"]);
    expect(report).toEqual({ applied: 3, notApplied: [], waiting: 0, stopped: null });
    expect(describeSync(report)).toBe("3 grades synced.");
  });

  it("stops at the first unanswered grade, keeps it and the rest, and counts the attempt", async () => {
    const { report, sent, removed, retried } = await run([grade("a"), grade("b"), grade("c")], { b: { kind: "unreachable", message: "No network." } });
    expect(sent).toEqual(["a", "b"]);
    expect(removed).toEqual(["a"]);
    expect(retried.map((g) => [g.cardId, g.attempts])).toEqual([["b", 1]]);
    expect(report).toMatchObject({ applied: 1, waiting: 2, stopped: "No network." });
  });

  it("reports a grade made on a card changed since as not applied", async () => {
    const { report, removed } = await run([grade("a"), grade("b")], { a: { kind: "duplicate" } });
    expect(removed).toEqual(["a", "b"]);
    expect(report.applied).toBe(1);
    expect(report.notApplied).toEqual([{ cardId: "a", why: "the card was reviewed elsewhere first" }]);
    expect(describeSync(report)).toBe("1 grade synced; 1 not applied (the card was reviewed elsewhere first).");
  });

  it("counts a duplicate after an unanswered send as applied: that send reached the server", async () => {
    const { report } = await run([grade("a", 1)], { a: { kind: "duplicate" } });
    expect(report).toMatchObject({ applied: 1, notApplied: [] });
  });

  it("reports a refused grade and goes on", async () => {
    const { report, sent } = await run([grade("a"), grade("b")], { a: { kind: "refused", message: "the card no longer exists" } });
    expect(sent).toEqual(["a", "b"]);
    expect(report.notApplied).toEqual([{ cardId: "a", why: "the card no longer exists" }]);
  });
});
