import { defineConfig } from "vitest/config";
import path from "node:path";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // The real package throws outside React Server Components.
  "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
};

/** The two test projects; `include` narrows them (stryker.config.mjs runs a subset). */
export function testProjects(include = { unit: ["lib/**/*.test.ts", "scripts/**/*.test.ts"], integration: ["tests/integration/**/*.test.ts"] }) {
  return [
    {
      resolve: { alias },
      test: { name: "unit", include: include.unit, environment: "node" as const, testTimeout: 30_000 },
    },
    {
      resolve: { alias },
      test: {
        name: "integration",
        include: include.integration,
        environment: "node" as const,
        globalSetup: ["tests/support/global-setup.ts"],
        setupFiles: ["tests/support/fresh-database.ts"],
        testTimeout: 60_000,
        hookTimeout: 120_000,
      },
    },
  ];
}

export default defineConfig({
  resolve: { alias },
  test: { projects: testProjects() },
});
