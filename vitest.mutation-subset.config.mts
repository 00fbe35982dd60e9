// A faster mutation run of one group of files (stryker.subset.config.mjs):
// each group gets only the tests that hold its rules, a subset of
// vitest.mutation.config.mts, so its scores are lower bounds of the full run's.
// MUTATION_TESTS: srs (lib/srs unit tests but the optimizer's fits),
// optimizer (the optimizer's tests), dal (the grading and queue integration tests).
import { defineConfig } from "vitest/config";
import { testProjects } from "./vitest.config.mts";

const groups: Record<string, { unit: string[]; integration: string[] }> = {
  srs: { unit: ["lib/srs/!(optimizer).test.ts"], integration: [] },
  optimizer: { unit: ["lib/srs/optimizer.test.ts", "lib/srs/optimizer-edges.test.ts"], integration: [] },
  dal: {
    unit: [],
    integration: [
      "tests/integration/double-grade.test.ts",
      "tests/integration/grade-version-clause.test.ts",
      "tests/integration/grading-rules.test.ts",
      "tests/integration/review-queue.test.ts",
      "tests/integration/card-actions.test.ts",
    ],
  },
};
const group = groups[process.env.MUTATION_TESTS ?? ""];
if (!group) throw new Error(`MUTATION_TESTS must be one of ${Object.keys(groups).join(", ")}`);

export default defineConfig({
  test: { projects: testProjects(group).filter((p) => (p.test.name === "unit" ? group.unit.length : group.integration.length) > 0) },
});
