import { test as base, expect, type Page } from "@playwright/test";
import { createAccount as createAccountWithPassword } from "./e2e-database";

export const PASSWORD = "correct horse battery";
let counter = 0;

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${++counter}@example.com`;
}

/** Creates an account with PASSWORD in the e2e database (in this process: tests/e2e/e2e-database.ts). */
export async function createAccount(email: string): Promise<void> {
  await createAccountWithPassword(email, PASSWORD);
}

/** Signs in through next-auth's credentials endpoint (no form), leaving the session cookie in the page's context. */
export async function signInWithoutForm(page: Page, email: string): Promise<void> {
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  const res = await page.request.post("/api/auth/callback/credentials", {
    form: { email, password: PASSWORD, csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(res.status(), "credentials sign-in redirects").toBe(302);
  expect(res.headers()["location"]).not.toContain("error");
}

/**
 * Fails unless `page`'s session is `user`'s: next-auth's GET /api/auth/session
 * names their email. The first line of a test that needs a signed-in learner.
 */
export async function expectSignedInAs(page: Page, user: { email: string }): Promise<void> {
  const res = await page.request.get("/api/auth/session");
  expect(res.status(), "GET /api/auth/session").toBe(200);
  const session = (await res.json()) as { user?: { email?: string } } | null;
  expect(session?.user?.email, "the session is the signed-in learner's").toBe(user.email);
}

export const test = base.extend<{ user: { email: string } }>({
  user: async ({ page }, use) => {
    const email = uniqueEmail("learner");
    await createAccount(email);
    await signInWithoutForm(page, email);
    await use({ email });
  },
});

export { expect };
