// A card that leans on something it never names cannot be answered by a reader of the document:
// "Australia was involved in the establishment of it ____ ago", "X was instrumental in getting
// this thing going in ____", "At that time, China was Australia's ____ largest partner". The
// subject pronouns are refused earlier (sentences.ts, claims.ts resolve or refuse them); this
// catches the references left inside the clause. Pure and linear (one regular expression without
// nested quantifiers over the prompt).

// "it" as an object: followed by a preposition or an adverb ("provide it for a year", "the
// establishment of it as well"). "it" before a verb is a subject — refused or resolved elsewhere,
// or resolved inside the sentence ("commitments it made", "it won't be longer") — and "strengthen
// it." at a clause's end usually takes the noun just named; both are left alone.
const OBJECT_IT = /\bit\s+(?:for|as|to|in|on|at|with|up|down|out|off|over|from|by|into|through|until|again|further|now|then|later|soon|well)\b/i;
// Demonstratives that stand for an earlier clause or time: "this thing", "doing that", "at that time".
const DEMONSTRATIVE = /\b(?:(?:this|that|these|those)\s+things?|doing\s+(?:that|this|so)|at\s+that\s+(?:time|point|stage|moment)|at\s+the\s+time(?=\s*[,.;]))\b/i;

/**
 * True when `prompt` (a card's cloze or question, speaker frame included) still holds a reference
 * whose referent the card does not give: an object "it", "this thing", "doing that",
 * "at that time". Rule from the blind readings of issue 11 (kind 1: "Who is 'it'?").
 */
export function hasUnresolvedReference(prompt: string): boolean {
  // The body of the card: a speaker's frame ("X said of the agreement: "…"") is not part of the claim.
  const body = prompt.replace(/^.*?\bsaid(?: of [^:"]{1,80})?:\s*"/, "\"");
  return OBJECT_IT.test(body) || DEMONSTRATIVE.test(body);
}
