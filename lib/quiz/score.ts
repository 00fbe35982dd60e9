// Totals for the end-of-quiz screen and the QuizAttempt row.

export interface AnswerRecord<K extends string = string> {
  kind: K;
  correct: boolean;
  timeMs: number;
}

export interface KindScore {
  correct: number;
  total: number;
}

export interface QuizSummary<K extends string = string> {
  correct: number;
  total: number;
  /** Whole percent, rounded; 0 for an empty quiz rather than NaN. */
  percent: number;
  /** Only the kinds that were asked appear, hence Partial. */
  byKind: Partial<Record<K, KindScore>>;
  totalTimeMs: number;
}

// Times come from the browser; a skewed clock can report a negative or
// non-finite duration, which must not make the total meaningless.
function safeTime(ms: number): number {
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

export function summarize<K extends string>(answers: readonly AnswerRecord<K>[]): QuizSummary<K> {
  const byKind: Partial<Record<K, KindScore>> = {};
  let correct = 0;
  let totalTimeMs = 0;
  for (const a of answers) {
    const entry = (byKind[a.kind] ??= { correct: 0, total: 0 });
    entry.total++;
    if (a.correct) {
      entry.correct++;
      correct++;
    }
    totalTimeMs += safeTime(a.timeMs);
  }
  const total = answers.length;
  const percent = total === 0 ? 0 : Math.round((correct / total) * 100);
  return { correct, total, percent, byKind, totalTimeMs };
}
