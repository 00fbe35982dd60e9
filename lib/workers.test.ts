import { describe, expect, it } from "vitest";
import { serverEnv } from "./env";
import { restartDelayMs, workerCount } from "./workers";

describe("RECALL_WORKERS", () => {
  it("is one process by default, a number as given, or one per core for auto", () => {
    expect(workerCount(serverEnv({}).RECALL_WORKERS)).toBe(1);
    expect(workerCount(serverEnv({ RECALL_WORKERS: " 3 " }).RECALL_WORKERS)).toBe(3);
    expect(workerCount(serverEnv({ RECALL_WORKERS: "AUTO" }).RECALL_WORKERS, { cores: 6 })).toBe(6);
    expect(workerCount("auto", { cores: 0 })).toBe(1);
  });

  it("the development server runs one process whatever the setting", () => {
    expect(workerCount(4, { dev: true })).toBe(1);
    expect(workerCount("auto", { dev: true, cores: 8 })).toBe(1);
  });

  it("refuses anything else, naming the variable", () => {
    for (const bad of ["0", "65", "two", "1.5", "-1"]) {
      expect(() => serverEnv({ RECALL_WORKERS: bad })).toThrow(/RECALL_WORKERS=.*expected auto or a whole number of processes from 1 to 64/);
    }
  });
});

describe("replacing a worker that died", () => {
  const now = 1_000_000;
  it("replaces it at once unless workers keep dying, then waits longer each time, at most 30 s", () => {
    expect(restartDelayMs([now], now)).toBe(0);
    expect(restartDelayMs([now - 3000, now - 2000, now], now)).toBe(0);
    expect(restartDelayMs([now - 3000, now - 2000, now - 1000, now], now)).toBe(1000);
    expect(restartDelayMs([now - 4000, now - 3000, now - 2000, now - 1000, now], now)).toBe(2000);
    expect(restartDelayMs(Array.from({ length: 20 }, (_, i) => now - i * 100), now)).toBe(30_000);
  });

  it("forgets deaths older than a minute", () => {
    expect(restartDelayMs([now - 120_000, now - 110_000, now - 100_000, now - 90_000, now], now)).toBe(0);
  });
});
