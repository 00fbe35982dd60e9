import { describe, expect, it } from "vitest";
import { State } from "ts-fsrs";
import { dueAfterDays, newMemoryState, type GradeName } from "./scheduler";
import { DEFAULT_SETTINGS } from "./settings";
import { paramsInUse } from "./optimizer";
import { planReschedule, previewReschedule, rescheduleCard } from "./reschedule";
import { DAY, graded, REVIEW_PATH, T0, UTC } from "@/tests/support/graded-card";

describe("rescheduleCard", () => {
  it("moves nothing when the settings are the ones the card was graded with (fuzz included)", () => {
    for (const [i, path] of [REVIEW_PATH, [["easy", 0], ["hard", 9], ["good", 20]] as [GradeName, number][]].entries()) {
      const card = graded(`c${i}`, path);
      expect(card.memory.state).toBe(State.Review);
      expect(rescheduleCard(card, DEFAULT_SETTINGS)).toBeNull();
    }
  });

  it("gives exactly the state the app would have reached had the new settings always been in force", () => {
    const card = graded("c", REVIEW_PATH);
    const strict = { ...DEFAULT_SETTINGS, desiredRetention: 0.95 };
    const moved = rescheduleCard(card, strict)!;
    const regraded = graded("c", REVIEW_PATH, strict).memory;
    expect(moved.due).toEqual(regraded.due);
    expect(moved.stability).toBeCloseTo(regraded.stability, 10);
    expect(moved.due.getTime()).toBeLessThan(card.memory.due.getTime());
    // Retention does not change what the learner remembers, only when to ask again.
    expect(moved.stability).toBeCloseTo(card.memory.stability, 10);
    expect(rescheduleCard(card, { ...DEFAULT_SETTINGS, desiredRetention: 0.8 })!.due.getTime()).toBeGreaterThan(card.memory.due.getTime());
  });

  it("rebuilds the memory state when the FSRS parameters change, which a retention-only recompute would miss", () => {
    const card = graded("c", REVIEW_PATH);
    const w = paramsInUse(DEFAULT_SETTINGS);
    w[2] *= 2; // a learner whose first "Good" lasts twice as long
    const optimized = { ...DEFAULT_SETTINGS, fsrsParams: JSON.stringify(w) };
    const moved = rescheduleCard(card, optimized)!;
    const regraded = graded("c", REVIEW_PATH, optimized).memory;
    expect(moved.stability).toBeCloseTo(regraded.stability, 10);
    expect(moved.due).toEqual(regraded.due);
    expect(moved.stability).toBeGreaterThan(card.memory.stability * 1.05);
    expect(moved.due.getTime()).toBeGreaterThan(card.memory.due.getTime());
    expect(moved.lastReview).toEqual(card.memory.lastReview);
    expect(moved.reps).toBe(card.memory.reps);
  });

  it("never moves new, learning or relearning cards", () => {
    const strict = { ...DEFAULT_SETTINGS, desiredRetention: 0.97 };
    const learning = graded("l", [["good", 0]]);
    const relearning = graded("r", [...REVIEW_PATH, ["again", 40]]);
    expect(learning.memory.state).toBe(State.Learning);
    expect(relearning.memory.state).toBe(State.Relearning);
    expect(rescheduleCard(learning, strict)).toBeNull();
    expect(rescheduleCard(relearning, strict)).toBeNull();
    expect(rescheduleCard({ id: "n", cardId: "n", memory: newMemoryState(T0), suspended: false, logs: [] }, strict)).toBeNull();
  });

  it("replays only the history since the card was last reset to new", () => {
    const before = graded("c", [["again", 0], ["again", 0.01], ["hard", 2], ["again", 5]]);
    const after = graded("c", REVIEW_PATH.map(([g, d]) => [g, d + 30]));
    // The stored state is the post-reset one; the log holds both histories.
    const card = { ...after, logs: [...before.logs, ...after.logs] };
    expect(rescheduleCard(card, DEFAULT_SETTINGS)).toBeNull();
    expect(rescheduleCard(card, { ...DEFAULT_SETTINGS, desiredRetention: 0.85 })!.due).toEqual(
      rescheduleCard(after, { ...DEFAULT_SETTINGS, desiredRetention: 0.85 })!.due,
    );
  });

  it("without a history, keeps the stored stability and gives the new interval from the last review", () => {
    const card = { ...graded("c", REVIEW_PATH), logs: [] };
    const moved = rescheduleCard(card, { ...DEFAULT_SETTINGS, desiredRetention: 0.8, enableFuzz: false })!;
    expect(moved.stability).toBe(card.memory.stability);
    expect(moved.due).toEqual(dueAfterDays(card.memory.lastReview!, moved.scheduledDays, DEFAULT_SETTINGS));
    expect(moved.scheduledDays).toBeGreaterThan(card.memory.scheduledDays);
  });
});

describe("previewReschedule", () => {
  const now = new Date(T0.getTime() + 20 * DAY);
  const cards = [
    graded("a", REVIEW_PATH), // due some days after day 12
    graded("b", [["easy", 0], ["good", 10]]),
    { ...graded("s", REVIEW_PATH), suspended: true },
    graded("l", [["again", 20]]), // learning, due within minutes: today
  ];

  it("counts the moves and the load of each coming day, before and after", () => {
    const strict = { ...DEFAULT_SETTINGS, desiredRetention: 0.97 };
    const p = previewReschedule(cards, strict, UTC, now);
    expect(p.load).toHaveLength(30);
    expect(p.load[0].day).toBe("2026-01-25");
    expect(p.reviewCards).toBe(3);
    expect(p.moved).toBe(3); // the suspended card moves too
    expect(p.earlier).toBe(3);
    // Suspended cards are not in the load; the learning card is due today either way.
    const total = (k: "before" | "after") => p.load.reduce((s, d) => s + d[k], 0);
    expect(total("after")).toBe(3);
    expect(p.load[0].before).toBeGreaterThanOrEqual(1);
    // Due dates pulled into the past land on today rather than vanishing.
    expect(p.load[0].after).toBe(total("after") - p.load.slice(1).reduce((s, d) => s + d.after, 0));
    expect(p.plan.moves.map((m) => m.id).sort()).toEqual(["a", "b", "s"]);
  });

  it("shows no move and identical loads when nothing changed", () => {
    const p = previewReschedule(cards, DEFAULT_SETTINGS, UTC, now);
    expect(p.moved).toBe(0);
    expect(p.load.every((d) => d.before === d.after)).toBe(true);
  });

  it("plans the same moves as the preview shows", () => {
    const lenient = { ...DEFAULT_SETTINGS, desiredRetention: 0.75 };
    expect(planReschedule(cards, lenient).moves).toEqual(previewReschedule(cards, lenient, UTC, now).plan.moves);
    expect(planReschedule(cards, lenient).later).toBe(3);
  });
});
