// How guessable a password is, estimated offline with zxcvbn-ts and its
// English and common dictionaries (passwords, names, words, keyboard layouts).
// Loaded on first use, not when this module is imported: the language packages
// decompress their word lists as they load (about 540,000 strings, ~25 MiB of
// heap), and every server process imports this module through
// lib/validation/auth.ts to sign people in, which never needs them (decision 012).
// Indexing them for the estimator takes another ~0.2 s on first use.
import type { ZxcvbnFactory, ZxcvbnResult } from "@zxcvbn-ts/core";

let estimator: ZxcvbnFactory | undefined;

function zxcvbn(): ZxcvbnFactory {
  if (estimator) return estimator;
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use (see above); an import would load them with this module */
  const { ZxcvbnFactory: Factory } = require("@zxcvbn-ts/core") as typeof import("@zxcvbn-ts/core");
  const common = require("@zxcvbn-ts/language-common") as typeof import("@zxcvbn-ts/language-common");
  const en = require("@zxcvbn-ts/language-en") as typeof import("@zxcvbn-ts/language-en");
  /* eslint-enable @typescript-eslint/no-require-imports */
  return (estimator = new Factory({
    // Bounded work per check: with the defaults (256 characters, 100 l33t
    // substitutions) a 128-character "p@ssw0rd" repeated took ~0.9 s of CPU on
    // the sign-up request; with these the worst pathological input measured
    // ~60 ms (npm run bench:password). A password whose first 64 characters
    // are hard to guess is hard to guess.
    maxLength: 64,
    l33tMaxSubstitutions: 8,
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  }));
}

/**
 * The lowest zxcvbn score accepted: 3 means about 10^8 guesses or more
 * ("safely unguessable" against an online attack, moderate against an offline
 * one; zxcvbn's own scale is 0–4).
 */
export const MIN_PASSWORD_SCORE = 3;

export interface PasswordStrength {
  /** zxcvbn's score, 0 (too guessable) to 4. */
  score: number;
  /** Why it is weak, in zxcvbn's words ("This is a commonly used password."), when it is. */
  warning: string | null;
}

/** Scores `password`; `personal` holds words the learner's password must not lean on (their email name, the app's name). */
export function passwordStrength(password: string, personal: string[] = []): PasswordStrength {
  const r: ZxcvbnResult = zxcvbn().check(password, ["recall", ...personal.filter(Boolean)]);
  return { score: r.score, warning: r.feedback.warning || null };
}
