import { describe, expect, it } from "vitest";
import { SignInThrottle } from "./rate-limit";
import { authorizeWithinLimit, limitCredentialsSignIn, TooManyAttempts } from "./sign-in-limit";

const T0 = Date.UTC(2026, 2, 2, 10, 0, 0);
const URL_CREDENTIALS = "http://localhost:3000/api/auth/callback/credentials";
const RIGHT = "right password";

/**
 * A stand-in for next-auth's credentials callback: it reads the body the way
 * @auth/core does (form: Object.fromEntries, so the LAST repeated value wins;
 * JSON: the object), normalizes the email like SignInSchema, and authorizes
 * inside the limit. It answers as next-auth does: a redirect with
 * error=CredentialsSignin, or a session cookie.
 */
function fakeNextAuth(throttle: SignInThrottle, clock: () => number, env: Record<string, string | undefined> = {}) {
  const checked: string[] = [];
  const handler = async (req: Request): Promise<Response> => {
    const type = req.headers.get("content-type") ?? "";
    const body = (type.includes("json") ? await req.json() : Object.fromEntries(new URLSearchParams(await req.text()))) as Record<string, unknown>;
    const email = String(body.email ?? "").trim().toLowerCase();
    try {
      const user = await authorizeWithinLimit(
        email,
        async () => {
          checked.push(email);
          return body.password === RIGHT ? { id: email } : null;
        },
        { throttle, headers: req.headers, env, now: clock() },
      );
      if (!user) return Response.redirect("http://localhost:3000/sign-in?error=CredentialsSignin&code=credentials", 302);
      const res = new Response(null, { status: 302, headers: { location: "http://localhost:3000/" } });
      res.headers.append("set-cookie", "authjs.session-token=abc; Path=/; HttpOnly; SameSite=Lax");
      return res;
    } catch (e) {
      if (e instanceof TooManyAttempts) return Response.redirect("http://localhost:3000/sign-in?error=CredentialsSignin&code=too_many_attempts", 302);
      throw e;
    }
  };
  return { handler, checked };
}

function form(fields: [string, string][], headers: Record<string, string> = {}): Request {
  return new Request(URL_CREDENTIALS, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields),
  });
}

function json(body: unknown): Request {
  return new Request(URL_CREDENTIALS, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

describe("the sign-in limit counts the account whose password is checked", () => {
  it("however the request is shaped (form, JSON, case and spaces), the 6th attempt on one account within a minute gets 429 and no password check", async () => {
    let now = T0;
    const { handler, checked } = fakeNextAuth(new SignInThrottle(), () => now);
    const POST = limitCredentialsSignIn(handler);
    const shapes = [
      form([["email", "victim@example.com"], ["password", "a"]]),
      json({ email: "VICTIM@example.com", password: "b" }),
      form([["email", "  victim@example.com "], ["password", "c"]]),
      json({ email: " Victim@Example.com", password: "d" }),
      form([["email", "victim@EXAMPLE.com"], ["password", "e"]]),
    ];
    for (const req of shapes) {
      const res = await POST(req);
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toContain("error=CredentialsSignin");
      now += 1000;
    }
    now = T0 + 15_000;
    const locked = await POST(json({ email: "victim@example.com", password: RIGHT }));
    expect(locked.status).toBe(429);
    expect(locked.headers.get("retry-after")).toBe("45");
    expect(await locked.text()).toBe("Too many attempts. Try again in 45 seconds.");
    expect(checked).toHaveLength(5);
    // Another account is not affected, and the lock ends with the window.
    expect((await POST(form([["email", "other@example.com"], ["password", RIGHT]]))).headers.get("set-cookie")).toContain("session-token");
    now = T0 + 60_000;
    expect((await POST(form([["email", "victim@example.com"], ["password", RIGHT]]))).headers.get("set-cookie")).toContain("session-token");
  });

  it("a repeated field is refused with 400 before any password is checked (email=decoy&email=victim)", async () => {
    const { handler, checked } = fakeNextAuth(new SignInThrottle(), () => T0);
    const POST = limitCredentialsSignIn(handler);
    const cases: [string, [string, string][]][] = [
      ["email", [["email", "decoy@example.com"], ["email", "victim@example.com"], ["password", "x"]]],
      ["password", [["email", "victim@example.com"], ["password", "x"], ["password", "y"]]],
      ["csrfToken", [["email", "victim@example.com"], ["password", "x"], ["csrfToken", "t1"], ["csrfToken", "t2"]]],
    ];
    for (const [field, fields] of cases) {
      const res = await POST(form(fields));
      expect(res.status).toBe(400);
      expect(await res.text()).toBe(`Send the ${field} field once.`);
    }
    expect(checked).toEqual([]);
  });

  it("the limit holds inside authorize even when called without the route wrapper (the sign-in form's path)", async () => {
    const throttle = new SignInThrottle();
    const headers = new Headers();
    for (let i = 0; i < 5; i++) await authorizeWithinLimit("victim@example.com", async () => null, { throttle, headers, now: T0 });
    let verified = false;
    await expect(
      authorizeWithinLimit("victim@example.com", async () => ((verified = true), { id: "1" }), { throttle, headers, now: T0 + 1 }),
    ).rejects.toBeInstanceOf(TooManyAttempts);
    expect(verified).toBe(false);
  });

  it("a success clears the account's failures; an error while checking is not counted", async () => {
    const throttle = new SignInThrottle();
    const headers = new Headers();
    for (let i = 0; i < 4; i++) await authorizeWithinLimit("a@example.com", async () => null, { throttle, headers, now: T0 });
    expect(await authorizeWithinLimit("a@example.com", async () => ({ id: "1" }), { throttle, headers, now: T0 })).toEqual({ id: "1" });
    for (let i = 0; i < 4; i++) {
      await expect(authorizeWithinLimit("a@example.com", async () => Promise.reject(new Error("database down")), { throttle, headers, now: T0 })).rejects.toThrow("database down");
    }
    for (let i = 0; i < 5; i++) expect(await authorizeWithinLimit("a@example.com", async () => null, { throttle, headers, now: T0 })).toBeNull();
    await expect(authorizeWithinLimit("a@example.com", async () => null, { throttle, headers, now: T0 })).rejects.toBeInstanceOf(TooManyAttempts);
  });

  it("counts per client address (the one Recall's server set): 20 failures over many accounts lock that address, not another", async () => {
    const env = { RECALL_CLIENT_ADDRESS_HEADER: "x-recall-client-test" };
    const limited = limitCredentialsSignIn(fakeNextAuth(new SignInThrottle(), () => T0, env).handler);
    const from = (a: string) => ({ "x-recall-client-test": a, "x-forwarded-for": "198.51.100.9" });
    for (let i = 0; i < 20; i++) expect((await limited(form([["email", `u${i}@example.com`], ["password", "x"]], from("203.0.113.7")))).status).toBe(302);
    expect((await limited(form([["email", "u90@example.com"], ["password", "x"]], from("203.0.113.7")))).status).toBe(429);
    expect((await limited(form([["email", "u91@example.com"], ["password", "x"]], from("203.0.113.8")))).status).toBe(302);
  });

  it("passes other auth routes through untouched and leaves the body readable for next-auth", async () => {
    let body = "";
    const POST = limitCredentialsSignIn(async (req: Request) => {
      body = await req.text();
      return new Response(null, { status: 302, headers: { location: "/" } });
    });
    await POST(form([["email", "a@example.com"], ["password", "x"]]));
    expect(new URLSearchParams(body).get("email")).toBe("a@example.com");
    const signOut = new Request("http://localhost:3000/api/auth/signout", { method: "POST", body: "email=a&email=b", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect((await POST(signOut)).status).toBe(302);
  });
});
