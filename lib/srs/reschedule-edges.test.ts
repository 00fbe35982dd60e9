// The edges of rescheduling (lib/srs/reschedule.ts): which histories are
// replayed, what is kept from the stored state, and how moves are counted.
import { describe, expect, it } from "vitest";
import { State } from "ts-fsrs";
import { newMemoryState, type GradeName } from "./scheduler";
import { DEFAULT_SETTINGS } from "./settings";
import { paramsInUse } from "./optimizer";
import { planReschedule, previewReschedule, rescheduleCard, type RescheduleCard } from "./reschedule";
import { DAY, graded, REVIEW_PATH, T0, UTC } from "@/tests/support/graded-card";

const strict = { ...DEFAULT_SETTINGS, desiredRetention: 0.95 };

const PATH: [GradeName, number][] = [...REVIEW_PATH, ["good", 30]];

describe("rescheduleCard: the history replayed", () => {
  it("without a history and with the settings unchanged, moves nothing: the fallback fuzzes with the seed of the card's last answer", () => {
    for (const id of ["a", "b", "c", "d", "e", "f"]) {
      const card = graded(id, PATH);
      expect(rescheduleCard({ ...card, logs: [] }, DEFAULT_SETTINGS)).toBeNull();
    }
  });

  it("reads the logs in time order whatever order they come in", () => {
    const card = graded("c", PATH);
    const shuffled = { ...card, logs: [card.logs[3], card.logs[0], card.logs[4], card.logs[2], card.logs[1]] };
    expect(rescheduleCard(shuffled, DEFAULT_SETTINGS)).toBeNull();
    expect(rescheduleCard(shuffled, strict)).toEqual(rescheduleCard(card, strict));
  });

  it("replays every grade, Again to Easy", () => {
    const card = graded("c", [["again", 0], ["easy", 0.01], ["again", 9], ["good", 9.01], ["easy", 14], ["hard", 40]]);
    expect(card.memory.state).toBe(State.Review);
    expect(rescheduleCard(card, DEFAULT_SETTINGS)).toBeNull();
    const moved = rescheduleCard(card, strict)!;
    expect(moved.due).toEqual(graded("c", [["again", 0], ["easy", 0.01], ["again", 9], ["good", 9.01], ["easy", 14], ["hard", 40]], strict).memory.due);
  });

  it("skips logs that are not grades (an imported Anki manual reschedule has rating 0, nothing has 5)", () => {
    const card = graded("c", PATH);
    const manual = { rating: 0, state: State.Review, review: new Date(T0.getTime() + 20 * DAY) };
    const bogus = { rating: 5, state: State.Review, review: new Date(T0.getTime() + 21 * DAY) };
    const withManual = { ...card, logs: [...card.logs, manual, bogus] };
    expect(rescheduleCard(withManual, DEFAULT_SETTINGS)).toBeNull();
    expect(rescheduleCard(withManual, strict)).toEqual(rescheduleCard(card, strict));
  });

  it("leaves a card whose replay no longer ends in review (learning steps added since) to its next grade", () => {
    const noSteps = { ...DEFAULT_SETTINGS, learningSteps: "" };
    const card = graded("c", [["good", 0]], noSteps);
    expect(card.memory.state).toBe(State.Review);
    expect(rescheduleCard(card, { ...DEFAULT_SETTINGS, learningSteps: "1m 10m", desiredRetention: 0.95 })).toBeNull();
    // With the same steps it was graded with, the replay ends in review and the card moves.
    expect(rescheduleCard(card, { ...noSteps, desiredRetention: 0.95 })).not.toBeNull();
  });

  it("a history with no start as a new card (imported mid-way) is treated as no history", () => {
    const card = graded("c", PATH);
    const midway = { ...card, logs: card.logs.filter((l) => l.state !== State.New) };
    expect(midway.logs).toHaveLength(PATH.length - 1);
    const lenient = { ...DEFAULT_SETTINGS, desiredRetention: 0.8 };
    expect(rescheduleCard(midway, lenient)).toEqual(rescheduleCard({ ...card, logs: [] }, lenient));
    expect(rescheduleCard(midway, DEFAULT_SETTINGS)).toBeNull();
  });

  it("never moves a learning or relearning card, even one without logs", () => {
    const learning = graded("l", [["good", 0]]);
    const relearning = graded("r", [...PATH, ["again", 60]]);
    expect(rescheduleCard({ ...learning, logs: [] }, strict)).toBeNull();
    expect(rescheduleCard({ ...relearning, logs: [] }, strict)).toBeNull();
  });

  it("leaves a card alone when its logs stop before its last review (the replay would end elsewhere)", () => {
    const card = graded("c", PATH);
    expect(rescheduleCard({ ...card, logs: card.logs.slice(0, -1) }, strict)).toBeNull();
  });

  it("keeps the stored review and lapse counts (an imported card may have had reviews its log lacks)", () => {
    const card = graded("c", PATH);
    const imported = { ...card, memory: { ...card.memory, reps: 40, lapses: 6 } };
    const moved = rescheduleCard(imported, strict)!;
    expect(moved.reps).toBe(40);
    expect(moved.lapses).toBe(6);
    expect(moved.state).toBe(State.Review);
  });

  it("moves a card whose due date stays but whose memory changed (the new stability is stored)", () => {
    const card = graded("c", PATH);
    const w = paramsInUse(DEFAULT_SETTINGS).map((x, i) => (i === 8 ? x * 1.001 : x));
    const moved = rescheduleCard(card, { ...DEFAULT_SETTINGS, fsrsParams: JSON.stringify(w) })!;
    expect(moved).not.toBeNull();
    expect(moved.due).toEqual(card.memory.due);
    expect(moved.stability).not.toBe(card.memory.stability);
    // Counted as moved, but neither earlier nor later.
    const plan = planReschedule([card], { ...DEFAULT_SETTINGS, fsrsParams: JSON.stringify(w) });
    expect(plan).toMatchObject({ reviewCards: 1, earlier: 0, later: 0 });
    expect(plan.moves).toHaveLength(1);
  });
});

describe("previewReschedule: the load of the coming days", () => {
  const now = new Date(T0.getTime() + 35 * DAY);

  it("counts review and learning cards, not new or suspended ones, over 30 days unless told otherwise", () => {
    const cards: RescheduleCard[] = [
      graded("a", PATH),
      graded("l", [["again", 35]]), // learning, due in a minute: today
      { id: "n", cardId: "n", memory: newMemoryState(T0), suspended: false, logs: [] },
      { ...graded("s", PATH), suspended: true },
    ];
    const p = previewReschedule(cards, DEFAULT_SETTINGS, UTC, now);
    expect(p.load).toHaveLength(30);
    expect(p.load[0]).toEqual({ day: "2026-02-09", before: 1, after: 1 });
    expect(p.reviewCards).toBe(2);
    // Card "a" is due about 100 days out: beyond the default 30 days, within 200.
    expect(p.load.reduce((s, d) => s + d.before, 0)).toBe(1);
    const long = previewReschedule(cards, DEFAULT_SETTINGS, UTC, now, 200);
    expect(long.load).toHaveLength(200);
    expect(long.load.reduce((s, d) => s + d.before, 0)).toBe(2);
  });

  it("counts a later move as later, in the plan and the preview", () => {
    const lenient = { ...DEFAULT_SETTINGS, desiredRetention: 0.8 };
    const p = previewReschedule([graded("a", PATH)], lenient, UTC, now);
    expect(p).toMatchObject({ moved: 1, earlier: 0, later: 1, reviewCards: 1 });
  });
});
