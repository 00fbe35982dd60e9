// How guessable a password is, estimated offline with zxcvbn-ts and its
// English and common dictionaries (passwords, names, words, keyboard layouts).
// Loaded on first use: the dictionaries take ~0.2 s and some memory to index.
import { ZxcvbnFactory, type ZxcvbnResult } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";

let estimator: ZxcvbnFactory | undefined;

function zxcvbn(): ZxcvbnFactory {
  return (estimator ??= new ZxcvbnFactory({
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
