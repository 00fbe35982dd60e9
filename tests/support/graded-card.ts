// Cards graded through the app's own scheduler, for the rescheduling tests
// (lib/srs/reschedule.test.ts, lib/srs/reschedule-edges.test.ts).
import { applyGrade, newMemoryState, type GradeName, type MemoryState } from "@/lib/srs/scheduler";
import { DEFAULT_SETTINGS, type SchedulerSettings } from "@/lib/srs/settings";
import type { RescheduleCard, RescheduleLog } from "@/lib/srs/reschedule";

/** When every graded card is created: Monday 5 January 2026, 09:00 UTC. */
export const T0 = new Date("2026-01-05T09:00:00Z");
export const DAY = 86_400_000;
/** A learner in UTC whose day starts at 04:00. */
export const UTC = { timeZone: "UTC", dayStartHour: 4 };

/**
 * A card created at T0 and given `grades` ([grade, days after T0], in order)
 * with `settings`: its stored memory state and its review logs. `id` is both
 * the state's and the card's id, and seeds the scheduler's fuzz.
 */
export function graded(id: string, grades: [GradeName, number][], settings: SchedulerSettings = DEFAULT_SETTINGS): RescheduleCard {
  let memory: MemoryState = newMemoryState(T0);
  const logs: RescheduleLog[] = [];
  for (const [grade, day] of grades) {
    const at = new Date(T0.getTime() + day * DAY);
    const r = applyGrade(memory, grade, settings, at, id);
    logs.push({ rating: r.log.rating, state: r.log.state, review: at });
    memory = r.memory;
  }
  return { id, cardId: id, memory, suspended: false, logs };
}

/** Good on the day a card is created, again 15 minutes later, then after 3 and 12 days: a card in review. */
export const REVIEW_PATH: [GradeName, number][] = [
  ["good", 0],
  ["good", 0.01],
  ["good", 3],
  ["good", 12],
];
