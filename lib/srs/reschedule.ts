// Rescheduling after a change of desired retention, maximum interval or FSRS
// parameters: each review card's memory state is rebuilt by replaying its
// review history with the settings now in force (through `applyGrade`), and
// its due date becomes what those settings give from its last review. Pure:
// lib/dal/settings.ts loads the cards and writes the moves.
// Why a replay and not "new retention on the stored stability": decision 008.

import { fsrs, Rating, State, type Grade } from "ts-fsrs";
import { forecast, type ForecastDay } from "@/lib/progress/forecast";
import { localDay } from "@/lib/progress/local-day";
import { applyGrade, dueAfterDays, fuzzSeed, GRADES, newMemoryState, type MemoryState } from "./scheduler";
import { toFsrsParameters, type SchedulerSettings } from "./settings";

export interface RescheduleLog {
  rating: number;
  /** ts-fsrs state before the review. */
  state: number;
  review: Date;
}

export interface RescheduleCard {
  /** The caller's id for the move (the CardState row). */
  id: string;
  /** The card's id: it seeds the fuzz, as when the card was graded (lib/srs fuzzSeed). */
  cardId: string;
  memory: MemoryState;
  suspended: boolean;
  /** The card's review logs for this user, in any order. */
  logs: RescheduleLog[];
}

export interface Move {
  id: string;
  memory: MemoryState;
}

/**
 * The card's state under `settings`, or null when it stays as it is. Only
 * cards in review move: learning and relearning cards follow their steps, and
 * take the new settings at their next grade.
 */
export function rescheduleCard(card: RescheduleCard, settings: SchedulerSettings): MemoryState | null {
  const { memory } = card;
  if (memory.state !== State.Review || !memory.lastReview) return null;
  const history = sinceLastStart(card.logs);
  let next: MemoryState;
  if (history.length > 0) {
    // Replayed through the app's own scheduler, so that days are the learner's
    // local days and fuzz is seeded by card and review count, as when graded.
    let replayed = newMemoryState(history[0].review);
    for (const h of history) replayed = applyGrade(replayed, GRADES[h.rating - 1].name, settings, h.review, card.cardId).memory;
    // A history that no longer ends in review (steps changed since) is left to its next grade.
    if (replayed.state !== State.Review || replayed.lastReview?.getTime() !== memory.lastReview.getTime()) return null;
    next = { ...replayed, reps: memory.reps, lapses: memory.lapses };
  } else {
    // No usable history (it should not happen: every grade is logged): keep the
    // memory state and give the new interval from it, fuzzed with the seed of
    // the card's last answer (Anki reschedules with reps - 1).
    const f = fsrs(toFsrsParameters(settings));
    f.seed = fuzzSeed(card.cardId, Math.max(0, memory.reps - 1));
    const days = f.next_interval(memory.stability, memory.elapsedDays);
    next = { ...memory, scheduledDays: days, due: dueAfterDays(memory.lastReview, days, settings) };
  }
  const same =
    next.due.getTime() === memory.due.getTime() && next.stability === memory.stability && next.difficulty === memory.difficulty && next.scheduledDays === memory.scheduledDays;
  return same ? null : next;
}

/** Grades since the card last started as new (a reset starts a fresh history), oldest first. */
function sinceLastStart(logs: readonly RescheduleLog[]): { rating: Grade; review: Date }[] {
  const sorted = logs.filter((l) => l.rating >= Rating.Again && l.rating <= Rating.Easy).sort((a, b) => a.review.getTime() - b.review.getTime());
  let start = -1;
  for (let i = sorted.length - 1; i >= 0; i--) {
    if (sorted[i].state === State.New) {
      start = i;
      break;
    }
  }
  return start < 0 ? [] : sorted.slice(start).map((l) => ({ rating: l.rating as Grade, review: l.review }));
}

export interface ReschedulePlan {
  moves: Move[];
  /** Cards in review considered (suspended included). */
  reviewCards: number;
  earlier: number;
  later: number;
}

export function planReschedule(cards: readonly RescheduleCard[], settings: SchedulerSettings): ReschedulePlan {
  const moves: Move[] = [];
  let earlier = 0;
  let later = 0;
  let reviewCards = 0;
  for (const card of cards) {
    if (card.memory.state === State.Review) reviewCards++;
    const next = rescheduleCard(card, settings);
    if (!next) continue;
    moves.push({ id: card.id, memory: next });
    if (next.due < card.memory.due) earlier++;
    else if (next.due > card.memory.due) later++;
  }
  return { moves, reviewCards, earlier, later };
}

export interface LoadDay {
  day: string;
  before: number;
  after: number;
}

export interface ReschedulePreview {
  moved: number;
  earlier: number;
  later: number;
  reviewCards: number;
  /** Reviews due on each of the next `days` local days (overdue ones count today), before and after. */
  load: LoadDay[];
}

/**
 * What rescheduling would do: how many cards move, and the review load of
 * the coming days before and after. Suspended cards move too, but they are
 * not reviewed, so they count in neither load.
 */
export function previewReschedule(
  cards: readonly RescheduleCard[],
  settings: SchedulerSettings,
  zone: { timeZone: string; dayStartHour: number },
  now: Date,
  days = 30,
): ReschedulePreview & { plan: ReschedulePlan } {
  const plan = planReschedule(cards, settings);
  const moved = new Map(plan.moves.map((m) => [m.id, m.memory.due]));
  const active = cards.filter((c) => !c.suspended && c.memory.state !== State.New);
  const today = localDay(now, zone.timeZone, zone.dayStartHour);
  const perDay = (due: (c: RescheduleCard) => Date) => {
    const counts = new Map<string, number>();
    for (const c of active) {
      const day = localDay(due(c), zone.timeZone, zone.dayStartHour);
      counts.set(day, (counts.get(day) ?? 0) + 1);
    }
    return forecast([...counts].map(([day, count]) => ({ day, count })), today, days);
  };
  const before: ForecastDay[] = perDay((c) => c.memory.due);
  const after: ForecastDay[] = perDay((c) => moved.get(c.id) ?? c.memory.due);
  return {
    plan,
    moved: plan.moves.length,
    earlier: plan.earlier,
    later: plan.later,
    reviewCards: plan.reviewCards,
    load: before.map((b, i) => ({ day: b.day, before: b.count, after: after[i].count })),
  };
}
