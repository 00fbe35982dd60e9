// Bucket counts for the stability and difficulty distributions.

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

export interface Histogram {
  bins: HistogramBin[];
  /** Values below the first edge / above the last, kept so nothing vanishes silently. */
  below: number;
  above: number;
}

/**
 * Bins [edges[i], edges[i+1]); the last bin also takes its upper edge, so
 * edges 1..10 hold FSRS difficulty's whole closed range. An Infinity last
 * edge makes an open-ended "and above" bin. NaN values are skipped.
 */
export function histogram(values: readonly number[], edges: readonly number[]): Histogram {
  if (edges.length < 2) throw new RangeError("histogram needs at least two edges");
  for (let i = 0; i < edges.length; i++) {
    if (Number.isNaN(edges[i]) || (i > 0 && !(edges[i] > edges[i - 1]))) {
      throw new RangeError(`edges must be strictly increasing numbers, got [${edges.join(", ")}]`);
    }
  }
  const bins = edges.slice(0, -1).map((from, i) => ({ from, to: edges[i + 1], count: 0 }));
  let below = 0;
  let above = 0;
  const last = edges[edges.length - 1];
  for (const value of values) {
    if (Number.isNaN(value)) continue;
    if (value < edges[0]) below += 1;
    else if (value > last) above += 1;
    else bins[binIndex(value, edges)].count += 1;
  }
  return { bins, below, above };
}

/** The i with edges[i] <= value < edges[i+1], or the last bin for value == last edge. */
function binIndex(value: number, edges: readonly number[]): number {
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (edges[mid] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Stability in days: under a day, a few days, weeks, months, a year and more. */
export const STABILITY_EDGES_DAYS: readonly number[] = [0, 1, 3, 7, 14, 30, 90, 180, 365, Infinity];

/** FSRS difficulty runs from 1 (easiest) to 10. */
export const DIFFICULTY_EDGES: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
