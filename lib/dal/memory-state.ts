import type { MemoryState, State } from "@/lib/srs";

/** The FSRS columns of a CardState row: lib/srs's MemoryState, with the state stored as a plain number. */
export type StateColumns = Omit<MemoryState, "state"> & { state: number };

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
  return { ...m };
}
