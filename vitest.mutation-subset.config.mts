// A faster mutation run of one group of files (stryker.subset.config.mjs):
// MUTATION_TESTS names a group of vitest.mutation-groups.mts (srs, optimizer,
// quiz, validation, dal, prepared), whose tests are a subset of the full run's.
import { defineConfig } from "vitest/config";
import { testProjects } from "./vitest.config.mts";
import { MUTATION_TEST_GROUPS } from "./vitest.mutation-groups.mts";

const group = MUTATION_TEST_GROUPS[process.env.MUTATION_TESTS ?? ""];
if (!group) throw new Error(`MUTATION_TESTS must be one of ${Object.keys(MUTATION_TEST_GROUPS).join(", ")}`);

export default defineConfig({
  test: { projects: testProjects(group).filter((p) => (p.test.name === "unit" ? group.unit.length : group.integration.length) > 0) },
});
