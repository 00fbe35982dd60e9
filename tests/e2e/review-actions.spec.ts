import { test, expect } from "./fixtures";

function count(text: string | null): number {
  return Number(/(\d+) left/.exec(text ?? "")?.[1] ?? NaN);
}

test("undo by keyboard brings the graded card back exactly as it was", async ({ page, user }) => {
  await page.goto("/review");
  await expect(page.getByText(user.email), "the page is the signed-in learner's").toBeVisible();
  await page.locator("[data-ready=true]").waitFor();
  const prompt = await page.getByTestId("prompt").textContent();
  const left = count(await page.getByTestId("remaining").textContent());
  await page.keyboard.press("Space");
  const goodBefore = await page.getByTestId("interval-good").textContent();
  await page.keyboard.press("4");
  await expect(page.getByTestId("prompt")).not.toHaveText(prompt ?? "");
  // The next card can show before the grade's round trip has settled: keys wait for it.
  await page.locator("[data-ready=true]").waitFor();

  await page.keyboard.press("Control+z");
  await expect(page.getByTestId("notice")).toHaveText("Grade undone.");
  await expect(page.getByTestId("prompt")).toHaveText(prompt ?? "");
  expect(count(await page.getByTestId("remaining").textContent())).toBe(left);
  await page.locator("[data-ready=true]").waitFor();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("interval-good")).toHaveText(goodBefore ?? "");
});

test("a suspended card leaves the queue and can be unsuspended from its page", async ({ page, user }) => {
  await page.goto("/review");
  await expect(page.getByText(user.email), "the page is the signed-in learner's").toBeVisible();
  await page.locator("[data-ready=true]").waitFor();
  const prompt = (await page.getByTestId("prompt").textContent()) ?? "";
  await page.keyboard.press("s");
  await expect(page.getByTestId("notice")).toContainText("Card suspended");
  await expect(page.getByTestId("prompt")).not.toHaveText(prompt);

  await page.goto("/cards?filter=suspended");
  await page.getByRole("link", { name: prompt }).click();
  await page.getByRole("button", { name: "Unsuspend" }).click();
  await expect(page.getByText("Unsuspended: the card is back in your reviews.")).toBeVisible();
  await page.goto("/review");
  await page.locator("[data-ready=true]").waitFor();
  await expect(page.getByTestId("prompt")).toHaveText(prompt);
});
