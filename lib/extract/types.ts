// The contract between the card generator (pure, in lib/extract) and the rest
// of the app (import, documents, review, quiz). Everything here is plain data.

export type FactKind = "date" | "agreement" | "actor" | "number" | "definition";

export interface Fact {
  /** Stable within one document: same text in, same key out. */
  key: string;
  kind: FactKind;
  /** The short answer a learner must recall ("2019", "Rex Tillerson", "80%"). */
  answer: string;
  /** The cleaned source sentence, exactly as shown to the learner. */
  sentence: string;
  /** Character offsets of the sentence in the original document text. */
  start: number;
  end: number;
  /** Structured fields by kind: year/month/day, parties, role, unit, ... */
  fields: Record<string, unknown>;
}

export type CardType = "cloze" | "question";

export interface CardDraft {
  /** Stable within one document (used to keep progress when a document is re-imported). */
  key: string;
  factKey: string;
  kind: FactKind;
  type: CardType;
  /** Cloze: the sentence with the answer replaced by "____". Question: a question. */
  prompt: string;
  answer: string;
  /** Typed answers accepted besides `answer` ("3000" for "3,000", "Pinera" for "Piñera"). */
  accepted: string[];
  /** Exactly 3 multiple-choice distractors of the answer's type, or [] when none fit. */
  distractors: string[];
  /** A true statement of the fact, and a false one made by swapping one entity (null when none fits). */
  trueStatement: string;
  falseStatement: string | null;
  /** The cleaned source sentence. */
  source: string;
}

export interface GenerateOptions {
  /** Resolves relative dates ("this Wednesday, February 2"). ISO date or Date. */
  publishedAt?: Date | string | null;
  /** The document's title: names the speaker of a speech or of a transcript's labelled turns. */
  title?: string | null;
}

export interface Generated {
  facts: Fact[];
  cards: CardDraft[];
}
