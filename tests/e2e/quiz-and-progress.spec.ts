import AxeBuilder from "@axe-core/playwright";
import { test, expect } from "./fixtures";

test("a 10-question quiz by keyboard: score, retake of a missed question, schedule updated", async ({ page, user }) => {
  await page.goto("/quiz");
  await expect(page.getByText(user.email).filter({ visible: true }).first(), "the page is the signed-in learner's").toBeVisible();
  await page.getByLabel("Typed answer").uncheck();
  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page.getByRole("heading", { name: /Question 1 of 10/ })).toBeVisible();
  await page.locator("[data-ready=true]").waitFor();

  for (let i = 0; i < 10; i++) {
    const kind = await page.locator("article p").first().textContent();
    // Always pick the first option / "false": some answers will be wrong.
    await page.keyboard.press(kind?.includes("multiple choice") ? "1" : "f");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("quiz-feedback")).toBeVisible();
    await page.keyboard.press("Enter");
  }
  await expect(page.getByTestId("score")).toHaveText(/\d+\/10/);
  const score = Number(/(\d+)\/10/.exec((await page.getByTestId("score").textContent()) ?? "")![1]);
  expect(await new AxeBuilder({ page }).analyze().then((r) => r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id))).toEqual([]);

  if (score < 10) {
    // A missed card is due again: it is in the review queue now.
    await page.goto("/");
    expect(Number(await page.getByTestId("due-reviews").textContent()) + Number(await page.getByTestId("due-new").textContent())).toBeGreaterThan(0);
    await page.goBack();
    await page.getByRole("button", { name: /Retake the \d+ missed/ }).click();
    await expect(page.getByRole("heading", { name: new RegExp(`Question 1 of ${10 - score}`) })).toBeVisible();
  }
  await page.goto("/quiz");
  await expect(page.getByTestId("quiz-history")).toContainText(`${score}/10`);
});

test("after reviewing three cards, progress shows them", async ({ page, user }, testInfo) => {
  await page.goto("/review");
  await expect(page.getByText(user.email).filter({ visible: true }).first(), "the page is the signed-in learner's").toBeVisible();
  await page.locator("[data-ready=true]").waitFor();
  for (let i = 0; i < 3; i++) {
    await page.locator("[data-ready=true]").waitFor();
    const left = Number(/(\d+) left/.exec((await page.getByTestId("remaining").textContent()) ?? "")?.[1]);
    await page.keyboard.press("Space");
    await expect(page.getByTestId("answer")).toBeVisible();
    await page.keyboard.press("3");
    // Graded once the counter moves (a Good on a new card may bring it back later today).
    await expect(page.getByTestId("answer")).toBeHidden();
    expect(Number(/(\d+) left/.exec((await page.getByTestId("remaining").textContent()) ?? "")?.[1])).toBeLessThanOrEqual(left);
  }
  await page.goto("/progress");
  await expect(page.getByTestId("stat-reviewed")).toHaveText("3");
  await expect(page.getByTestId("stat-streak")).toHaveText("1 day");
  const today = page.locator('[data-count]:not([data-count="0"])');
  await expect(today).toHaveCount(1);
  await expect(today).toHaveAttribute("data-count", "3");
  await expect(page.getByTestId("forecast")).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("progress.png"), fullPage: true });
  await testInfo.attach("progress", { path: testInfo.outputPath("progress.png"), contentType: "image/png" });
});
