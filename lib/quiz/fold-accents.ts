/**
 * `s` without its accents and other combining marks: "Piñera" → "Pinera",
 * "Ångström" → "Angstrom". Canonical decomposition (NFD) splits a letter from
 * its marks, then every mark (Unicode category M) is dropped; the result stays
 * decomposed. Letters NFD does not split (ß, æ, ø, ł…) are kept: the typed
 * answer grading (normalize-answer.ts) spells those out itself.
 *
 * The one accent folding of the app: answer grading, card generation
 * (lib/extract) and the generator's evaluation all compare through it.
 */
export function stripAccents(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "");
}
