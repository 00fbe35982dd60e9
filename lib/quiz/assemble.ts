// Builds a quiz from cards. Everything random comes from `opts.seed`, so a
// quiz is stored as (card ids, options, seed) and rebuilt identically when
// the learner resumes it.

import { normalizeAnswer } from "./normalize-answer";
import { createRng, shuffle } from "../seeded";
import type { PublicQuizQuestion, QuestionType, QuizQuestion, QuizSourceCard } from "./types";
import { assignTypes, type Candidate } from "./assign-types";

export { pickWeakest } from "./pick-weakest";

export interface AssembleOptions {
  /** Number of questions, or every fact that can be asked in one of `types`. */
  length: number | "all";
  types: readonly QuestionType[];
  seed: string;
}

function isMultipleChoiceReady(card: QuizSourceCard): boolean {
  if (card.distractors.length !== 3) return false;
  // Four options that normalize alike ("3,000" / "3000") would make two of them right.
  const options = [card.answer, ...card.distractors].map(normalizeAnswer);
  return options.every((o) => o !== "") && new Set(options).size === 4;
}

function supportedTypes(card: QuizSourceCard, requested: readonly QuestionType[]): QuestionType[] {
  const hasAnswer = card.answer.trim() !== "";
  return requested.filter((type) => {
    if (type === "multiple-choice") return hasAnswer && isMultipleChoiceReady(card);
    if (type === "true-false") return (card.trueStatement ?? "").trim() !== "";
    return hasAnswer;
  });
}

function statementKey(s: string | null | undefined): string | null {
  const t = (s ?? "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  return t ? `statement:${t}` : null;
}

/**
 * Sibling groups: cards of one fact, cards cut from one sentence (their prompts give each other
 * away: "deploy ____ soldiers … February 2" / "deploy 3,000 soldiers … ____"), and cards whose
 * true or false statements coincide (the same statement, or one card's false variant stated as
 * another's truth). Union-find over those keys; returns a group id per card id.
 */
function siblingGroups(cards: readonly QuizSourceCard[]): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    let y = x;
    while (parent.get(y) !== r) {
      const next = parent.get(y)!;
      parent.set(y, r);
      y = next;
    }
    return r;
  };
  const union = (a: string, b: string) => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  for (const c of cards) {
    const own = `card:${c.id}`;
    const keys = [`fact:${c.factId}`, statementKey(c.source)?.replace(/^statement:/, "sentence:"), statementKey(c.trueStatement), statementKey(c.falseStatement)];
    union(own, own);
    for (const k of keys) if (k) union(own, k);
  }
  return new Map(cards.map((c) => [c.id, find(`card:${c.id}`)]));
}

/**
 * One card per sibling group (see siblingGroups: a fact, a sentence, a statement asked twice or
 * with its false variant would give answers away), preferring the card that can be asked in more
 * of the requested ways; ties go to the smaller id. Cards are visited by id, not input order, so a
 * resumed quiz does not depend on the order the database happened to return rows in.
 */
function onePerFact(cards: readonly QuizSourceCard[], requested: readonly QuestionType[]): Candidate[] {
  const byGroup = new Map<string, Candidate>();
  const seenCards = new Set<string>();
  const groups = siblingGroups(cards);
  const byId = [...cards].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const card of byId) {
    if (seenCards.has(card.id)) continue;
    seenCards.add(card.id);
    const types = supportedTypes(card, requested);
    if (types.length === 0) continue;
    const group = groups.get(card.id)!;
    const current = byGroup.get(group);
    if (!current || types.length > current.types.length) byGroup.set(group, { card, types });
  }
  return [...byGroup.values()];
}

function buildQuestion(card: QuizSourceCard, type: QuestionType, seed: string): QuizQuestion {
  const base = { cardId: card.id, kind: card.kind, accepted: [] as string[], rejected: [] as string[] };
  if (type === "multiple-choice") {
    const options = shuffle([card.answer, ...card.distractors], `${seed}:${card.id}:options`);
    return { ...base, type, prompt: card.prompt, options, expected: card.answer };
  }
  if (type === "true-false") {
    const showFalse = card.falseStatement !== null && card.falseStatement.trim() !== "" &&
      createRng(`${seed}:${card.id}:true-false`)() < 0.5;
    const statement = showFalse ? card.falseStatement! : card.trueStatement!;
    return { ...base, type, prompt: "True or false?", statement, expected: showFalse ? "false" : "true" };
  }
  return {
    ...base,
    type,
    prompt: card.prompt,
    expected: card.answer,
    accepted: [...card.accepted],
    rejected: [...card.distractors],
  };
}

/**
 * Which facts are asked is drawn from the seed; to prioritise instead (e.g.
 * the weakest cards), pre-select with `pickWeakest` and pass only those.
 * Returns fewer than `length` questions when fewer facts can be asked.
 */
export function assembleQuiz(cards: readonly QuizSourceCard[], opts: AssembleOptions): QuizQuestion[] {
  const requested = [...new Set(opts.types)];
  if (requested.length === 0) throw new RangeError("assembleQuiz: at least one question type is required");
  if (opts.length !== "all" && !(Number.isInteger(opts.length) && opts.length >= 1)) {
    throw new RangeError(`assembleQuiz: length must be a positive integer or "all", got ${opts.length}`);
  }

  const candidates = shuffle(onePerFact(cards, requested), `${opts.seed}:facts`);
  const length = opts.length === "all" ? candidates.length : Math.min(opts.length, candidates.length);
  const typeOrder = shuffle(requested, `${opts.seed}:types`);
  const picked = assignTypes(candidates, length, typeOrder);

  const questions = picked.map(({ card, type }) => buildQuestion(card, type, opts.seed));
  return shuffle(questions, `${opts.seed}:order`);
}

/**
 * Allow-list, not delete: a field added to QuizQuestion later stays on the
 * server unless someone decides here that the browser may see it.
 */
export function toPublicQuestion(q: QuizQuestion): PublicQuizQuestion {
  const out: PublicQuizQuestion = { cardId: q.cardId, kind: q.kind, type: q.type, prompt: q.prompt };
  if (q.options) out.options = [...q.options];
  if (q.statement !== undefined) out.statement = q.statement;
  return out;
}
