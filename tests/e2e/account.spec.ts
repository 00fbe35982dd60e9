// The Account page (issue 14): change password and email, sign out everywhere,
// download my data, delete the account. Each through the real forms.
import { request as newRequest, type BrowserContext, type Page } from "@playwright/test";
import { test, expect, createAccount, signInWithoutForm, uniqueEmail, PASSWORD } from "./fixtures";

async function sessionCookieHeader(context: BrowserContext): Promise<string> {
  const c = (await context.cookies()).find((x) => x.name === "authjs.session-token");
  if (!c) throw new Error("not signed in");
  return `${c.name}=${c.value}`;
}

async function apiStatusWith(baseURL: string, cookie: string): Promise<number> {
  const ctx = await newRequest.newContext({ baseURL, extraHTTPHeaders: { cookie } });
  try {
    return (await ctx.get("/api/review/next")).status();
  } finally {
    await ctx.dispose();
  }
}

async function signInByForm(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("changing the password needs the current one, keeps this browser signed in and signs out the others", async ({ page, user, baseURL, browser }) => {
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInWithoutForm(otherPage, user.email);
  const otherCookie = await sessionCookieHeader(other);
  expect(await apiStatusWith(baseURL!, otherCookie)).toBe(200);

  await page.goto("/account");
  await expect(page.getByTestId("account-email")).toHaveText(user.email);
  await expect(page.locator("#pw-new-rules")).toContainText("8 to 128 characters");
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill("sunflower meadow orbit");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#pw-current-error")).toHaveText("That is not your current password.");

  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill("qwerty123");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#pw-new-error")).toContainText("too easy to guess");

  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill("sunflower meadow orbit");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toHaveText(/Your password was changed/);
  expect(await apiStatusWith(baseURL!, await sessionCookieHeader(page.context()))).toBe(200);
  expect(await apiStatusWith(baseURL!, otherCookie)).toBe(401);
  await otherPage.goto("/");
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await other.close();

  await page.context().clearCookies();
  await signInByForm(page, user.email, PASSWORD);
  await expect(page.locator("form [role=alert]")).toHaveText("Wrong email or password.");
  await signInByForm(page, user.email, "sunflower meadow orbit");
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
});

test("changing the email needs the password and refuses one already in use", async ({ page, user }) => {
  const taken = uniqueEmail("taken-email");
  await createAccount(taken);
  const fresh = uniqueEmail("new-email");
  await page.goto("/account");
  await page.getByLabel("New email address").fill(taken);
  await page.getByLabel("Your password").first().fill(PASSWORD);
  await page.getByRole("button", { name: "Change email" }).click();
  await expect(page.locator("#new-email-error")).toHaveText("Another account already uses this email address.");
  await page.getByLabel("New email address").fill(fresh);
  await page.getByLabel("Your password").first().fill("wrong password");
  await page.getByRole("button", { name: "Change email" }).click();
  await expect(page.locator("#email-password-error")).toHaveText("That is not your current password.");
  await page.getByLabel("Your password").first().fill(PASSWORD);
  await page.getByRole("button", { name: "Change email" }).click();
  await expect(page.getByTestId("account-email")).toHaveText(fresh);
  await page.context().clearCookies();
  await signInByForm(page, user.email, PASSWORD);
  await expect(page.locator("form [role=alert]")).toHaveText("Wrong email or password.");
  await signInByForm(page, fresh, PASSWORD);
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
});

test("sign out everywhere ends every session: a replayed cookie gets 401 and pages send it to sign-in", async ({ page, user, baseURL, browser }) => {
  const other = await browser.newContext();
  await signInWithoutForm(await other.newPage(), user.email);
  const cookies = [await sessionCookieHeader(page.context()), await sessionCookieHeader(other)];
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByText("You were signed out on every device.")).toBeVisible();
  for (const cookie of cookies) expect(await apiStatusWith(baseURL!, cookie)).toBe(401);
  const replay = await newRequest.newContext({ baseURL, extraHTTPHeaders: { cookie: cookies[1] } });
  const home = await replay.get("/", { maxRedirects: 0 });
  expect(home.status()).toBe(307);
  expect(home.headers()["location"]).toContain("/sign-in");
  await replay.dispose();
  await other.close();
});

test("download my data gives a JSON file of the learner's own account", async ({ page, user }) => {
  await page.goto("/account");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my data" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^recall-export-\d{4}-\d{2}-\d{2}\.json$/);
  const res = await page.request.get("/account/export");
  expect(res.headers()["content-disposition"]).toContain("attachment");
  const data = await res.json();
  expect(data.account.email).toBe(user.email);
  expect(JSON.stringify(data)).not.toContain("argon2");
});

test("deleting the account says what goes, needs confirmation and the password, then nothing signs in", async ({ page, user, baseURL }) => {
  const cookie = await sessionCookieHeader(page.context());
  await page.goto("/account");
  await expect(page.getByTestId("delete-contents")).toContainText("document");
  await expect(page.getByTestId("delete-contents")).toContainText("review");
  await page.getByLabel("Your password").last().fill(PASSWORD);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.locator("#confirm-error")).toContainText("Tick the box");
  await page.getByLabel(/everything listed above will be deleted/).check();
  await page.getByLabel("Your password").last().fill("wrong password");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.locator("#delete-password-error")).toHaveText("That is not your current password.");
  await page.getByLabel("Your password").last().fill(PASSWORD);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("Your account and all its data were deleted.")).toBeVisible();
  expect(await apiStatusWith(baseURL!, cookie)).toBe(401);
  await signInByForm(page, user.email, PASSWORD);
  await expect(page.locator("form [role=alert]")).toHaveText("Wrong email or password.");
});
