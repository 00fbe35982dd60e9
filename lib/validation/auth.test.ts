import { describe, expect, it } from "vitest";
import { safeNextPath, safeRedirectTarget, SignUpSchema } from "./auth";

describe("safeNextPath: only a path of this site, decided by parsing it as a browser would", () => {
  it("keeps paths of this site, with their query and fragment", () => {
    expect(safeNextPath("/review")).toBe("/review");
    expect(safeNextPath("/documents/abc?tab=cards#c1")).toBe("/documents/abc?tab=cards#c1");
  });

  it("sends every other host to / however it is spelled", () => {
    for (const next of ["//evil.example/x", "/\t/evil.example/x", "/\n/evil.example", "/\r/evil.example", "/\\evil.example", "\\\\evil.example", "/.//evil.example", "https://evil.example/", "javascript:alert(1)", " /review", "review"]) {
      expect(safeNextPath(next), JSON.stringify(next)).toBe("/");
    }
  });

  it("always gives a valid Location header: control and non-ASCII characters come back percent-encoded", () => {
    for (const next of ["/é", "/\u0001x", "/a b", "/x?q=ü#ö", "/\u202Eevil"]) {
      const out = safeNextPath(next);
      expect(out.startsWith("/")).toBe(true);
      expect(out, JSON.stringify(next)).toMatch(/^[\x21-\x7E]+$/);
    }
  });

  it("refuses what is not a string, or absurdly long", () => {
    expect(safeNextPath(undefined)).toBe("/");
    expect(safeNextPath(["/a", "/b"])).toBe("/");
    expect(safeNextPath("/" + "a".repeat(5000))).toBe("/");
  });
});

describe("safeRedirectTarget (next-auth's callbackUrl)", () => {
  const origin = "http://127.0.0.1:3000";
  it("accepts a path or an absolute URL on the app's own origin, as a path", () => {
    expect(safeRedirectTarget("/review", origin)).toBe("/review");
    expect(safeRedirectTarget("http://127.0.0.1:3000/quiz?x=1", origin)).toBe("/quiz?x=1");
  });
  it("refuses other origins, other ports and schemes", () => {
    for (const t of ["http://127.0.0.1:3001/", "https://127.0.0.1:3000/", "http://evil.example/", "/\t/evil.example", "data:text/html,x"]) expect(safeRedirectTarget(t, origin), t).toBe("/");
  });
});

describe("sign-up password rules (PASSWORD_RULES)", () => {
  const problem = (password: string, email = "learner@example.com") => {
    const r = SignUpSchema.safeParse({ email, password });
    return r.success ? null : r.error.issues.find((i) => i.path[0] === "password")?.message;
  };

  it("refuses guessable passwords, with zxcvbn's reason", () => {
    for (const p of ["12341234", "qwerty123", "abcdabcd", "password1", "iloveyou2", "aaaaaaaaaaaa", "recall2026"]) {
      expect(problem(p), p).toMatch(/too easy to guess/);
    }
  });

  it("refuses invisible-only passwords and control characters such as NUL", () => {
    expect(problem("\u200B".repeat(10))).toMatch(/invisible/);
    expect(problem(" ".repeat(12))).toMatch(/invisible/);
    expect(problem("\u3000\u00A0\u2060\uFEFF\u200B\u200C\u200D\u2800")).toBeTruthy();
    expect(problem("correct horse\u0000battery")).toMatch(/control characters/);
  });

  it("refuses the email name, and enforces the length", () => {
    expect(problem("learner-strong-Xq9!", "learner@example.com")).toMatch(/email name/);
    expect(problem("Xq9!a")).toMatch(/at least 8/);
    expect(problem("Xq9!".repeat(40))).toMatch(/at most 128/);
  });

  it("accepts passphrases and random strings", () => {
    for (const p of ["correct horse battery", "sunflower meadow", "kj3h4kj5h3k4", "Tr0ub4dor&3x", "études à Lyon en été"]) expect(problem(p), p).toBeNull();
  });
});
