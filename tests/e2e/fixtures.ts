import { test as base, expect, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { e2eDatabaseUrl } from "../../playwright.config";

const root = path.resolve(__dirname, "../..");
export const PASSWORD = "correct horse battery";
let counter = 0;

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${++counter}@example.com`;
}

/** Creates an account in the e2e database through the app's own code (scripts/create-user.ts). */
export function createAccount(email: string): void {
  execFileSync(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/create-user.ts", email, PASSWORD, "UTC"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
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

export const test = base.extend<{ user: { email: string } }>({
  user: async ({ page }, use) => {
    const email = uniqueEmail("learner");
    createAccount(email);
    await signInWithoutForm(page, email);
    await use({ email });
  },
});

export { expect };
