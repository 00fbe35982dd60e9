import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { e2eDatabaseUrl } from "../../playwright.config";
import { test, expect } from "./fixtures";

const root = path.resolve(__dirname, "../..");

/**
 * Gives the account a simulated history of `reviews` reviews on cards of a
 * private document (a learner whose memory follows FSRS with known weights),
 * with the card states the app's own scheduler gives them, through the app's
 * Prisma client on the e2e database.
 */
function seedHistory(email: string, reviews: number): void {
  const script = `
    import { db } from "./lib/db";
    import { simulateLearner } from "./lib/srs/optimizer";
    import { applyGrade, DEFAULT_SETTINGS, GRADES, newMemoryState } from "./lib/srs";
    import { toColumns } from "./lib/dal/memory-state";
    const main = async () => {
      const user = await db.user.findUniqueOrThrow({ where: { email: ${JSON.stringify(email)} }, select: { id: true } });
      // A fixed seed: the same simulated learner every run, so the optimizer's verdict is reproducible.
      const logs = simulateLearner({ reviews: ${reviews}, seed: "e2e-simulated-learner", start: new Date("2025-01-06T08:00:00Z") });
      const n = Math.max(...logs.map((l) => l.card)) + 1;
      const doc = await db.document.create({ data: { ownerId: user.id, title: "Simulated history", text: "x", contentHash: ${JSON.stringify(email)} }, select: { id: true } });
      const p = doc.id + "-";
      await db.fact.createMany({ data: Array.from({ length: n }, (_, i) => ({ id: p + "f" + i, documentId: doc.id, key: "f" + i, kind: "date", answer: "a", sentence: "s", start: 0, end: 1, position: i })) });
      await db.card.createMany({ data: Array.from({ length: n }, (_, i) => ({ id: p + "c" + i, documentId: doc.id, factId: p + "f" + i, key: "c" + i, type: "cloze", prompt: "Simulated card " + i, answer: "a", trueStatement: "s", position: i })) });
      await db.reviewLog.createMany({ data: logs.map(({ card, ...l }) => ({ ...l, userId: user.id, cardId: p + "c" + card })) });
      const states = new Map();
      for (const l of logs) {
        const s = states.get(l.card) ?? { memory: newMemoryState(l.review), first: l.review };
        s.memory = applyGrade(s.memory, GRADES[l.rating - 1].name, DEFAULT_SETTINGS, l.review, p + "c" + l.card).memory;
        states.set(l.card, s);
      }
      await db.cardState.createMany({ data: [...states].map(([card, s]) => ({ ...toColumns(s.memory), userId: user.id, cardId: p + "c" + card, introducedAt: s.first })) });
    };
    main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
  `;
  execFileSync(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "--eval", script], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** Days in a grade button's interval: "10m", "8d", "1.5mo", "2.1y". */
function days(text: string | null): number {
  const m = /^([\d.]+)(m|h|d|mo|y)$/.exec((text ?? "").trim());
  if (!m) throw new Error(`not an interval: ${text}`);
  const unit = { m: 1 / 1440, h: 1 / 24, d: 1, mo: 30, y: 365 }[m[2] as "m" | "h" | "d" | "mo" | "y"];
  return Number(m[1]) * unit;
}

async function easyInterval(page: Page): Promise<number> {
  await page.goto("/review");
  await page.locator("[data-ready=true]").waitFor();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("interval-easy")).toBeVisible();
  return days(await page.getByTestId("interval-easy").textContent());
}

test("a lower desired retention, saved on /settings, lengthens the intervals on the review buttons", async ({ page, user }) => {
  expect(user.email).toContain("@");
  const before = await easyInterval(page);

  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await expect(page.getByTestId("optimizer-hint")).toHaveText("You have 0 reviews; the optimizer needs at least 400.");
  const retention = page.getByLabel("Desired retention");
  await expect(retention).toHaveValue("0.9");
  await retention.fill("0.75");
  // Outside 80–95% the cost is explained, tied to the field.
  await expect(page.getByTestId("retention-warning")).toContainText("forgotten more than 25%");
  await expect(retention).toHaveAttribute("aria-describedby", /desiredRetention-warning/);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("settings-status")).toHaveText("Settings saved.");
  // The change offers to reschedule; this learner has no card in review yet.
  await expect(page.getByTestId("reschedule-moved")).toContainText("No card needs to move");

  const after = await easyInterval(page);
  expect(after).toBeGreaterThan(before * 3);

  // And back: the intervals follow the setting both ways.
  await page.goto("/settings");
  await expect(page.getByLabel("Desired retention")).toHaveValue("0.75");
  await page.getByLabel("Desired retention").fill("0.9");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("settings-status")).toHaveText("Settings saved.");
  expect(await easyInterval(page)).toBeLessThan(after / 3);
});

test("invalid settings are explained at their field, focus goes to the first, and nothing is saved", async ({ page, user }) => {
  expect(user.email).toContain("@");
  await page.goto("/settings");
  const retention = page.getByLabel("Desired retention");
  await retention.fill("0.5");
  await page.getByLabel("Learning steps", { exact: true }).fill("ten minutes");
  await page.getByRole("button", { name: "Save settings" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "Fix the 2 fields" })).toBeVisible();
  await expect(retention).toHaveAttribute("aria-invalid", "true");
  await expect(retention).toHaveAttribute("aria-describedby", /desiredRetention-error/);
  await expect(page.locator("#desiredRetention-error")).toHaveText(/from 0\.7 to 0\.97/);
  await expect(page.locator("#learningSteps-error")).toHaveText(/like "1m 10m"/);
  await expect(retention).toBeFocused();

  await page.reload();
  await expect(page.getByLabel("Desired retention")).toHaveValue("0.9");
  await expect(page.getByLabel("Learning steps", { exact: true })).toHaveValue("1m 10m");
});

test("a learner with a long history optimizes, saves parameters that predict better, and reschedules with a preview", async ({ page, user }) => {
  seedHistory(user.email, 3000);
  await page.goto("/settings");
  await expect(page.getByTestId("params-source")).toHaveText(/FSRS’s defaults/);
  await expect(page.getByTestId("optimizer-hint")).not.toContainText("needs at least");

  await page.getByRole("button", { name: "Optimize my parameters" }).click();
  const result = page.getByTestId("optimizer-result");
  await expect(result).toBeVisible({ timeout: 30_000 });
  const current = Number(await page.getByTestId("current-logloss").textContent());
  const proposed = Number(await page.getByTestId("new-logloss").textContent());
  expect(proposed).toBeLessThan(current);

  await page.getByRole("button", { name: "Save the new parameters" }).click();
  await expect(page.getByTestId("optimizer-message")).toHaveText("Your new parameters are saved and in use.");
  await expect(page.getByTestId("params-source")).toHaveText(/fitted to your own reviews/);

  // The new weights move cards in review: shown first, applied only on request.
  const panel = page.getByTestId("reschedule-panel");
  await expect(panel.getByTestId("reschedule-moved")).toContainText("would move");
  await expect(panel.getByTestId("load-30")).toHaveText(/^\d+ → \d+$/);
  await panel.getByTestId("reschedule-apply").click();
  await expect(panel.getByTestId("reschedule-done")).toHaveText(/^Rescheduled \d+ cards?\.$/);
});

test("settings has no serious or critical accessibility violation", async ({ page, user }) => {
  expect(user.email).toContain("@");
  await page.goto("/settings");
  await page.getByText("Show the parameters in use").click();
  await expect(page.getByTestId("params-in-use")).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
