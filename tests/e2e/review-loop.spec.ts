import { test, expect, createAccount, uniqueEmail, PASSWORD } from "./fixtures";

function remaining(text: string | null): number {
  return Number(/(\d+) left/.exec(text ?? "")?.[1] ?? NaN);
}

test("sign up, review by keyboard, keep progress across reload, and a second user starts fresh", async ({ page }) => {
  const email = uniqueEmail("first");
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();

  // Home shows what is due today.
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
  const newCount = Number(await page.getByTestId("due-new").textContent());
  expect(newCount).toBeGreaterThan(0);
  await page.getByRole("link", { name: "Start reviewing" }).click();
  await page.locator("[data-ready=true]").waitFor();

  // Review by keyboard: Space reveals, 4 grades Easy (a new card graded Good
  // would stay in today's counts as a learning step, as in Anki).
  await expect(page.getByTestId("prompt")).toBeVisible();
  const before = remaining(await page.getByTestId("remaining").textContent());
  const firstPrompt = await page.getByTestId("prompt").textContent();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("answer")).toBeVisible();
  await expect(page.getByTestId("interval-good")).toHaveText(/\d+(m|h|d)/);
  await expect(page.getByTestId("interval-easy")).toHaveText(/\d+d/);
  await page.keyboard.press("4");
  await expect(page.getByTestId("remaining")).not.toHaveText(new RegExp(`^${before} left`));
  const after = remaining(await page.getByTestId("remaining").textContent());
  expect(after).toBeLessThan(before);
  await expect(page.getByTestId("prompt")).not.toHaveText(firstPrompt ?? "");

  // Reload keeps progress.
  await page.reload();
  await page.locator("[data-ready=true]").waitFor();
  expect(remaining(await page.getByTestId("remaining").textContent())).toBe(after);

  // Sign out, then sign in as another user through the form: a fresh schedule.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  const second = uniqueEmail("second");
  await createAccount(second);
  await page.getByLabel("Email").fill(second);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
  await expect(page.getByTestId("due-new")).toHaveText(String(newCount));
  await expect(page.getByTestId("due-reviews")).toHaveText("0");
});

test("sign-in and sign-up explain each error", async ({ page }) => {
  const email = uniqueEmail("taken");
  await createAccount(email);

  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists.")).toBeVisible();

  await page.getByLabel("Email").fill(uniqueEmail("weak"));
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 8 characters for your password.")).toBeVisible();

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
});

test("a signed-out visitor is sent to sign-in and back to the page they asked for", async ({ page }) => {
  const email = uniqueEmail("returning");
  await createAccount(email);
  await page.goto("/review");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Freview/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByRole("heading", { name: "Review" })).toBeVisible();
});
