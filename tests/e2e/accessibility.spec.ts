import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
}

test("sign-in has no serious or critical accessibility violation", async ({ page }) => {
  await page.goto("/sign-in");
  expect(await seriousViolations(page)).toEqual([]);
});

test("home and review have no serious or critical accessibility violation", async ({ page, user }) => {
  await page.goto("/");
  await expect(page.getByText(user.email).filter({ visible: true }).first(), "the page is the signed-in learner's").toBeVisible();
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto("/review");
  await page.locator("[data-ready=true]").waitFor();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("answer")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
