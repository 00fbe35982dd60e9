import { defineConfig, devices } from "@playwright/test";
import path from "node:path";
import { toolEnv } from "./lib/env";

const tools = toolEnv();

// Debian's Chromium (apt-get install chromium): Playwright's own browser
// download cannot run on these machines.
const executablePath = tools.CHROMIUM_PATH;
const port = tools.E2E_PORT;
// A second instance on the same database (PostgreSQL runs only, see scripts/test-postgres.sh).
const secondPort = tools.E2E_SECOND_PORT ?? null;
// SQLite by default, one file per port so two runs never share rows; E2E_DATABASE_URL overrides.
export const e2eDatabaseUrl = tools.E2E_DATABASE_URL ?? `file:${path.join(__dirname, "data", `e2e-${port}.db`)}`;
const env = { DATABASE_URL: e2eDatabaseUrl, AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789" };

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: tools.CI ? 1 : 0,
  timeout: 60_000,
  // The HTML report (playwright-report/) shows the screenshots tests attach (phone and desktop, both themes).
  reporter: [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  globalSetup: "./tests/e2e/global-setup.ts",
  webServer: [
    {
      // The real `npm start` path (migrate, import content, build, serve) on a fresh database.
      command: `npx tsx --conditions=react-server scripts/start.ts`,
      url: `http://127.0.0.1:${port}/sign-in`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: { ...env, PORT: String(port) },
    },
    ...(secondPort
      ? [
          {
            // Waits for the first instance (which migrates, imports and builds), then serves the same build and database
            // through Recall's own server (scripts/serve.ts: it tells the app each client's address).
            command: `node -e "const go=()=>fetch('http://127.0.0.1:${port}/sign-in').then(()=>process.exit(0),()=>setTimeout(go,1000));go()" && npx tsx scripts/serve.ts`,
            url: `http://127.0.0.1:${secondPort}/sign-in`,
            timeout: 300_000,
            reuseExistingServer: false,
            stdout: "pipe" as const,
            env: { ...env, PORT: String(secondPort) },
          },
        ]
      : []),
  ],
});
