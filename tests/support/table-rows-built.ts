// Test helper (lib/quiz tests): counts the work editDistance does.
import { vi } from "vitest";

/**
 * The rows of every distance table `run` builds (editDistance allocates one
 * with `Array.from({ length: rows }, …)`), summed: 0 means no table at all.
 * Deterministic, unlike a timer: `npm run bench:grade-answer` gives the time.
 */
export function tableRowsBuilt(run: () => void): number {
  const spy = vi.spyOn(Array, "from");
  try {
    run();
    let rows = 0;
    for (const [source] of spy.mock.calls) {
      if (typeof source === "object" && source !== null && !(Symbol.iterator in source) && "length" in source) rows += Number(source.length);
    }
    return rows;
  } finally {
    spy.mockRestore();
  }
}
