import type { MemoryState, State } from "@/lib/srs";

/** The FSRS columns of a CardState row. */
export interface StateColumns {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
}

export function toMemory(s: StateColumns): MemoryState {
  return {
    due: s.due,
    stability: s.stability,
    difficulty: s.difficulty,
    elapsedDays: s.elapsedDays,
    scheduledDays: s.scheduledDays,
    learningSteps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: s.state as State,
    lastReview: s.lastReview,
  };
}

export function toColumns(m: MemoryState): StateColumns {
  return {
    due: m.due,
    stability: m.stability,
    difficulty: m.difficulty,
    elapsedDays: m.elapsedDays,
    scheduledDays: m.scheduledDays,
    learningSteps: m.learningSteps,
    reps: m.reps,
    lapses: m.lapses,
    state: m.state,
    lastReview: m.lastReview,
  };
}
