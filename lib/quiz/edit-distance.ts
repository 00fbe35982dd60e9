// Damerau-Levenshtein distance (the unrestricted form, Lowrance-Wagner):
// insert, delete, substitute, or swap two adjacent characters, each costing 1,
// even when the swapped pair is edited again. The cheaper "optimal string
// alignment" variant would count "ca" -> "abc" as 3 instead of 2 and so turn
// some two-typo answers into near misses.

/**
 * Returns the distance, or `max + 1` when it exceeds `max`. Answers arrive
 * from the browser: the length check refuses a pasted essay before the
 * table is built, so the table is never larger than about the expected
 * answer's length squared.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  const s = Array.from(a); // code points, so an emoji or astral letter is one character
  const t = Array.from(b);
  const n = s.length;
  const m = t.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0 || m === 0) return Math.max(n, m);

  // d[i + 1][j + 1] = distance between the first i of s and the first j of t;
  // row and column 0 hold a sentinel larger than any real distance.
  const inf = n + m;
  const d: number[][] = Array.from({ length: n + 2 }, () => new Array<number>(m + 2).fill(0));
  d[0]![0] = inf;
  for (let i = 0; i <= n; i++) {
    d[i + 1]![0] = inf;
    d[i + 1]![1] = i;
  }
  for (let j = 0; j <= m; j++) {
    d[0]![j + 1] = inf;
    d[1]![j + 1] = j;
  }

  const lastRowOf = new Map<string, number>(); // last row of s holding each character
  for (let i = 1; i <= n; i++) {
    let lastMatchCol = 0;
    for (let j = 1; j <= m; j++) {
      const k = lastRowOf.get(t[j - 1]!) ?? 0;
      const l = lastMatchCol;
      let cost = 1;
      if (s[i - 1] === t[j - 1]) {
        cost = 0;
        lastMatchCol = j;
      }
      d[i + 1]![j + 1] = Math.min(
        d[i]![j]! + cost,
        d[i + 1]![j]! + 1,
        d[i]![j + 1]! + 1,
        d[k]![l]! + (i - k - 1) + 1 + (j - l - 1),
      );
    }
    lastRowOf.set(s[i - 1]!, i);
  }
  const result = d[n + 1]![m + 1]!;
  return result > max ? max + 1 : result;
}
