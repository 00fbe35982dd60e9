import fs from "node:fs";
import { toolEnv } from "../../lib/env";

// Playwright starts the web server before globalSetup, so the fresh database
// is made by the test command (scripts/test.sh) instead; this only checks the browser.
export default function globalSetup() {
  const chromium = toolEnv().CHROMIUM_PATH;
  if (!fs.existsSync(chromium)) {
    throw new Error(`Chromium not found at ${chromium}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH).`);
  }
}
