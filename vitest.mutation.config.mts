// The tests `npm run test:mutation` runs against each mutant (stryker.config.mjs):
// the ones that hold the mutated modules' rules (vitest.mutation-groups.mts).
// Stryker then runs, per mutant, only the tests that covered its code.
import { defineConfig } from "vitest/config";
import { testProjects } from "./vitest.config.mts";
import { allMutationTests } from "./vitest.mutation-groups.mts";

export default defineConfig({
  test: { projects: testProjects(allMutationTests()) },
});
