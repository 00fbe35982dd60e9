import { test, expect, expectSignedInAs } from "./fixtures";

function count(text: string | null): number {
  return Number(/(\d+) left/.exec(text ?? "")?.[1] ?? NaN);
}

test("undo by keyboard brings the graded card back exactly as it was", async ({ page, user }) => {
  await page.goto("/review");
  await expect(page.getByText(user.email).filter({ visible: true }).first(), "the page is the signed-in learner's").toBeVisible();
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
  await expect(page.getByTestId("notice")).toHaveText("Undone: grade.");
  await expect(page.getByTestId("prompt")).toHaveText(prompt ?? "");
  expect(count(await page.getByTestId("remaining").textContent())).toBe(left);
  await page.locator("[data-ready=true]").waitFor();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("interval-good")).toHaveText(goodBefore ?? "");
});

test("a suspended card leaves the queue and can be unsuspended from its page", async ({ page, user }) => {
  await page.goto("/review");
  await expect(page.getByText(user.email).filter({ visible: true }).first(), "the page is the signed-in learner's").toBeVisible();
  await page.locator("[data-ready=true]").waitFor();
  const prompt = (await page.getByTestId("prompt").textContent()) ?? "";
  await page.keyboard.press("s");
  await expect(page.getByTestId("notice")).toContainText("Card suspended");
  await expect(page.getByTestId("prompt")).not.toHaveText(prompt);

  await page.goto("/cards?filter=suspended");
  await page.getByRole("link", { name: prompt }).click();
  // The list has a bulk "Unsuspend" button too: act only once the card's own page is open.
  await page.waitForURL(/\/cards\/[^/?]+$/);
  await page.getByRole("button", { name: "Unsuspend" }).click();
  await expect(page.getByText("Unsuspended: the card is back in your reviews.")).toBeVisible();
  await page.goto("/review");
  await page.locator("[data-ready=true]").waitFor();
  await expect(page.getByTestId("prompt")).toHaveText(prompt);
});

test("Ctrl+Z undoes the last action whatever it was: after B the bury, then the grade before it (issue 12 rule 9)", async ({ page, user }) => {
  await expectSignedInAs(page, user);
  await page.goto("/review");
  await page.locator("[data-ready=true]").waitFor();
  const first = (await page.getByTestId("prompt").textContent()) ?? "";
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  await expect(page.getByTestId("prompt")).not.toHaveText(first);
  await page.locator("[data-ready=true]").waitFor();
  const second = (await page.getByTestId("prompt").textContent()) ?? "";
  await page.keyboard.press("b");
  await expect(page.getByTestId("notice")).toHaveText("Buried until tomorrow.");
  await page.locator("[data-ready=true]").waitFor();
  await expect(page.getByRole("button", { name: /Undo bury/ })).toBeVisible();

  await page.keyboard.press("Control+z");
  await expect(page.getByTestId("notice")).toHaveText("Undone: bury.");
  await expect(page.getByTestId("prompt")).toHaveText(second);
  await page.locator("[data-ready=true]").waitFor();
  await page.keyboard.press("Control+z");
  await expect(page.getByTestId("notice")).toHaveText("Undone: grade.");
  await expect(page.getByTestId("prompt")).toHaveText(first);
});

test("the counts show new, learning and review after every answer; a second tab's grade is refused with what the first gave (issue 15 item 11)", async ({ page, user, context }) => {
  await expectSignedInAs(page, user);
  const other = await context.newPage();
  for (const p of [page, other]) {
    await p.goto("/review");
    await p.locator("[data-ready=true]").waitFor();
  }
  await expect(page.getByTestId("count-learning")).toHaveText("0");
  const prompt = (await page.getByTestId("prompt").textContent()) ?? "";
  await expect(other.getByTestId("prompt")).toHaveText(prompt);

  await page.keyboard.press("Space");
  await page.keyboard.press("3"); // Good on a new card: a 10-minute step, counted as learning
  await expect(page.getByTestId("count-learning")).toHaveText("1");
  await page.locator("[data-ready=true]").waitFor();

  await other.keyboard.press("Space");
  await other.keyboard.press("1");
  await expect(other.getByTestId("notice")).toHaveText("Already graded in another tab: Good. Your grade was not applied.");
});
