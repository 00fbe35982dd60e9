// Security in the running app: headers, session cookie, sign-in throttling,
// cross-site requests, and injected markup rendered as text.
import fs from "node:fs";
import path from "node:path";
import { request as newRequest, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import { test, expect, createAccount, uniqueEmail, PASSWORD } from "./fixtures";

const root = path.resolve(__dirname, "../..");
const EVIL = "https://evil.example";
const TOO_MANY = /^Too many attempts\. Try again in \d+ seconds?\.$/;

/** The id Next gave a server action in this build (ids change from build to build). */
function actionId(file: string, name: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === name);
  if (!found) throw new Error(`server action ${file}#${name} not in the build manifest`);
  return found[0];
}

let ipCounter = 0;
/**
 * A client address of its own for a test that makes sign-ins fail. It only
 * counts when the server runs with TRUST_PROXY; then it keeps one test's
 * failures from locking the shared 127.0.0.1 out of every other test's sign-in.
 */
function ownAddress(): Record<string, string> {
  return { "x-forwarded-for": `198.51.100.${(process.pid + ++ipCounter) % 250}` };
}

/** One credentials sign-in through next-auth's endpoint, with a fresh CSRF token. */
async function credentialsSignIn(request: APIRequestContext, email: string, password: string, headers: Record<string, string> = {}): Promise<APIResponse> {
  const { csrfToken } = await (await request.get("/api/auth/csrf", { headers })).json();
  return request.post("/api/auth/callback/credentials", { form: { email, password, csrfToken, callbackUrl: "/" }, headers, maxRedirects: 0 });
}

function sessionCookieSet(res: APIResponse): boolean {
  return res.headersArray().some((h) => h.name.toLowerCase() === "set-cookie" && /(^|__Secure-)authjs\.session-token=/.test(h.value));
}

test.describe("response headers", () => {
  for (const url of ["/sign-in", "/api/auth/csrf", "/review", "/no-such-page"]) {
    test(`${url} carries the security headers`, async ({ request }) => {
      const res = await request.get(url, { maxRedirects: 0 });
      const h = res.headers();
      const csp = h["content-security-policy"] ?? "";
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("form-action 'self'");
      expect(csp).not.toMatch(/unsafe-eval|\*/);
      // Pages: scripts only with this response's nonce; the JSON API: none inline at all.
      const scripts = csp.split(/;\s*/).find((d) => d.startsWith("script-src")) ?? "";
      expect(scripts).not.toContain("unsafe-inline");
      if (!url.startsWith("/api/")) expect(scripts).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'$/);
      expect(h["referrer-policy"]).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["x-frame-options"]).toBe("DENY");
      expect(h["x-powered-by"]).toBeUndefined();
    });
  }
});

test.describe("session cookie", () => {
  test("is HttpOnly, SameSite=Lax, and not Secure over plain HTTP (signed in through next-auth's endpoint)", async ({ page, user }) => {
    expect(user.email).toContain("@");
    const cookie = (await page.context().cookies()).find((c) => c.name === "authjs.session-token");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
    // Scripts in the page cannot read it.
    await page.goto("/");
    expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
  });

  test("the sign-in form (server action) sets the same cookie", async ({ page }) => {
    const email = uniqueEmail("form-cookie");
    createAccount(email);
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
    const cookie = (await page.context().cookies()).find((c) => c.name === "authjs.session-token");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
  });

  // Real HTTPS cannot be served here; behind a TLS-terminating proxy that sends
  // X-Forwarded-Proto: https, next-auth switches to the __Secure- cookie.
  test("behind an HTTPS proxy the cookie is __Secure- prefixed and Secure", async ({ request }) => {
    const email = uniqueEmail("https-cookie");
    createAccount(email);
    const headers = { "x-forwarded-proto": "https" };
    const csrf = await request.get("/api/auth/csrf", { headers });
    const { csrfToken } = await csrf.json();
    const res = await request.post("/api/auth/callback/credentials", { form: { email, password: PASSWORD, csrfToken, callbackUrl: "/" }, headers, maxRedirects: 0 });
    const session = res.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("__Secure-authjs.session-token="));
    expect(session?.value).toMatch(/;\s*Secure/i);
    expect(session?.value).toMatch(/;\s*HttpOnly/i);
    expect(session?.value).toMatch(/;\s*SameSite=Lax/i);
  });
});

test.describe("sign-in throttling", () => {
  test("the credentials endpoint answers 429 with Retry-After after 5 failures, for that account only", async ({ request }) => {
    const victim = uniqueEmail("throttled");
    const bystander = uniqueEmail("bystander");
    createAccount(victim);
    createAccount(bystander);
    const ip = ownAddress();
    for (let i = 0; i < 5; i++) {
      const res = await credentialsSignIn(request, victim, `wrong password ${i}`, ip);
      expect(res.status()).toBe(302);
      expect(res.headers()["location"]).toContain("error=CredentialsSignin");
    }
    for (const password of ["wrong again", PASSWORD]) {
      const res = await credentialsSignIn(request, victim.toUpperCase(), password, ip);
      expect(res.status()).toBe(429);
      const retry = Number(res.headers()["retry-after"]);
      expect(Number.isInteger(retry) && retry >= 1 && retry <= 60).toBe(true);
      expect(await res.text()).toMatch(TOO_MANY);
      expect(sessionCookieSet(res)).toBe(false);
    }
    const other = await credentialsSignIn(request, bystander, PASSWORD, ownAddress());
    expect(other.status()).toBe(302);
    expect(other.headers()["location"]).not.toContain("error");
    expect(sessionCookieSet(other)).toBe(true);
  });

  test("the limit counts the account whose password is checked: a repeated email field is refused, and JSON, case and space variants share one counter", async ({ request }) => {
    const victim = uniqueEmail("repeated-field");
    createAccount(victim);
    const ip = ownAddress();
    const raw = async (body: string) => {
      const { csrfToken } = await (await request.get("/api/auth/csrf", { headers: ip })).json();
      return request.post("/api/auth/callback/credentials", {
        data: `${body}&csrfToken=${encodeURIComponent(csrfToken)}&callbackUrl=%2F`,
        headers: { ...ip, "content-type": "application/x-www-form-urlencoded" },
        maxRedirects: 0,
      });
    };
    // email=decoy&email=victim: the decoy used to be counted while the victim's password was checked.
    for (let i = 0; i < 6; i++) {
      const res = await raw(`email=${encodeURIComponent(uniqueEmail("decoy"))}&email=${encodeURIComponent(victim)}&password=guess${i}`);
      expect(res.status()).toBe(400);
      expect(await res.text()).toBe("Send the email field once.");
    }
    // Five failures through different shapes of the same identity lock it.
    const shapes = [victim, victim.toUpperCase(), `  ${victim} `, victim, victim];
    for (const [i, email] of shapes.entries()) {
      const { csrfToken } = await (await request.get("/api/auth/csrf", { headers: ip })).json();
      const res =
        i % 2
          ? await request.post("/api/auth/callback/credentials", { data: { email, password: `wrong ${i}`, csrfToken, callbackUrl: "/" }, headers: ip, maxRedirects: 0 })
          : await credentialsSignIn(request, email, `wrong ${i}`, ip);
      expect(res.headers()["location"] ?? (await res.text())).toContain("error=CredentialsSignin");
    }
    const locked = await credentialsSignIn(request, victim, PASSWORD, ip);
    expect(locked.status()).toBe(429);
    expect(sessionCookieSet(locked)).toBe(false);
  });

  test("a successful sign-in clears the account's failures", async ({ request }) => {
    const email = uniqueEmail("clears");
    createAccount(email);
    // Each burst from its own address: the per-IP counter (with TRUST_PROXY) is not cleared by a success.
    const [first, second] = [ownAddress(), ownAddress()];
    for (let i = 0; i < 4; i++) expect((await credentialsSignIn(request, email, "wrong password", first)).headers()["location"]).toContain("error=CredentialsSignin");
    expect(sessionCookieSet(await credentialsSignIn(request, email, PASSWORD, first))).toBe(true);
    for (let i = 0; i < 4; i++) expect((await credentialsSignIn(request, email, "wrong password", second)).headers()["location"]).toContain("error=CredentialsSignin");
    // 8 failures in the minute, but only 4 since the success: still allowed.
    const res = await credentialsSignIn(request, email, PASSWORD, second);
    expect(res.status()).toBe(302);
    expect(sessionCookieSet(res)).toBe(true);
  });

  test("the sign-in form says how long to wait, and the lock holds on the endpoint too", async ({ page, request }) => {
    const email = uniqueEmail("form-throttled");
    createAccount(email);
    await page.setExtraHTTPHeaders(ownAddress());
    await page.goto("/sign-in");
    const alert = page.locator("form [role=alert]");
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(`wrong password ${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(alert).toHaveText("Wrong email or password.");
      await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
      await page.getByLabel("Password").fill("");
    }
    // Even the right password is refused while the account is locked.
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alert).toHaveText(TOO_MANY);
    expect(page.url()).toContain("/sign-in");
    expect((await page.context().cookies()).some((c) => c.name === "authjs.session-token")).toBe(false);
    expect((await credentialsSignIn(request, email, PASSWORD, ownAddress())).status()).toBe(429);
  });
});

test.describe("per-IP throttling (only behind a trusted proxy)", () => {
  test("with TRUST_PROXY, 5 failures from one address on different accounts lock that address only", async ({ request }) => {
    test.skip(!process.env.TRUST_PROXY, "run with TRUST_PROXY=1: without it the app trusts no forwarding header, so there is no per-IP limit");
    const ip = ownAddress();
    for (let i = 0; i < 5; i++) {
      const res = await credentialsSignIn(request, uniqueEmail("sprayed"), "wrong password", ip);
      expect(res.headers()["location"]).toContain("error=CredentialsSignin");
    }
    const email = uniqueEmail("behind-proxy");
    createAccount(email);
    const blocked = await credentialsSignIn(request, email, PASSWORD, { "x-forwarded-for": `${ip["x-forwarded-for"]}, 10.0.0.1` });
    expect(blocked.status()).toBe(429);
    expect(Number(blocked.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(sessionCookieSet(await credentialsSignIn(request, email, PASSWORD, ownAddress()))).toBe(true);
  });
});

test.describe("cross-site requests", () => {
  async function firstCardId(page: Page): Promise<string> {
    await page.goto("/review");
    await page.locator("[data-ready=true]").waitFor();
    const href = await page.getByRole("link", { name: "Edit" }).getAttribute("href");
    const id = /^\/cards\/(.+)$/.exec(href ?? "")?.[1];
    if (!id) throw new Error(`no card link on /review: ${href}`);
    return id;
  }

  async function suspendedCount(page: Page): Promise<number> {
    await page.goto("/cards?filter=suspended");
    return page.locator('a[href^="/cards/"]:not([href*="filter"])').count();
  }

  test("a forged cross-origin server action POST is refused and changes nothing; the same request from the app's origin works", async ({ page, user, baseURL }) => {
    expect(user.email).toContain("@");
    const cardId = await firstCardId(page);
    const id = actionId("app/(app)/review/actions.ts", "cardAction");
    const forge = (origin: string) =>
      page.request.post("/review", {
        headers: { "Next-Action": id, Origin: origin, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
        data: JSON.stringify([{ cardId, action: "suspend" }]),
        maxRedirects: 0,
      });

    const forged = await forge(EVIL);
    expect(forged.status()).toBeGreaterThanOrEqual(400);
    expect(await forged.text()).not.toContain("queue");
    expect(await suspendedCount(page)).toBe(0);

    // Control: the very same request from the app's own origin suspends the card,
    // so the refusal above is the origin check and not a malformed request.
    const same = await forge(new URL(baseURL!).origin);
    expect(same.status()).toBe(200);
    expect(await suspendedCount(page)).toBe(1);
  });

  test("a cross-origin POST to the credentials endpoint without a valid CSRF token does not sign in", async ({ baseURL }) => {
    const email = uniqueEmail("csrf");
    createAccount(email);
    const attacker = await newRequest.newContext({ baseURL });
    try {
      const forms: Record<string, string>[] = [
        { email, password: PASSWORD, callbackUrl: "/" },
        { email, password: PASSWORD, csrfToken: "forged-token", callbackUrl: "/" },
      ];
      for (const form of forms) {
        const res = await attacker.post("/api/auth/callback/credentials", { form, headers: { Origin: EVIL, Referer: `${EVIL}/` }, maxRedirects: 0 });
        expect(res.status()).toBe(302);
        expect(res.headers()["location"]).toContain("error=MissingCSRF");
        expect(sessionCookieSet(res)).toBe(false);
      }
      expect(await (await attacker.get("/api/auth/session")).json()).toBeNull();
      // A token from another browser (the attacker's own) does not match the victim's cookie either.
      const { csrfToken } = await (await attacker.get("/api/auth/csrf")).json();
      const victim = await newRequest.newContext({ baseURL });
      await victim.get("/api/auth/csrf"); // the victim's browser has its own CSRF cookie
      const res = await victim.post("/api/auth/callback/credentials", { form: { email, password: PASSWORD, csrfToken }, headers: { Origin: EVIL }, maxRedirects: 0 });
      expect(res.headers()["location"]).toContain("error=MissingCSRF");
      expect(sessionCookieSet(res)).toBe(false);
      await victim.dispose();
      // Control: with its own token the same account signs in.
      expect(sessionCookieSet(await credentialsSignIn(attacker, email, PASSWORD))).toBe(true);
    } finally {
      await attacker.dispose();
    }
  });
});

test.describe("injected markup is shown as text", () => {
  const PROMPT = `<img src=x onerror="window.__pwned=1"> When was it signed?`;
  const ANSWER = `<script>window.__pwned=2</script>`;

  test("a card edited to HTML renders as text on the card page, the card list and the review page", async ({ page, user }) => {
    expect(user.email).toContain("@");
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto("/review");
    await page.locator("[data-ready=true]").waitFor();
    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByLabel("Prompt").fill(PROMPT);
    await page.getByLabel("Answer").fill(ANSWER);
    await page.getByRole("button", { name: "Save my wording" }).click();
    await expect(page.getByRole("status")).toContainText("Saved.");

    await page.reload();
    await expect(page.getByLabel("Prompt")).toHaveValue(PROMPT);
    await expect(page.getByLabel("Answer")).toHaveValue(ANSWER);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

    await page.goto("/cards?filter=edited");
    await expect(page.getByRole("link", { name: PROMPT })).toBeVisible();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

    await page.goto("/review");
    await page.locator("[data-ready=true]").waitFor();
    await expect(page.getByTestId("prompt")).toHaveText(PROMPT);
    await page.keyboard.press("Space");
    await expect(page.getByTestId("answer")).toHaveText(ANSWER);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator("script", { hasText: "__pwned" }).count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);

    // Second line of defence: even inserted as HTML, the markup does not run.
    // The page's CSP allows scripts only with its nonce, so the browser
    // refuses the inline handler and reports the violation.
    const outcome = await page.evaluate(
      (html) =>
        new Promise<{ errored: boolean; violation: string | null }>((resolve) => {
          let violation: string | null = null;
          document.addEventListener("securitypolicyviolation", (e) => (violation = e.effectiveDirective));
          document.body.insertAdjacentHTML("beforeend", html);
          const img = document.body.lastElementChild?.querySelector("img") ?? document.querySelector('img[src="x"]');
          img?.addEventListener("error", () => setTimeout(() => resolve({ errored: true, violation }), 100));
          setTimeout(() => resolve({ errored: false, violation }), 5000);
        }),
      PROMPT,
    );
    expect(outcome.errored).toBe(true);
    expect(outcome.violation).toMatch(/^script-src/);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});

test.describe("oversized input in the browser", () => {
  // A 5 MB paste or file is over the server actions' 3 MB body limit
  // (next.config.js): the form refuses it before sending, with the length message.
  const FIVE_MB = 5 * 1024 * 1024;
  const TOO_BIG = /too long|too large|limit/i;

  test("pasting 5 MB of text gets a message, not an error page", async ({ page, user }) => {
    expect(user.email).toContain("@");
    await page.goto("/documents/new");
    await page.getByLabel("Title").fill("Too long");
    await page.getByLabel("Text").evaluate((el, n) => {
      const area = el as HTMLTextAreaElement;
      area.value = "In 1990, Alpha and Beta signed a treaty. ".repeat(n);
      area.dispatchEvent(new Event("input", { bubbles: true }));
    }, Math.ceil(FIVE_MB / 41));
    await page.getByRole("button", { name: "Generate cards" }).click();
    await expect(page.getByText(TOO_BIG).first()).toBeVisible({ timeout: 15_000 });
    await expect(page.getByLabel("Title")).toBeVisible();
  });

  test("uploading a 5 MB file gets a message, not an error page", async ({ page, user }) => {
    expect(user.email).toContain("@");
    await page.goto("/documents/new");
    await page.getByLabel("Title").fill("Too large");
    await page.locator("input[type=file]").setInputFiles({ name: "big.txt", mimeType: "text/plain", buffer: Buffer.alloc(FIVE_MB, "a ") });
    await page.getByRole("button", { name: "Generate cards" }).click();
    await expect(page.getByText(TOO_BIG).first()).toBeVisible({ timeout: 15_000 });
    await expect(page.getByLabel("Title")).toBeVisible();
  });
});
