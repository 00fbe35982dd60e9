// No imports: the sign-up and account forms (client components) show these.

/**
 * The password rules, in the words the sign-up and account forms show before
 * anything is typed. One home: PasswordSchema and weakPasswordProblem
 * (lib/validation/auth.ts) check exactly these.
 */
export const PASSWORD_RULES = [
  "8 to 128 characters",
  "hard to guess: no common passwords, keyboard rows (qwerty123), repeats (abcdabcd) or sequences (12341234)",
  "not containing the name part of your email address",
  "visible characters: not only spaces or invisible ones, and no control characters",
] as const;

