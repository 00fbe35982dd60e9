// Vague blanks: an answer made of a word of judgement and a common noun ("a close friend", "a clear
// timeline", "the ideal region") names the speaker's praise, not a fact; a learner who read the
// text cannot tell "close friend" from "good friend", "firm friend", "great partner" (blind reading,
// issue 11: several answers fit). Such a phrase answer gives no card, whoever said it. An answer
// whose judgement word follows a figure or a name ("two great Pacific democracies") keeps its
// content and stays; so does a judgement with a complement ("fundamental to our security").
// A lone bare noun held in a frame by the words around it ("Chile will have ____ for its own
// defence" → "responsibility") is guessed from grammar alone and gives no card either; a lone noun
// that ends its clause ("The final reason is ____." → "training") is a fact and stays.
// See docs/decisions/004-rule-based-extractor.md (2026-11-29, session 5, gen-prec).

/** Adjectives of judgement or degree: what they say of a noun is an evaluation. */
const JUDGEMENT =
  /^(good|bad|great|best|worst|better|worse|wonderful|excellent|terrible|important|valuable|significant|fine|nice|fantastic|remarkable|historic|extraordinary|successful|strong|weak|close|closer|key|crucial|vital|critical|essential|major|serious|clear|firm|ideal|real|true|big|huge|deep|special|perfect|natural|proper|unique|genuine|enormous|tremendous|terrific|positive|constructive|productive|useful|effective|sensible|reasonable|fair|solid|robust|dear|trusted|valued|loyal|staunch|steadfast|long-standing|longstanding)$/i;

export interface Word {
  lower: string;
  pos: string;
}

/**
 * Is this phrase answer a judgement on a common noun? `words`: the answer's tokens (lower-cased text
 * and part of speech, as sentences.ts gives them). True when, after an article or possessive, the
 * first word is an adjective of judgement (JUDGEMENT) followed, possibly after another adjective, by
 * a common noun, and the answer holds no figure.
 */
export function vagueAnswer(words: Word[]): boolean {
  let k = 0;
  while (k < words.length && /^(a|an|the|our|my|their|his|her|its|your|very|most|more|really|such)$/.test(words[k].lower)) k++;
  if (k >= words.length || !JUDGEMENT.test(words[k].lower)) return false;
  if (words.some((w) => w.pos === "NUM")) return false;
  let j = k + 1;
  while (j < words.length && words[j].pos === "ADJ") j++;
  return words[j]?.pos === "NOUN";
}

/**
 * Is a one-word answer a bare noun held in a fixed frame? `before`/`after`: the tokens just before
 * and after the answer (undefined at the sentence's ends). True when the answer is a single common
 * noun with no article or possessive before it and a preposition right after it ("have ____ for").
 */
export function bareNounInFrame(words: Word[], before: Word | undefined, after: Word | undefined): boolean {
  if (words.length !== 1 || words[0].pos !== "NOUN") return false;
  if (before && /^(DET|PRON|NUM|ADJ)$/.test(before.pos)) return false;
  return !!after && /^(for|of|to|in|on|with|over|from)$/.test(after.lower);
}
