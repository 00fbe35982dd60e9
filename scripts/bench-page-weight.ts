// npm run bench:page-weight -- [--port 3290]
// The review page's JavaScript as Chromium receives it: starts Recall the way
// `npm start` does (building it if its sources changed) on its own port and
// SQLite file, creates a learner with today's new cards due, opens /review in
// a fresh browser (no cache, no service worker) and sums the transferred bytes
// of every script. Prints the largest files, then
// `review_page_js_transferred_kb: X` (kB = 1,000 bytes; budget in
// tests/e2e/script-weight.ts, checked by tests/e2e/page-weight.spec.ts).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { toolEnv } from "../lib/env";
import { createAccount, useDatabase as openDatabase } from "../tests/e2e/e2e-database-impl";
import { measureScripts, REVIEW_PAGE_SCRIPT_BUDGET_BYTES } from "../tests/e2e/script-weight";

const root = path.join(__dirname, "..");
const portArg = process.argv.indexOf("--port");
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 3290;
const dbFile = path.join(root, "data", `bench-page-weight-${port}.db`);
const databaseUrl = `file:${dbFile}`;
const base = `http://127.0.0.1:${port}`;
const PASSWORD = "correct horse battery";
const kB = (n: number) => (n / 1000).toFixed(1);

async function waitForServer(server: ReturnType<typeof spawn>): Promise<void> {
  // The first run builds the app: minutes on a small machine.
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server stopped (exit ${server.exitCode}) before it answered`);
    try {
      if ((await fetch(`${base}/sign-in`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`no answer from ${base} after 15 minutes`);
}

async function main() {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error("--port expects a TCP port");
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
  const server = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/start.ts"], {
    cwd: root,
    // Its own process group, so that stopping it stops Next's server too.
    detached: true,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, AUTH_SECRET: "bench-page-weight-secret-0123456789abcdef" },
  });
  const stop = () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.on("exit", stop);
  try {
    await waitForServer(server);
    // A learner as sign-up makes one: the shipped library's new cards are due today.
    openDatabase(databaseUrl);
    const email = `page-weight-${Date.now()}@example.com`;
    await createAccount(email, PASSWORD);

    const browser = await chromium.launch({ executablePath: toolEnv().CHROMIUM_PATH, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
    try {
      const context = await browser.newContext({ baseURL: base, serviceWorkers: "block" });
      const page = await context.newPage();
      const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
      const signIn = await page.request.post("/api/auth/callback/credentials", { form: { email, password: PASSWORD, csrfToken, callbackUrl: "/" }, maxRedirects: 0 });
      if (signIn.status() !== 302 || signIn.headers()["location"]?.includes("error")) throw new Error("sign-in failed");
      // The floor: a page of this build with no client code of Recall's (the root layout's 404 page) in a fresh context.
      const floorContext = await browser.newContext({ baseURL: base, serviceWorkers: "block" });
      const floor = await measureScripts(await floorContext.newPage(), "/no-such-page", { ready: null, status: 404 });
      await floorContext.close();
      const weight = await measureScripts(page, "/review");
      if (!(await page.getByTestId("prompt").isVisible())) throw new Error("/review shows no card: the measurement needs a card on screen");
      console.log(`scripts on /review (transferred, largest first):`);
      for (const s of weight.scripts) console.log(`  ${kB(s.bytes).padStart(6)} kB  ${s.encoding.padEnd(8)} ${s.path}`);
      for (const s of weight.noModule) console.log(`  listed with nomodule, not fetched by Chromium: ${s}`);
      console.log(`framework_floor_js_kb: ${kB(floor.total)} (${floor.scripts.length} files: Next.js and React on a page without Recall's client code)`);
      console.log(`review_page_js_files: ${weight.scripts.length}`);
      console.log(`review_page_js_budget_kb: ${kB(REVIEW_PAGE_SCRIPT_BUDGET_BYTES)}`);
      console.log(`review_page_js_transferred_kb: ${kB(weight.total)}`);
    } finally {
      await browser.close();
    }
  } finally {
    stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
