// The one list of the tests mutation testing runs, by group of mutated files.
// `npm run test:mutation` (vitest.mutation.config.mts) runs every group;
// stryker.subset.config.mjs with MUTATION_TESTS=<group>
// (vitest.mutation-subset.config.mts) runs one, a subset of the full run's
// tests, so its scores are lower bounds of the full run's.

/** Test globs of one group, per Vitest project (vitest.config.mts's testProjects). */
export interface MutationTestGroup {
  unit: string[];
  integration: string[];
}

export const MUTATION_TEST_GROUPS: Record<string, MutationTestGroup> = {
  // lib/srs but the optimizer's fits (the slowest tests).
  srs: { unit: ["lib/srs/!(optimizer).test.ts"], integration: [] },
  optimizer: { unit: ["lib/srs/optimizer.test.ts", "lib/srs/optimizer-edges.test.ts"], integration: [] },
  quiz: { unit: ["lib/quiz/**/*.test.ts"], integration: [] },
  validation: { unit: ["lib/validation/**/*.test.ts"], integration: ["tests/integration/bad-input.test.ts"] },
  // lib/dal/grading.ts, queue-sql.ts and prepared-sql.ts: the grading and queue tests.
  dal: {
    unit: ["lib/dal/queue-sql.test.ts"],
    integration: [
      "tests/integration/double-grade.test.ts",
      "tests/integration/grade-version-clause.test.ts",
      "tests/integration/grading-rules.test.ts",
      "tests/integration/review-queue.test.ts",
      "tests/integration/card-actions.test.ts",
      "tests/integration/offline-pack.test.ts",
      "tests/integration/settings.test.ts",
      "tests/integration/prepared-sql.test.ts",
    ],
  },
  // lib/dal/prepared-sql.ts alone, faster than with the dal group: the tests
  // that run its SQLite engine's transactions and row conversions (its
  // PostgreSQL engine needs TEST_ENGINE=postgres).
  prepared: {
    unit: [],
    integration: [
      "tests/integration/prepared-sql.test.ts",
      "tests/integration/double-grade.test.ts",
      "tests/integration/grade-version-clause.test.ts",
      "tests/integration/review-queue.test.ts",
    ],
  },
};

/** Every group's tests together: what the full mutation run gives Stryker. */
export function allMutationTests(): MutationTestGroup {
  const groups = Object.values(MUTATION_TEST_GROUPS);
  return { unit: groups.flatMap((g) => g.unit), integration: groups.flatMap((g) => g.integration) };
}
