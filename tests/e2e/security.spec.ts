// Security in the running app: headers, session cookie, sign-in throttling,
// cross-site requests, and injected markup rendered as text.
import fs from "node:fs";
import path from "node:path";
import { request as newRequest, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import { test, expect, createAccount, uniqueEmail, PASSWORD, expectSignedInAs } from "./fixtures";
import { LoopbackClient } from "./loopback-client";

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

/** One credentials sign-in through next-auth's endpoint, with a fresh CSRF token. */
async function credentialsSignIn(request: APIRequestContext, email: string, password: string, headers: Record<string, string> = {}): Promise<APIResponse> {
  const { csrfToken } = await (await request.get("/api/auth/csrf", { headers })).json();
  return request.post("/api/auth/callback/credentials", { form: { email, password, csrfToken, callbackUrl: "/" }, headers, maxRedirects: 0 });
}

function sessionCookieSet(res: APIResponse): boolean {
  return res.headersArray().some((h) => h.name.toLowerCase() === "set-cookie" && /(^|__Secure-)authjs\.session-token=/.test(h.value));
}

test.describe("response headers", () => {
  // /api/review/next is answered by scripts/review-fast-path.ts, outside Next: it must carry next.config.js's headers too.
  for (const url of ["/sign-in", "/api/auth/csrf", "/api/review/next", "/review", "/no-such-page"]) {
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
    await expectSignedInAs(page, user);
    const cookie = (await page.context().cookies()).find((c) => c.name === "authjs.session-token");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
    // Scripts in the page cannot read it.
    await page.goto("/");
    expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
  });

  test("the sign-in form (server action) sets the same cookie", async ({ page }) => {
    const email = uniqueEmail("form-cookie");
    await createAccount(email);
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
    await createAccount(email);
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
  // Each test that makes sign-ins fail does so from a loopback address of its
  // own (LoopbackClient), so its failures never lock the browser's 127.0.0.1.
  test("the credentials endpoint answers 429 with Retry-After after 5 failures, for that account only", async ({ baseURL }) => {
    const victim = uniqueEmail("throttled");
    const bystander = uniqueEmail("bystander");
    await createAccount(victim);
    await createAccount(bystander);
    const client = new LoopbackClient(baseURL!);
    for (let i = 0; i < 5; i++) {
      const res = await client.signIn(victim, `wrong password ${i}`);
      expect(res.status).toBe(302);
      expect(res.headers["location"]).toContain("error=CredentialsSignin");
    }
    for (const password of ["wrong again", PASSWORD]) {
      const res = await client.signIn(victim.toUpperCase(), password);
      expect(res.status).toBe(429);
      const retry = Number(res.headers["retry-after"]);
      expect(Number.isInteger(retry) && retry >= 1 && retry <= 60).toBe(true);
      expect(res.text).toMatch(TOO_MANY);
      expect(res.sessionCookieSet).toBe(false);
    }
    const other = await new LoopbackClient(baseURL!).signIn(bystander, PASSWORD);
    expect(other.status).toBe(302);
    expect(other.headers["location"]).not.toContain("error");
    expect(other.sessionCookieSet).toBe(true);
  });

  test("the limit counts the account whose password is checked: a repeated email field is refused, and JSON, case and space variants share one counter", async ({ baseURL }) => {
    const victim = uniqueEmail("repeated-field");
    await createAccount(victim);
    const client = new LoopbackClient(baseURL!);
    const raw = async (body: string) =>
      client.request("POST", "/api/auth/callback/credentials", { body: `${body}&csrfToken=${encodeURIComponent(await client.csrfToken())}&callbackUrl=%2F` });
    // email=decoy&email=victim: the decoy used to be counted while the victim's password was checked.
    for (let i = 0; i < 6; i++) {
      const res = await raw(`email=${encodeURIComponent(uniqueEmail("decoy"))}&email=${encodeURIComponent(victim)}&password=guess${i}`);
      expect(res.status).toBe(400);
      expect(res.text).toBe("Send the email field once.");
    }
    // Five failures through different shapes of the same identity lock it.
    const shapes = [victim, victim.toUpperCase(), `  ${victim} `, victim, victim];
    for (const [i, email] of shapes.entries()) {
      const res = await client.signIn(email, `wrong ${i}`, { json: i % 2 === 1 });
      expect(res.headers["location"] ?? res.text).toContain("error=CredentialsSignin");
    }
    const locked = await client.signIn(victim, PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.sessionCookieSet).toBe(false);
  });

  test("a successful sign-in clears the account's failures", async ({ baseURL }) => {
    const email = uniqueEmail("clears");
    await createAccount(email);
    const client = new LoopbackClient(baseURL!);
    for (let i = 0; i < 4; i++) expect((await client.signIn(email, "wrong password")).headers["location"]).toContain("error=CredentialsSignin");
    expect((await client.signIn(email, PASSWORD)).sessionCookieSet).toBe(true);
    for (let i = 0; i < 4; i++) expect((await client.signIn(email, "wrong password")).headers["location"]).toContain("error=CredentialsSignin");
    // 8 failures in the minute, but only 4 since the success: still allowed.
    const res = await client.signIn(email, PASSWORD);
    expect(res.status).toBe(302);
    expect(res.sessionCookieSet).toBe(true);
  });

  test("the sign-in form says how long to wait, and the lock holds on the endpoint too", async ({ page, baseURL }) => {
    const email = uniqueEmail("form-throttled");
    await createAccount(email);
    await page.goto("/sign-in");
    const alert = page.locator("form [role=alert]");
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(`wrong password ${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      // This attempt's answer is rendered once React has emptied the password
      // field (the alert alone may still be the previous attempt's).
      await expect(page.getByLabel("Password")).toHaveValue("");
      await expect(alert).toHaveText("Wrong email or password.");
    }
    // Even the right password is refused while the account is locked.
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alert).toHaveText(TOO_MANY);
    expect(page.url()).toContain("/sign-in");
    expect((await page.context().cookies()).some((c) => c.name === "authjs.session-token")).toBe(false);
    expect((await new LoopbackClient(baseURL!).signIn(email, PASSWORD)).status).toBe(429);
  });
});

// Item 8 of issue 15. The default run has no TRUST_PROXY; scripts/test.sh runs
// this describe again against a server started with TRUST_PROXY=1.
test.describe("per-address limit", () => {
  const trusted = Number(process.env.TRUST_PROXY ?? 0) > 0 || process.env.TRUST_PROXY === "true";

  test("20 failed sign-ins from one address over different accounts lock that address only, whatever X-Forwarded-For says", async ({ baseURL }) => {
    test.skip(trusted, "the default setup: no proxy trusted");
    const client = new LoopbackClient(baseURL!);
    for (let i = 0; i < 20; i++) {
      // Each failure claims another forwarded address: without TRUST_PROXY the header is not believed.
      const res = await client.signIn(uniqueEmail("sprayed"), "wrong password", { headers: { "x-forwarded-for": `203.0.113.${i}` } });
      expect(res.headers["location"]).toContain("error=CredentialsSignin");
    }
    const email = uniqueEmail("sprayer-own");
    await createAccount(email);
    const blocked = await client.signIn(email, PASSWORD, { headers: { "x-forwarded-for": "198.51.100.77" } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    // Another client, even one naming the locked address, is not locked out.
    const neighbour = new LoopbackClient(baseURL!);
    expect((await neighbour.signIn(email, PASSWORD, { headers: { "x-forwarded-for": client.address } })).sessionCookieSet).toBe(true);
  });

  test("behind a trusted proxy (TRUST_PROXY=1) the address is the one the proxy appended: a forged left part neither bypasses nor locks out", async ({ baseURL }) => {
    test.skip(!trusted, "run by scripts/test.sh with TRUST_PROXY=1");
    // One loopback socket stands for the proxy; X-Forwarded-For is what it appended.
    const proxy = new LoopbackClient(baseURL!);
    const client = "192.0.2.44";
    for (let i = 0; i < 20; i++) {
      const res = await proxy.signIn(uniqueEmail("sprayed"), "wrong password", { headers: { "x-forwarded-for": `203.0.113.${i}, ${client}` } });
      expect(res.headers["location"]).toContain("error=CredentialsSignin");
    }
    const email = uniqueEmail("behind-proxy");
    await createAccount(email);
    expect((await proxy.signIn(email, PASSWORD, { headers: { "x-forwarded-for": `198.51.100.1, ${client}` } })).status).toBe(429);
    const other = await proxy.signIn(email, PASSWORD, { headers: { "x-forwarded-for": `${client}, 192.0.2.45` } });
    expect(other.sessionCookieSet).toBe(true);
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
    await expectSignedInAs(page, user);
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
    await createAccount(email);
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
    await expectSignedInAs(page, user);
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
    await expectSignedInAs(page, user);
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
    await expectSignedInAs(page, user);
    await page.goto("/documents/new");
    await page.getByLabel("Title").fill("Too large");
    await page.locator("input[type=file]").setInputFiles({ name: "big.txt", mimeType: "text/plain", buffer: Buffer.alloc(FIVE_MB, "a ") });
    await page.getByRole("button", { name: "Generate cards" }).click();
    await expect(page.getByText(TOO_BIG).first()).toBeVisible({ timeout: 15_000 });
    await expect(page.getByLabel("Title")).toBeVisible();
  });
});

test.describe("request bodies are read up to a limit (413)", () => {
  test("the grade endpoint refuses a 1 MB body with 413 and still grades a normal one", async ({ page, user }) => {
    await expectSignedInAs(page, user);
    const huge = JSON.stringify({ cardId: "x", version: 0, grade: "good", pad: "a".repeat(1_000_000) });
    const res = await page.request.post("/api/review/grade", { data: huge, headers: { "content-type": "application/json" } });
    expect(res.status()).toBe(413);
    expect((await res.json()).error).toMatch(/too large/);
    const small = await page.request.post("/api/review/grade", { data: { cardId: "nope", version: 0, grade: "good" } });
    expect(small.status()).toBe(404);
  });

  test("next-auth's endpoints refuse a 100 kB form with 413 before reading it whole", async ({ request }) => {
    const pad = "a".repeat(100_000);
    for (const url of ["/api/auth/callback/credentials", "/api/auth/signout"]) {
      const res = await request.post(url, { data: `email=a%40example.com&password=x&pad=${pad}`, headers: { "content-type": "application/x-www-form-urlencoded" }, maxRedirects: 0 });
      expect(res.status(), url).toBe(413);
    }
  });

  test("a server action refuses a body over its 3 MB limit with 413", async ({ page, user }) => {
    await expectSignedInAs(page, user);
    const id = actionId("app/(app)/review/actions.ts", "cardAction");
    const res = await page.request.post("/review", {
      headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
      data: JSON.stringify([{ cardId: "x", action: "suspend", pad: "a".repeat(4_000_000) }]),
      maxRedirects: 0,
    });
    expect(res.status()).toBe(413);
  });
});

test.describe("redirects stay on this site", () => {
  test("after sign-in, ?next= pointing at another host (tab, backslash, //) lands on /", async ({ page, baseURL }) => {
    const email = uniqueEmail("next-redirect");
    await createAccount(email);
    const origin = new URL(baseURL!).origin;
    for (const next of ["/%09/evil.example/x", "//evil.example/x", "/%5Cevil.example", "/.//evil.example"]) {
      await page.context().clearCookies();
      await page.goto(`/sign-in?next=${next}`);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
      expect(new URL(page.url()).origin, next).toBe(origin);
      expect(new URL(page.url()).pathname, next).toBe("/");
    }
  });

  test("?next= with CR, LF, tab or non-ASCII never breaks the Location header (no 500)", async ({ page, user }) => {
    await expectSignedInAs(page, user);
    // Signed in, /sign-in redirects straight to ?next=.
    for (const next of ["/%0a/x", "/%0d%0aSet-Cookie:%20a=b", "/%09/evil.example", "/%C3%A9t%C3%A9", "/%E2%80%AEevil", "/review?q=%00"]) {
      const res = await page.request.get(`/sign-in?next=${next}`, { maxRedirects: 0 });
      expect(res.status(), next).toBeLessThan(400);
      const location = res.headers()["location"] ?? "";
      expect(location, next).toMatch(/^\/[\x21-\x7E]*$/);
      expect(res.headers()["set-cookie"] ?? "", next).not.toContain("a=b");
    }
  });

  test("next-auth's callbackUrl is held to the same rule", async ({ request, baseURL }) => {
    const email = uniqueEmail("callback-url");
    await createAccount(email);
    const origin = new URL(baseURL!).origin;
    for (const callbackUrl of ["https://evil.example/", "/\t/evil.example/x", "//evil.example", "/é"]) {
      const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
      const res = await request.post("/api/auth/callback/credentials", { form: { email, password: PASSWORD, csrfToken, callbackUrl }, maxRedirects: 0 });
      expect(res.status(), callbackUrl).toBe(302);
      expect(new URL(res.headers()["location"], baseURL).origin, callbackUrl).toBe(origin);
    }
  });
});

test.describe("cross-site Origin values", () => {
  test("Origin: null or an unparsable Origin on the grade endpoint gets 403 with the cross-site message, not a 500", async ({ page, user }) => {
    await expectSignedInAs(page, user);
    for (const origin of ["null", "not a url", "http://", "file:///x"]) {
      const res = await page.request.post("/api/review/grade", { data: { cardId: "x", version: 0, grade: "good" }, headers: { Origin: origin } });
      expect(res.status(), origin).toBe(403);
      expect(await res.json()).toEqual({ error: "Cross-site requests are not allowed." });
    }
  });
});

test.describe("sign-out ends the session", () => {
  test("after signing out, the old cookie replayed reads nothing: pages redirect to sign-in, the JSON API answers 401", async ({ page, user, baseURL }) => {
    await expectSignedInAs(page, user);
    await page.goto("/");
    const cookie = (await page.context().cookies()).find((c) => c.name === "authjs.session-token")!;
    const replay = await newRequest.newContext({ baseURL, extraHTTPHeaders: { cookie: `${cookie.name}=${cookie.value}` } });
    try {
      expect((await replay.get("/api/review/next")).status()).toBe(200);
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
      expect((await replay.get("/api/review/next")).status()).toBe(401);
      expect((await replay.post("/api/review/grade", { data: { cardId: "x", version: 0, grade: "good" } })).status()).toBe(401);
      const home = await replay.get("/", { maxRedirects: 0 });
      expect(home.status()).toBe(307);
      expect(home.headers()["location"]).toContain("/sign-in");
      expect(await (await replay.get("/api/auth/session")).json()).toBeNull();
    } finally {
      await replay.dispose();
    }
  });
});

test.describe("password rules", () => {
  test("the sign-up form states every rule before anything is typed, and refuses guessable passwords with the reason", async ({ page }) => {
    await page.goto("/sign-up");
    const rules = page.locator("#password-rules");
    await expect(rules).toContainText("8 to 128 characters");
    await expect(rules).toContainText("hard to guess");
    await expect(rules).toContainText("not containing the name part of your email address");
    await expect(rules).toContainText("not only spaces or invisible ones");
    // The rules above are in the server's HTML: wait for the form's own script
    // (it fills in the browser's time zone once hydrated) before typing.
    await expect(page.locator('input[name="timeZone"]')).not.toHaveValue("");
    const passwordField = page.getByLabel("Password");
    for (const [password, message] of [
      ["12341234", /too easy to guess/],
      ["qwerty123", /too easy to guess/],
      ["abcdabcd", /too easy to guess/],
      ["\u00A0\u2003\u3000\u00A0\u2003\u3000\u00A0\u2003\u3000", /invisible/],
    ] as const) {
      await page.getByLabel("Email").fill(uniqueEmail("weak-password"));
      await passwordField.fill(password);
      await page.getByRole("button", { name: "Create account" }).click();
      // Wait for this submission's answer, not the last one's (the same message
      // twice in a row would match at once): React empties the password field
      // when the action's answer is rendered. Typing the next password before
      // then lost it to that reset, and the empty password was refused as
      // "Use at least 8 characters".
      await expect(passwordField).toHaveValue("");
      await expect(page.locator("#password-error"), password).toHaveText(message);
      expect(page.url()).toContain("/sign-up");
    }
  });
});
