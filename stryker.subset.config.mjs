// `npm run test:mutation` for one group of files with only the tests that
// hold them (MUTATION_TESTS names a group of vitest.mutation-groups.mts), e.g.
//   MUTATION_TESTS=srs npx stryker run stryker.subset.config.mjs --mutate lib/srs/scheduler.ts --concurrency 1
import base from "./stryker.config.mjs";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = { ...base, vitest: { configFile: "vitest.mutation-subset.config.mts", related: false } };

export default config;
