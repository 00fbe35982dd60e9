import { z } from "zod";

/** Ids are cuids: letters, digits, '-' and '_'. Anything else is not an id (and never reaches the database). */
export const IdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "That id could not be read.");

/**
 * No lone surrogates (half an emoji: not text, and the database driver cannot
 * encode it) and no NUL or other control characters besides tab and newlines
 * (PostgreSQL text cannot hold U+0000).
 */
export function isCleanText(s: string): boolean {
  return s.isWellFormed() && !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s);
}

/** A short piece of user text (a prompt, an answer): trimmed, clean, with something visible in it. */
export function userText(what: string, max: number) {
  return z
    .string({ error: `Enter ${what}.` })
    .trim()
    .min(1, `Enter ${what}.`)
    .max(max, `Keep ${what} under ${max.toLocaleString("en")} characters.`)
    .refine(isCleanText, `${what[0].toUpperCase()}${what.slice(1)} contains characters that are not text.`)
    .refine((s) => /[\p{L}\p{N}\p{S}\p{P}]/u.test(s), `${what[0].toUpperCase()}${what.slice(1)} has no visible characters.`);
}
