import { defineConfig, devices } from "@playwright/test";
import path from "node:path";

// Debian's Chromium (apt-get install chromium): Playwright's own browser
// download cannot run on these machines.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const port = Number(process.env.E2E_PORT ?? 3100);
// One database per port, so two runs on different ports never share rows.
export const e2eDatabase = path.join(__dirname, "data", `e2e-${port}.db`);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"]],
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
  webServer: {
    // The real `npm start` path (migrate, import content, build, serve) on a fresh database.
    command: `npx tsx --conditions=react-server scripts/start.ts`,
    url: `http://127.0.0.1:${port}/sign-in`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { PORT: String(port), DATABASE_URL: `file:${e2eDatabase}`, AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789" },
  },
});
