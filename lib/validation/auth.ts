import { z } from "zod";
import { isValidTimeZone } from "@/lib/progress/local-day";
import { MIN_PASSWORD_SCORE, passwordStrength } from "@/lib/password-strength";
import { isCleanText } from "./text";

export { PASSWORD_RULES } from "./password-rules";

export const EmailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

/** Characters that take up no space: a password of only these (and spaces) is empty to the eye. */
const INVISIBLE = /[\s\u00AD\u180E\u200B-\u200F\u2028-\u202F\u205F-\u206F\u3000\uFEFF]/gu;

export const PasswordSchema = z
  .string({ error: "Enter a password." })
  .min(8, "Use at least 8 characters for your password.")
  .max(128, "Use at most 128 characters for your password.")
  .refine(isCleanText, "Your password contains control characters (such as NUL): use letters, digits, symbols or spaces.")
  .refine((p) => p.replace(INVISIBLE, "").length > 0, "A password made only of spaces or invisible characters is too easy to guess.");

/** The part of an email before "@", lower-cased, when it is long enough (4 characters) to matter in a password. */
function emailName(email: string): string | null {
  const name = email.split("@")[0].toLowerCase();
  return name.length >= 4 ? name : null;
}

/**
 * Whether `password` is acceptable for the account `email`, beyond its shape
 * (PasswordSchema): null, or the message to show. Estimated offline by
 * zxcvbn-ts (lib/password-strength.ts, score at least MIN_PASSWORD_SCORE).
 */
export function weakPasswordProblem(password: string, email: string): string | null {
  const name = emailName(email);
  if (name && password.toLowerCase().includes(name)) return "Your password must not contain your email name.";
  const { score, warning } = passwordStrength(password, name ? [name, email] : [email]);
  if (score >= MIN_PASSWORD_SCORE) return null;
  return `That password is too easy to guess${warning ? `: ${warning.replace(/\.$/, "").toLowerCase()}` : ""}. Try a few unrelated words, or add more characters.`;
}

/** A new password for `email`'s account: its shape, then its strength. */
export function newPasswordSchema<S extends z.ZodType<{ email: string; password: string }>>(schema: S): S {
  return schema.superRefine((v, ctx) => {
    const problem = weakPasswordProblem(v.password, v.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });
}

export const SignUpSchema = newPasswordSchema(
  z.object({
    email: EmailSchema,
    password: PasswordSchema,
    timeZone: z
      .string()
      .optional()
      .transform((tz) => (tz && isValidTimeZone(tz) ? tz : "UTC")),
  }),
);

export const SignInSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1, "Enter your password.").max(128, "Wrong email or password."),
});

/** Stands in for the app's own origin where it is not at hand: only whether a target stays on it matters. */
const SELF_ORIGIN = "http://recall.invalid";

/**
 * Where a redirect may go: `target` resolved as a URL against `origin` (the
 * app's own, as the browser would resolve it), kept only when it stays on that
 * origin, and returned as its path + query + fragment. Anything else, and
 * anything unparsable, gives "/". Parsing does what browsers do before
 * following a Location: tabs and newlines are dropped ("/\t/evil" is
 * "//evil", another host) and "\" counts as "/"; serializing percent-encodes
 * control and non-ASCII characters, so the result is always a valid Location.
 */
export function safeRedirectTarget(target: unknown, origin: string = SELF_ORIGIN): string {
  if (typeof target !== "string" || target.length > 2048) return "/";
  let url: URL;
  let base: URL;
  try {
    base = new URL(origin);
    url = new URL(target, base);
  } catch {
    return "/";
  }
  if (url.origin !== base.origin) return "/";
  const path = url.pathname + url.search + url.hash;
  // "/.//evil" resolves to the path "//evil", which a browser reads as another host.
  return path.startsWith("/") && !path.startsWith("//") ? path : "/";
}

/** `?next=` after sign-in: a path of this site only (safeRedirectTarget), else "/". */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/")) return "/";
  return safeRedirectTarget(next);
}
