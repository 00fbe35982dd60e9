import { z } from "zod";
import { isValidTimeZone } from "@/lib/progress/local-day";

const COMMON = new Set(["password", "password1", "12345678", "123456789", "1234567890", "qwertyuiop", "iloveyou", "letmein1", "00000000", "11111111", "abcdefgh", "passw0rd"]);

export const EmailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

export const PasswordSchema = z
  .string({ error: "Enter a password." })
  .min(8, "Use at least 8 characters for your password.")
  .max(128, "Use at most 128 characters for your password.")
  .refine((p) => /[^\s\u200B-\u200D\uFEFF]/.test(p), "A password made only of spaces is too easy to guess.")
  .refine((p) => !COMMON.has(p.toLowerCase()), "That password is too common: choose another.")
  .refine((p) => new Set(p).size >= 4, "That password is too easy to guess: use more different characters.");

export const SignUpSchema = z
  .object({
    email: EmailSchema,
    password: PasswordSchema,
    timeZone: z
      .string()
      .optional()
      .transform((tz) => (tz && isValidTimeZone(tz) ? tz : "UTC")),
  })
  .refine((v) => !v.password.toLowerCase().includes(v.email.split("@")[0]) || v.email.split("@")[0].length < 4, {
    path: ["password"],
    message: "Your password must not contain your email name.",
  });

export const SignInSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1, "Enter your password.").max(128, "Wrong email or password."),
});

/** Only same-site paths: an absolute or protocol-relative URL would be an open redirect. */
export function safeNextPath(next: unknown): string {
  return typeof next === "string" && /^\/(?![/\\])/.test(next) ? next : "/";
}
