import { generatorParameters, type FSRSParameters, type StepUnit } from "ts-fsrs";

/** The per-user scheduling settings that shape FSRS (a subset of the User row). */
export interface SchedulerSettings {
  desiredRetention: number;
  maxInterval: number;
  learningSteps: string; // "1m 10m"
  relearningSteps: string; // "10m"
  enableFuzz: boolean;
  fsrsParams: string | null; // JSON array of weights, null = defaults
  /**
   * The learner's clock: IANA time zone and the local hour their day starts
   * (Anki's "next day starts at"). FSRS counts elapsed days and intervals in
   * these local days, not UTC dates (fsrs-rs#237; docs/decisions/006).
   */
  timeZone: string;
  dayStartHour: number;
}

export const DEFAULT_SETTINGS: SchedulerSettings = {
  desiredRetention: 0.9,
  maxInterval: 36500,
  learningSteps: "1m 10m",
  relearningSteps: "10m",
  enableFuzz: true,
  fsrsParams: null,
  timeZone: "UTC",
  dayStartHour: 4,
};

const STEP = /^(\d+(?:\.\d+)?)(m|h|d)$/;

/**
 * Parses "1m 10m 1h" (positive numbers of minutes, hours or days, separated
 * by white space) into ts-fsrs steps; "" is no steps. Throws an Error naming
 * the first bad step on anything else.
 */
export function parseSteps(text: string): StepUnit[] {
  const parts = text.match(/\S+/g) ?? [];
  return parts.map((part) => {
    const m = STEP.exec(part);
    if (!m || Number(m[1]) <= 0) throw new Error(`Invalid step "${part}": use numbers with m, h or d, like "1m 10m".`);
    return part as StepUnit;
  });
}

/** The ts-fsrs parameters of these settings: the learner's own weights when they saved some, else ts-fsrs's FSRS-6 defaults. */
export function toFsrsParameters(s: SchedulerSettings): FSRSParameters {
  return generatorParameters({
    request_retention: s.desiredRetention,
    maximum_interval: s.maxInterval,
    enable_fuzz: s.enableFuzz,
    enable_short_term: true,
    learning_steps: parseSteps(s.learningSteps),
    relearning_steps: parseSteps(s.relearningSteps),
    ...(s.fsrsParams ? { w: JSON.parse(s.fsrsParams) as number[] } : {}),
  });
}

/** The forgetting curve's decay for these settings (FSRS-6 weight w[20]): the user's own after optimization. */
export function decayOf(s: SchedulerSettings): number {
  return toFsrsParameters(s).w[20];
}
