import type { FactKind } from "./types";
import type { EntityIndex } from "./entities";
import type { Sentence } from "./sentences";

/** What kind of thing the answer is: drives distractors, variants and leak checks. */
export type AnswerType =
  | { t: "year"; year: number }
  | { t: "month-year"; year: number; month: number }
  | { t: "day-month"; year: number | null; month: number; day: number; style: "md" | "dm"; withYear: boolean }
  | { t: "entity"; entityId: string }
  | { t: "entity-list"; entityIds: string[]; conj: string }
  | { t: "number"; value: number; unit: string; style: "digits" | "words"; format: "plain" | "percent" | "money" | "ordinal" | "duration" }
  | { t: "phrase" };

export interface Replacement {
  start: number;
  end: number;
  text: string;
}

/** A fact before it becomes cards: the answer is located by offsets in the masked text. */
export interface Candidate {
  kind: FactKind;
  sentence: Sentence;
  answer: string;
  /** Offsets of the answer in the document (the cloze blanks exactly this span). */
  start: number;
  end: number;
  answerType: AnswerType;
  fields: Record<string, unknown>;
  /**
   * The answer is a date the text only implies ("today" → "June 14, 2012"): the cloze replaces the
   * written words with this text ("on ____"), and a false statement with the distractor in place.
   */
  blank?: string;
  /** A question-card prompt, when the sentence has a shape a question can be made from. */
  question?: string;
  /** Rewrites of the cloze context (resolving "before that", a pronoun, ...). */
  context?: Replacement[];
  /**
   * A restated fact, for facts a sentence presupposes rather than states ("is a missile crisis
   * like in 1962 in Cuba possible?"): the cloze is `statement` with the answer blanked.
   */
  statement?: string;
}

export interface DocContext {
  masked: string;
  sentences: Sentence[];
  entities: EntityIndex;
  published: { year: number; month: number; day: number } | null;
}
