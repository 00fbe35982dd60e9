import { describe, expect, it } from "vitest";
import { safeNextPath, safeRedirectTarget, SignInSchema, SignUpSchema, weakPasswordProblem } from "./auth";

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

// The exact words a learner reads on the sign-up, sign-in and account forms.
describe("auth forms: each refusal says what to do", () => {
  const issues = (schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, v: unknown) =>
    schema.safeParse(v).error?.issues.map((i) => [i.path.join("."), i.message]);
  const TRY = "Try a few unrelated words, or add more characters.";

  it("sign-up: a missing email and password are asked for", () => {
    expect(issues(SignUpSchema, {})).toEqual([
      ["email", "Enter your email address."],
      ["password", "Enter a password."],
    ]);
  });

  it("sign-up: an email that is not one, or too long, is refused with its reason", () => {
    expect(issues(SignUpSchema, { email: "nope", password: "correct horse battery" })).toEqual([["email", "Enter a valid email address, like name@example.com."]]);
    expect(issues(SignUpSchema, { email: `${"a".repeat(250)}@b.co`, password: "correct horse battery" })).toEqual([["email", "That email address is too long."]]);
  });

  it("sign-up: the password's shape is checked with the rule it breaks", () => {
    expect(issues(SignUpSchema, { email: "a@b.co", password: "Xq9!a" })?.[0]).toEqual(["password", "Use at least 8 characters for your password."]);
    expect(issues(SignUpSchema, { email: "a@b.co", password: "Xq9!".repeat(33) })?.[0]).toEqual(["password", "Use at most 128 characters for your password."]);
    expect(issues(SignUpSchema, { email: "a@b.co", password: "correct horse\u0000battery" })?.[0]).toEqual([
      "password",
      "Your password contains control characters (such as NUL): use letters, digits, symbols or spaces.",
    ]);
    expect(issues(SignUpSchema, { email: "a@b.co", password: "\u200B".repeat(10) })?.[0]).toEqual(["password", "A password made only of spaces or invisible characters is too easy to guess."]);
  });

  it("sign-up: the email is trimmed and lower-cased, the time zone kept when valid and UTC otherwise", () => {
    const signUp = (timeZone?: string) => SignUpSchema.parse({ email: " Learner@Example.COM ", password: "correct horse battery", timeZone });
    expect(signUp("Europe/Paris")).toEqual({ email: "learner@example.com", password: "correct horse battery", timeZone: "Europe/Paris" });
    expect(signUp("Mars/Olympus").timeZone).toBe("UTC");
    expect(signUp(undefined).timeZone).toBe("UTC");
    expect(signUp("").timeZone).toBe("UTC");
  });

  it("sign-in: an empty password is asked for, an overlong one is just wrong", () => {
    expect(issues(SignInSchema, { email: "a@b.co", password: "" })).toEqual([["password", "Enter your password."]]);
    expect(issues(SignInSchema, { email: "a@b.co", password: "x".repeat(129) })).toEqual([["password", "Wrong email or password."]]);
    expect(SignInSchema.parse({ email: "A@B.co", password: "x".repeat(128) })).toEqual({ email: "a@b.co", password: "x".repeat(128) });
  });

  it("weakPasswordProblem: zxcvbn's warning, lower-cased and without its full stop, then the advice", () => {
    expect(weakPasswordProblem("qwertyuiop", "x@e.com")).toBe(`That password is too easy to guess: this is a frequently used password. ${TRY}`);
    expect(weakPasswordProblem("aaaaaaaaaaaa", "x@e.com")).toBe(`That password is too easy to guess: repeated characters like "aaa" are easy to guess. ${TRY}`);
  });

  it("weakPasswordProblem: a weak password zxcvbn gives no reason for still gets the advice", () => {
    expect(weakPasswordProblem("sunflowers", "x@e.com")).toBe(`That password is too easy to guess. ${TRY}`);
  });

  it("weakPasswordProblem: a strong password passes", () => {
    expect(weakPasswordProblem("correct horse battery", "x@e.com")).toBeNull();
    expect(weakPasswordProblem("Tr0ub4dor&3x", "learner@example.com")).toBeNull();
  });

  it("weakPasswordProblem: the email name, from 4 characters and in any case, may not be in the password", () => {
    const NAME = "Your password must not contain your email name.";
    expect(weakPasswordProblem("Learner-strong-Xq9!", "learner@example.com")).toBe(NAME);
    expect(weakPasswordProblem("learner-strong-Xq9!", "LEARNER@example.com")).toBe(NAME);
    expect(weakPasswordProblem("mira-strong-Xq9!kk", "mira@example.com")).toBe(NAME);
    // A name of 3 characters is too common a string to refuse.
    expect(weakPasswordProblem("abc-strong-Xq9!kk", "abc@example.com")).toBeNull();
  });

  it("weakPasswordProblem: the email and its name are personal data zxcvbn looks for, even disguised", () => {
    const PERSONAL = `That password is too easy to guess: there should not be any personal or page related data. ${TRY}`;
    // "qu0kkaflat" is strong for someone else; for quokkaflat@… it is their name in l33t.
    expect(weakPasswordProblem("qu0kkaflat", "someone@x.io")).toBeNull();
    expect(weakPasswordProblem("qu0kkaflat", "quokkaflat@x.io")).toBe(PERSONAL);
    // A name too short to check on its own: the whole email still counts.
    expect(weakPasswordProblem("zz@qq.io9", "ww@qq.io")).toBeNull();
    expect(weakPasswordProblem("zz@qq.io9", "zz@qq.io")).toBe(PERSONAL);
  });
});

describe("safeRedirectTarget and safeNextPath: edge cases", () => {
  it("refuses a target longer than 2048 characters, and keeps one of exactly 2048", () => {
    expect(safeRedirectTarget("/" + "a".repeat(2047))).toBe("/" + "a".repeat(2047));
    expect(safeRedirectTarget("/" + "a".repeat(2048))).toBe("/");
  });
  it("gives / when the origin itself cannot be parsed, or the target is not a string", () => {
    expect(safeRedirectTarget("/review", "not a url")).toBe("/");
    expect(safeRedirectTarget(42)).toBe("/");
    expect(safeRedirectTarget("http://[::1", "http://127.0.0.1:3000")).toBe("/");
  });
  it("a path that resolves to //host is refused, a path with // later is kept", () => {
    expect(safeRedirectTarget("/.//evil.example")).toBe("/");
    expect(safeRedirectTarget("/a//b")).toBe("/a//b");
  });
  it("safeNextPath takes only what starts with /", () => {
    expect(safeNextPath("http://recall.invalid/review")).toBe("/");
    expect(safeNextPath("/review")).toBe("/review");
  });
});
