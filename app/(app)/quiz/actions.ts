"use server";

import { z } from "zod";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/dal/session";
import { answerQuestion, QuizError, startQuiz, type AnswerOutcome, type QuizRequest } from "@/lib/dal/quiz";
import { NotFoundError } from "@/lib/dal/errors";
import { QUESTION_TYPES } from "@/lib/quiz/types";
import { IdSchema, isCleanText } from "@/lib/validation/text";

const Types = z.array(z.enum(QUESTION_TYPES as ["multiple-choice", "true-false", "typed"])).min(1, "Choose at least one question type.");

const StartSchema = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("chosen"),
    documentId: z.union([z.literal("all"), z.literal(""), IdSchema]).transform((v) => (v === "all" || v === "" ? null : v)),
    length: z.enum(["10", "20", "all"]).transform((v) => (v === "all" ? ("all" as const) : Number(v))),
    types: Types,
  }),
  z.object({ mode: z.literal("weakest"), length: z.literal(10).default(10), types: Types.default([...QUESTION_TYPES]) }),
  z.object({ mode: z.literal("retake"), attemptId: IdSchema }),
]);

export interface StartState {
  error?: string;
}

export async function startQuizAction(_prev: StartState, form: FormData): Promise<StartState> {
  const user = await requireUser("/quiz");
  const parsed = StartSchema.safeParse({
    mode: form.get("mode"),
    documentId: form.get("documentId") ?? undefined,
    length: form.get("mode") === "weakest" ? undefined : (form.get("length") ?? undefined),
    types: form.getAll("types").length ? form.getAll("types") : form.get("mode") === "weakest" ? undefined : [],
    attemptId: form.get("attemptId") ?? undefined,
  });
  if (!parsed.success) return { error: parsed.error.issues[0].message };
  let id: string;
  try {
    id = await startQuiz(user.id, parsed.data as QuizRequest, new Date());
  } catch (e) {
    if (e instanceof QuizError) return { error: e.message };
    if (e instanceof NotFoundError) return { error: "That document is not in your library." };
    throw e;
  }
  redirect(`/quiz/${id}`);
}

const AnswerSchema = z.object({
  attemptId: IdSchema,
  position: z.number().int().min(0).max(100_000),
  given: z.string().max(500, "Keep your answer under 500 characters.").refine(isCleanText, "Your answer contains characters that are not text."),
  timeMs: z.number().int().min(0).max(86_400_000),
  final: z.boolean(),
});

export type AnswerResult = AnswerOutcome | { error: string };

export async function answerAction(input: unknown): Promise<AnswerResult> {
  const user = await requireUser("/quiz");
  const parsed = AnswerSchema.safeParse(input);
  if (!parsed.success) return { error: parsed.error.issues[0].message };
  if (parsed.data.given.trim() === "") return { error: "Type or choose an answer first." };
  try {
    return await answerQuestion(user.id, parsed.data, new Date());
  } catch (e) {
    if (e instanceof NotFoundError) return { error: "This quiz is not yours or no longer exists." };
    throw e;
  }
}
