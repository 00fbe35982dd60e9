/** Why an Anki package was refused. */
export type AnkiImportProblem =
  | "not-zip"
  | "corrupt"
  | "too-large"
  | "too-large-unpacked"
  | "no-collection"
  | "not-anki"
  | "unknown-schema"
  | "empty"
  | "conflict";

/**
 * A package Recall refuses, with the message shown to the learner as it is.
 * Thrown before anything is written, so a refused import changes nothing.
 */
export class AnkiImportError extends Error {
  constructor(
    readonly problem: AnkiImportProblem,
    message: string,
  ) {
    super(message);
    this.name = "AnkiImportError";
  }
}
