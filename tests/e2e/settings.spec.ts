import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { seedHistory } from "./e2e-database";
import { test, expect } from "./fixtures";

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
  const before = await easyInterval(page);

  await page.goto("/settings");
  await expect(page.getByText(user.email).filter({ visible: true }).first(), "the page is the signed-in learner's").toBeVisible();
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
  await page.goto("/settings");
  await expect(page.getByText(user.email).filter({ visible: true }).first(), "the page is the signed-in learner's").toBeVisible();
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
  await seedHistory(user.email, 3000);
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
  await page.goto("/settings");
  await expect(page.getByText(user.email).filter({ visible: true }).first(), "the page is the signed-in learner's").toBeVisible();
  await page.getByText("Show the parameters in use").click();
  await expect(page.getByTestId("params-in-use")).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
