import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { answerQuestion, getQuiz, startQuiz } from "@/lib/dal/quiz";
import { gradeCard } from "@/lib/dal/grading";
import { NotFoundError } from "@/lib/dal/errors";
import { importShippedLibrary } from "../support/shipped-library";
import { makeUser } from "../support/factories";

const NOW = new Date("2026-03-02T10:00:00Z");
const LATER = new Date("2026-03-02T10:05:00Z");

beforeAll(async () => {
  await importShippedLibrary();
});

async function expectedOf(attemptId: string, position: number): Promise<{ expected: string; cardId: string; type: string; options: string }> {
  return db.quizQuestion.findFirstOrThrow({ where: { attemptId, position }, select: { expected: true, cardId: true, type: true, options: true } });
}

function wrongAnswer(q: { expected: string; type: string; options: string }): string {
  if (q.type === "true-false") return q.expected === "true" ? "false" : "true";
  if (q.type === "multiple-choice") return (JSON.parse(q.options) as string[]).find((o) => o !== q.expected)!;
  return "zzzz qqqq";
}

describe("quizzes", () => {
  it("builds the requested length and types, without sending answers before they are given", async () => {
    const user = await makeUser();
    const id = await startQuiz(user, { mode: "chosen", documentId: null, length: 10, types: ["multiple-choice", "true-false"] }, NOW);
    const quiz = await getQuiz(user, id);
    expect(quiz.questions).toHaveLength(10);
    expect(new Set(quiz.questions.map((q) => q.type))).toEqual(new Set(["multiple-choice", "true-false"]));
    for (const q of quiz.questions) {
      expect(q.answer).toBeNull();
      expect(q).not.toHaveProperty("expected");
      expect(JSON.stringify(q)).not.toContain('"accepted"');
    }
  });

  it("a wrong answer grades the card Again and logs it as from a quiz, in the same transaction", async () => {
    const user = await makeUser();
    const id = await startQuiz(user, { mode: "chosen", documentId: null, length: 10, types: ["multiple-choice"] }, NOW);
    const q = await expectedOf(id, 0);
    const r = await answerQuestion(user, { attemptId: id, position: 0, given: wrongAnswer(q), timeMs: 1200, final: false }, NOW);
    expect(r).toMatchObject({ nearMiss: false, answer: { correct: false, expected: q.expected } });
    const log = await db.reviewLog.findFirstOrThrow({ where: { userId: user, cardId: q.cardId } });
    expect(log).toMatchObject({ rating: 1, source: "quiz" });
    const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user, cardId: q.cardId } } });
    expect(state.due.getTime()).toBeLessThanOrEqual(NOW.getTime() + 10 * 60_000); // due again within the first learning step
  });

  it("a right answer on a card not yet due changes nothing; on a new or due card it counts as Good", async () => {
    const user = await makeUser();
    const id = await startQuiz(user, { mode: "chosen", documentId: null, length: 10, types: ["typed"] }, NOW);
    const [scheduled, fresh] = await db.quizQuestion.findMany({ where: { attemptId: id }, orderBy: { position: "asc" }, take: 2 });
    // The first question's card is reviewed now, so it is not due during the quiz.
    await gradeCard(user, { cardId: scheduled.cardId, version: 0, grade: "easy" }, NOW);
    const before = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user, cardId: scheduled.cardId } } });
    expect(before.due.getTime()).toBeGreaterThan(LATER.getTime());

    await answerQuestion(user, { attemptId: id, position: scheduled.position, given: scheduled.expected, timeMs: 500, final: false }, LATER);
    expect(await db.cardState.findUniqueOrThrow({ where: { id: before.id } })).toEqual(before);
    expect(await db.reviewLog.count({ where: { userId: user, cardId: scheduled.cardId } })).toBe(1);

    await answerQuestion(user, { attemptId: id, position: fresh.position, given: fresh.expected, timeMs: 500, final: false }, LATER);
    expect(await db.reviewLog.findFirstOrThrow({ where: { userId: user, cardId: fresh.cardId } })).toMatchObject({ rating: 3, source: "quiz" });
  });

  it("an answer cannot be changed after feedback", async () => {
    const user = await makeUser();
    const id = await startQuiz(user, { mode: "chosen", documentId: null, length: 10, types: ["true-false"] }, NOW);
    const q = await expectedOf(id, 0);
    await answerQuestion(user, { attemptId: id, position: 0, given: wrongAnswer(q), timeMs: 1, final: false }, NOW);
    const again = await answerQuestion(user, { attemptId: id, position: 0, given: q.expected, timeMs: 1, final: false }, NOW);
    expect(again).toMatchObject({ answer: { correct: false } });
    expect(await db.reviewLog.count({ where: { userId: user } })).toBe(1);
  });

  it("keeps the schedule untouched when the user turned the setting off", async () => {
    const user = await makeUser();
    await db.user.update({ where: { id: user }, data: { quizFeedsSchedule: false } });
    const id = await startQuiz(user, { mode: "chosen", documentId: null, length: 10, types: ["true-false"] }, NOW);
    const q = await expectedOf(id, 0);
    await answerQuestion(user, { attemptId: id, position: 0, given: wrongAnswer(q), timeMs: 1, final: false }, NOW);
    expect(await db.reviewLog.count({ where: { userId: user } })).toBe(0);
    expect(await db.quizQuestion.count({ where: { attemptId: id, given: { not: null } } })).toBe(1);
  });

  it("finishes, summarizes, and retakes exactly the missed questions", async () => {
    const user = await makeUser();
    const id = await startQuiz(user, { mode: "chosen", documentId: null, length: 10, types: ["multiple-choice", "true-false"] }, NOW);
    for (let p = 0; p < 10; p++) {
      const q = await expectedOf(id, p);
      await answerQuestion(user, { attemptId: id, position: p, given: p < 3 ? wrongAnswer(q) : q.expected, timeMs: 1000, final: false }, NOW);
    }
    const quiz = await getQuiz(user, id);
    expect(quiz.finishedAt).not.toBeNull();
    expect(quiz.summary).toMatchObject({ correct: 7, total: 10, percent: 70, totalTimeMs: 10_000 });
    const missedCards = quiz.questions.filter((q) => !q.answer!.correct).map((q) => q.cardId).sort();
    const retake = await getQuiz(user, await startQuiz(user, { mode: "retake", attemptId: id }, NOW));
    expect(retake.questions.map((q) => q.cardId).sort()).toEqual(missedCards);
  });

  it("another user's quiz is unreachable and unanswerable", async () => {
    const owner = await makeUser();
    const other = await makeUser();
    const id = await startQuiz(owner, { mode: "chosen", documentId: null, length: 10, types: ["true-false"] }, NOW);
    await expect(getQuiz(other, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(answerQuestion(other, { attemptId: id, position: 0, given: "true", timeMs: 1, final: false }, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(startQuiz(other, { mode: "retake", attemptId: id }, NOW)).rejects.toThrow();
    expect(await db.quizQuestion.count({ where: { attemptId: id, given: { not: null } } })).toBe(0);
  });
});
