// Mutation testing of the rules that must not break (issue 16): StrykerJS
// changes one operator or literal at a time in the files below and runs the
// Vitest tests that cover it; a mutant no test notices ("survived") is a rule
// nothing checks. `npm run test:mutation` prints the score per file.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.mutation.config.mts", related: false },
  mutate: [
    "lib/validation/**/*.ts",
    "!lib/validation/**/*.test.ts",
    "lib/srs/**/*.ts",
    "!lib/srs/**/*.test.ts",
    "lib/quiz/**/*.ts",
    "!lib/quiz/**/*.test.ts",
    "lib/dal/grading.ts",
    "lib/dal/queue-sql.ts",
  ],
  coverageAnalysis: "perTest",
  // Static mutants (code run once when a module loads: the zod schemas, SQL
  // fragments) need every test re-run in a fresh environment each; with the
  // integration tests that is hours here. `npm run test:mutation -- --ignoreStatic false` includes them.
  ignoreStatic: true,
  // 2 shared cores: one test process per core at most.
  concurrency: 2,
  timeoutMS: 60_000,
  // The first run of every test (to learn which tests cover which mutant) takes
  // over 5 minutes, Stryker's default limit, on a busy 2-core machine.
  dryRunTimeoutMinutes: 30,
  reporters: ["clear-text", "progress", "html", "json"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  htmlReporter: { fileName: "reports/mutation/index.html" },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: null },
  // Leading slash: only the top-level folders ("data" alone would also drop lib/extract/data).
  ignorePatterns: ["/.next", "/data", "/test-results", "/playwright-report", "/reports", "/.scratch"],
  cleanTempDir: true,
};

export default config;
