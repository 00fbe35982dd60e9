// A simulated learner, for the tests and `npm run bench:optimizer` (not
// shipped: lib/srs holds only the optimizer): someone whose memory follows
// FSRS with known weights, scheduled by the app with its defaults. The
// optimizer's tests check that a fit moves toward these weights.
import { forgetting_curve, type Grade } from "ts-fsrs";
import { localDay } from "@/lib/progress/local-day";
import { createRng } from "@/lib/seeded";
import { applyGrade, elapsedLocalDays, GRADES, newMemoryState, type LogEntry, type MemoryState } from "@/lib/srs/scheduler";
import { DEFAULT_SETTINGS, toFsrsParameters, type SchedulerSettings } from "@/lib/srs/settings";

/** A learner whose first memories are weaker and whose forgetting curve is steeper than FSRS's defaults. */
export const SYNTHETIC_LEARNER_PARAMS: readonly number[] = (() => {
  const w = [...toFsrsParameters(DEFAULT_SETTINGS).w];
  w[0] = 0.8;
  w[1] = 2.5;
  w[2] = 6;
  w[3] = 20;
  w[8] = 1.2;
  w[20] = 0.3;
  return w;
})();

export interface SimulatedReview extends LogEntry {
  /** Index of the simulated card (0, 1, 2, …). */
  card: number;
  day: string;
}

export interface SimulationOptions {
  reviews: number;
  seed: string;
  start: Date;
  trueParams?: readonly number[];
  newPerDay?: number;
  timeZone?: string;
  dayStartHour?: number;
  /** How the app schedules (the learner has not optimized yet: defaults). */
  settings?: SchedulerSettings;
}

const DAY_MS = 86_400_000;

/**
 * Exactly `reviews` review logs of a seeded learner: cards are introduced
 * `newPerDay` a day; each review is answered correctly with probability equal
 * to the card's retrievability under `trueParams` (a correct answer is Hard,
 * Good or Easy, a wrong one Again); reviews happen when the app schedules them,
 * some on time and some late. The logs are what the app would have stored.
 */
export function simulateLearner(opts: SimulationOptions): SimulatedReview[] {
  const rng = createRng(opts.seed);
  const newPerDay = opts.newPerDay ?? 10;
  const clock = { timeZone: opts.timeZone ?? "UTC", dayStartHour: opts.dayStartHour ?? 4 };
  const settings = { ...(opts.settings ?? DEFAULT_SETTINGS), ...clock };
  // The learner's real memory follows FSRS with the true weights, counting
  // days the way the app and the optimizer do (the learner's local days).
  const truth = { ...settings, fsrsParams: JSON.stringify(opts.trueParams ?? SYNTHETIC_LEARNER_PARAMS), enableFuzz: false };
  const trueDecay = (opts.trueParams ?? SYNTHETIC_LEARNER_PARAMS)[20];
  const horizon = opts.start.getTime() + 2 * 365 * DAY_MS;
  const out: SimulatedReview[] = [];

  for (let card = 0; out.length < opts.reviews; card++) {
    let at = new Date(opts.start.getTime() + Math.floor(card / newPerDay) * DAY_MS + rng() * 8 * 3_600_000);
    let app: MemoryState = newMemoryState(at);
    let mind: MemoryState = newMemoryState(at);
    const id = `simulated-${card}`;
    while (at.getTime() < horizon && out.length < opts.reviews) {
      const recall = app.reps === 0 ? null : forgetting_curve(trueDecay, elapsedLocalDays(mind, truth, at), mind.stability);
      const grade = answer(rng, recall);
      const { memory, log } = applyGrade(app, GRADES[grade - 1].name, settings, at, id);
      out.push({ ...log, card, day: localDay(at, clock.timeZone, clock.dayStartHour) });
      app = memory;
      mind = applyGrade(mind, GRADES[grade - 1].name, truth, at, id).memory;
      // Most reviews happen within hours of the due time; a third are late by up to half the interval.
      const wait = memory.due.getTime() - at.getTime();
      const late = rng() < 0.3 ? rng() * 0.5 * wait : rng() * 8 * 3_600_000;
      at = new Date(memory.due.getTime() + late);
    }
  }
  return out;
}

function answer(rng: () => number, retrievability: number | null): Grade {
  const u = rng();
  if (retrievability === null) return (u < 0.2 ? 1 : u < 0.3 ? 2 : u < 0.9 ? 3 : 4) as Grade;
  if (rng() >= retrievability) return 1 as Grade;
  return (u < 0.15 ? 2 : u < 0.9 ? 3 : 4) as Grade;
}
