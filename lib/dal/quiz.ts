import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { assembleQuiz, pickWeakest, toPublicQuestion } from "@/lib/quiz/assemble";
import { checkQuizAnswer } from "@/lib/quiz/check-answer";
import { quizFeedback } from "@/lib/quiz/schedule-feedback";
import { summarize, type QuizSummary } from "@/lib/quiz/score";
import type { PublicQuizQuestion, QuestionType, QuizQuestion, QuizSourceCard } from "@/lib/quiz/types";
import type { FactKind } from "@/lib/extract/types";
import { retrievability } from "@/lib/progress/mastery";
import { decayOf, isDue, State } from "@/lib/srs";
import { endOfLocalDay } from "@/lib/progress/local-day";
import { getUserSettings } from "./users";
import { visibleCards, visibleDocuments } from "./visibility";
import { readState, writeGrade } from "./grading";
import { NotFoundError } from "./errors";
import { withUserWording } from "@/lib/content/apply-card-edits";

export class QuizError extends Error {}

function sourceSelect(userId: string) {
  return {
    id: true,
    factId: true,
    prompt: true,
    answer: true,
    accepted: true,
    distractors: true,
    trueStatement: true,
    falseStatement: true,
    fact: { select: { kind: true, sentence: true } },
    overrides: { where: { userId }, select: { prompt: true, answer: true } },
  } as const;
}

type SourceRow = {
  id: string;
  factId: string;
  prompt: string;
  answer: string;
  accepted: string;
  distractors: string;
  trueStatement: string;
  falseStatement: string | null;
  fact: { kind: string; sentence: string };
  overrides: { prompt: string; answer: string }[];
};

/** A card as the quiz asks it: in the user's own wording when they edited it. */
function toSource(c: SourceRow): QuizSourceCard {
  return withUserWording(
    {
      id: c.id,
      factId: c.factId,
      kind: c.fact.kind as FactKind,
      prompt: c.prompt,
      answer: c.answer,
      accepted: JSON.parse(c.accepted) as string[],
      distractors: JSON.parse(c.distractors) as string[],
      trueStatement: c.trueStatement,
      falseStatement: c.falseStatement,
      source: c.fact.sentence,
    },
    c.overrides[0],
  );
}

export type QuizRequest =
  | { mode: "chosen"; documentId: string | null; length: number | "all"; types: QuestionType[] }
  | { mode: "weakest"; length: number; types: QuestionType[] }
  | { mode: "retake"; attemptId: string };

/** Builds and stores a quiz for this user from their visible cards; returns its id. */
export async function startQuiz(userId: string, req: QuizRequest, now: Date): Promise<string> {
  const seed = randomBytes(8).toString("hex");
  let questions: QuizQuestion[];
  let documentId: string | null = null;
  let types: QuestionType[];

  if (req.mode === "retake") {
    const missed = await db.quizQuestion.findMany({
      where: { attempt: { id: req.attemptId, userId }, correct: false, card: visibleCards(userId) },
      orderBy: { position: "asc" },
      select: { type: true, card: { select: sourceSelect(userId) } },
    });
    if (missed.length === 0) throw new QuizError("There is nothing to retake: no question was missed in that quiz.");
    types = [...new Set(missed.map((m) => m.type as QuestionType))];
    // Each missed card is asked again in the way it was missed.
    questions = missed.flatMap((m) => assembleQuiz([toSource(m.card)], { length: 1, types: [m.type as QuestionType], seed }));
  } else {
    types = req.types;
    let cards: QuizSourceCard[];
    if (req.mode === "chosen") {
      documentId = req.documentId;
      if (documentId && !(await db.document.findFirst({ where: { id: documentId, ...visibleDocuments(userId) }, select: { id: true } })))
        throw new NotFoundError("document");
      // Suspended and buried cards are left out: the learner was told they would not be shown.
      const rows = await db.card.findMany({
        where: { ...visibleCards(userId), ...(documentId ? { documentId } : {}), states: { none: { userId, OR: [{ suspended: true }, { buriedUntil: { gt: now } }] } } },
        select: sourceSelect(userId),
      });
      cards = rows.map(toSource);
    } else {
      const states = await db.cardState.findMany({
        where: { userId, state: { not: State.New }, suspended: false, OR: [{ buriedUntil: null }, { buriedUntil: { lte: now } }], card: visibleCards(userId) },
        select: { stability: true, lastReview: true, state: true, lapses: true, card: { select: sourceSelect(userId) } },
      });
      if (states.length === 0) throw new QuizError("Review some cards first: the weakest cards are chosen from the ones you have studied.");
      const decay = decayOf(await getUserSettings(userId));
      const weakest = pickWeakest(
        states.map((s) => ({ id: s.card.id, retrievability: retrievability(s, now, decay), lapses: s.lapses, row: s.card })),
        req.length * 2,
      );
      cards = weakest.map((w) => toSource(w.row));
    }
    questions = assembleQuiz(cards, { length: req.length, types, seed });
  }
  if (questions.length === 0) throw new QuizError("No questions of the chosen types can be made from these cards. Choose more question types.");

  const attempt = await db.quizAttempt.create({
    data: {
      userId,
      documentId,
      types: JSON.stringify(types),
      mode: req.mode,
      seed,
      startedAt: now,
      questions: {
        create: questions.map((q, position) => ({
          position,
          cardId: q.cardId,
          type: q.type,
          prompt: q.prompt,
          options: JSON.stringify(q.options ?? []),
          statement: q.statement ?? null,
          expected: q.expected,
          accepted: JSON.stringify(q.accepted),
          rejected: JSON.stringify(q.rejected),
        })),
      },
    },
    select: { id: true },
  });
  return attempt.id;
}

export interface AnsweredView {
  given: string;
  correct: boolean;
  verdict: string;
  expected: string;
  source: string;
}

export interface QuizView {
  id: string;
  startedAt: Date;
  finishedAt: Date | null;
  questions: (PublicQuizQuestion & { position: number; answer: AnsweredView | null })[];
  summary: QuizSummary<string> | null;
}

const QUESTION_SELECT = {
  position: true,
  cardId: true,
  type: true,
  prompt: true,
  options: true,
  statement: true,
  expected: true,
  accepted: true,
  rejected: true,
  given: true,
  correct: true,
  verdict: true,
  timeMs: true,
  card: { select: { fact: { select: { kind: true, sentence: true } } } },
} as const;

type QuestionRow = {
  position: number;
  cardId: string;
  type: string;
  prompt: string;
  options: string;
  statement: string | null;
  expected: string;
  accepted: string;
  rejected: string;
  given: string | null;
  correct: boolean | null;
  verdict: string | null;
  timeMs: number | null;
  card: { fact: { kind: string; sentence: string } };
};

function toQuestion(r: QuestionRow): QuizQuestion {
  return {
    cardId: r.cardId,
    kind: r.card.fact.kind as FactKind,
    type: r.type as QuestionType,
    prompt: r.prompt,
    ...(r.type === "multiple-choice" ? { options: JSON.parse(r.options) as string[] } : {}),
    ...(r.statement !== null ? { statement: r.statement } : {}),
    expected: r.expected,
    accepted: JSON.parse(r.accepted) as string[],
    rejected: JSON.parse(r.rejected) as string[],
  };
}

function answered(r: QuestionRow): AnsweredView | null {
  if (r.given === null) return null;
  return { given: r.given, correct: r.correct === true, verdict: r.verdict ?? "wrong", expected: r.expected, source: r.card.fact.sentence };
}

/** One of the user's quizzes. The expected answer of a question is included only once it is answered. */
export async function getQuiz(userId: string, attemptId: string): Promise<QuizView> {
  const a = await db.quizAttempt.findFirst({
    where: { id: attemptId, userId },
    select: { id: true, startedAt: true, finishedAt: true, questions: { orderBy: { position: "asc" }, select: QUESTION_SELECT } },
  });
  if (!a) throw new NotFoundError("quiz");
  return {
    id: a.id,
    startedAt: a.startedAt,
    finishedAt: a.finishedAt,
    questions: a.questions.map((q) => ({ ...toPublicQuestion(toQuestion(q)), position: q.position, answer: answered(q) })),
    summary: a.finishedAt
      ? summarize(a.questions.map((q) => ({ kind: q.card.fact.kind, correct: q.correct === true, timeMs: q.timeMs ?? 0 })))
      : null,
  };
}

export type AnswerOutcome = { nearMiss: true } | { nearMiss: false; answer: AnsweredView; finished: boolean };

/**
 * Records the answer to one question, once. With the user's "quizzes feed my
 * schedule" setting, a wrong answer grades the card Again and a right answer on
 * a due card grades it Good, in the same transaction, logged as from a quiz.
 * A near miss on a typed answer is reported without being recorded, unless
 * `final` (the learner confirms it).
 */
export async function answerQuestion(
  userId: string,
  input: { attemptId: string; position: number; given: string; timeMs: number; final: boolean },
  now: Date,
): Promise<AnswerOutcome> {
  const settings = await getUserSettings(userId);
  return db.$transaction(async (tx) => {
    const row = await tx.quizQuestion.findFirst({
      where: { attempt: { id: input.attemptId, userId }, position: input.position },
      select: { id: true, attemptId: true, ...QUESTION_SELECT },
    });
    if (!row) throw new NotFoundError("question");
    if (row.given !== null) return { nearMiss: false, answer: answered(row)!, finished: false };

    const check = checkQuizAnswer(toQuestion(row), input.given);
    if (check.verdict === "near-miss" && !input.final) return { nearMiss: true };

    const { count } = await tx.quizQuestion.updateMany({
      where: { id: row.id, given: null },
      data: { given: input.given, correct: check.correct, verdict: check.verdict, answeredAt: now, timeMs: input.timeMs },
    });
    if (count === 1 && settings.quizFeedsSchedule) {
      const current = await readState(tx, userId, row.cardId);
      const dayEnd = endOfLocalDay(now, settings.timeZone, settings.dayStartHour);
      const card = current && {
        studied: current.state !== State.New,
        due: isDue({ state: current.state, due: new Date(current.due) }, now, dayEnd),
        suspendedOrBuried: Boolean(current.suspended) || (current.buriedUntil !== null && new Date(current.buriedUntil) > now),
      };
      const rating = quizFeedback({ correct: check.correct, card });
      if (rating) await writeGrade(tx, { userId, cardId: row.cardId, current, grade: rating, settings, now, source: "quiz" });
    }
    const left = await tx.quizQuestion.count({ where: { attemptId: row.attemptId, given: null } });
    if (left === 0) await tx.quizAttempt.updateMany({ where: { id: row.attemptId, userId, finishedAt: null }, data: { finishedAt: now } });
    const stored = await tx.quizQuestion.findUniqueOrThrow({ where: { id: row.id }, select: QUESTION_SELECT });
    return { nearMiss: false, answer: answered(stored)!, finished: left === 0 };
  });
}

export interface QuizHistoryItem {
  id: string;
  startedAt: Date;
  finishedAt: Date | null;
  mode: string;
  answered: number;
  correct: number;
  total: number;
}

export async function listQuizzes(userId: string): Promise<QuizHistoryItem[]> {
  const rows = await db.quizAttempt.findMany({
    where: { userId },
    orderBy: { startedAt: "desc" },
    take: 100,
    select: { id: true, startedAt: true, finishedAt: true, mode: true, questions: { select: { given: true, correct: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    mode: r.mode,
    answered: r.questions.filter((q) => q.given !== null).length,
    correct: r.questions.filter((q) => q.correct).length,
    total: r.questions.length,
  }));
}
