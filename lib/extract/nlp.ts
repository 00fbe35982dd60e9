import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

// Loaded once per process: building the pipeline costs ~100 ms, reading a document a few ms.
// Sentiment and negation are not used, so they stay out of the pipe.
const nlp = winkNLP(model, ["sbd", "pos", "ner"]);
const its = nlp.its;

export interface RawToken {
  text: string;
  pos: string;
  start: number;
  end: number;
  /** wink's entity type (DATE, CARDINAL, ORDINAL, PERCENT, MONEY, DURATION, ...) or null. */
  ent: string | null;
  /** Index of the entity the token belongs to (tokens of one entity share it), or -1. */
  entId: number;
  lineBreak: boolean;
  paragraphBreak: boolean;
}

export interface Analysis {
  tokens: RawToken[];
  /** Sentences as [first, last] indices into `tokens` (inclusive). */
  sentences: [number, number][];
}

export function analyze(text: string): Analysis {
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const ents = new Array<string | null>(values.length).fill(null);
  const entIds = new Array<number>(values.length).fill(-1);
  const entSpans = doc.entities().out(its.span) as unknown as [number, number][];
  const entTypes = doc.entities().out(its.type) as string[];
  entSpans.forEach(([a, b], k) => {
    for (let i = a; i <= b; i++) {
      ents[i] = entTypes[k];
      entIds[i] = k;
    }
  });

  const tokens: RawToken[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    at += spaces[i].length;
    let start = at;
    if (text.substr(start, values[i].length) !== values[i]) {
      // wink normally reproduces the text exactly; resynchronise if it ever does not.
      const found = text.indexOf(values[i], at);
      if (found >= 0) start = found;
    }
    const end = start + values[i].length;
    at = end;
    tokens.push({
      text: values[i],
      pos: pos[i],
      start,
      end,
      ent: ents[i],
      entId: entIds[i],
      lineBreak: /\n/.test(values[i]) || /\n/.test(spaces[i]),
      paragraphBreak: /\n[ \t]*\n/.test(values[i] + spaces[i]),
    });
  }
  const sentences = doc.sentences().out(its.span) as unknown as [number, number][];
  return { tokens, sentences };
}

/** Lemma of one word in context-free mode (used only for the few verbs a question rewrites). */
export function lemma(word: string): string {
  const d = nlp.readDoc(word);
  // wink's typings declare its.lemma with a signature its own out() rejects; the call is valid.
  const lemmaIts = its.lemma as unknown as typeof its.value;
  return (d.tokens().out(lemmaIts) as string[])[0] ?? word;
}
