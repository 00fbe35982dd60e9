// The tests `npm run test:mutation` runs against each mutant (stryker.config.mjs):
// the ones that hold the mutated modules' rules. Stryker then runs, per
// mutant, only the tests that covered its code.
import { defineConfig } from "vitest/config";
import { testProjects } from "./vitest.config.mts";

export default defineConfig({
  test: {
    projects: testProjects({
      unit: ["lib/validation/**/*.test.ts", "lib/srs/**/*.test.ts", "lib/quiz/**/*.test.ts"],
      integration: [
        "tests/integration/double-grade.test.ts",
        "tests/integration/grade-version-clause.test.ts",
        "tests/integration/grading-rules.test.ts",
        "tests/integration/review-queue.test.ts",
        "tests/integration/card-actions.test.ts",
        "tests/integration/settings.test.ts",
        "tests/integration/bad-input.test.ts",
      ],
    }),
  },
});
