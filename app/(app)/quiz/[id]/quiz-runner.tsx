"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import type { QuizView, AnsweredView } from "@/lib/dal/quiz";
import { answerAction } from "../actions";
import { useHydrated } from "@/app/use-hydrated";

type Question = QuizView["questions"][number];

export function QuizRunner({ quiz }: { quiz: { id: string; questions: Question[] } }) {
  const router = useRouter();
  const [questions, setQuestions] = useState(quiz.questions);
  const [index, setIndex] = useState(() => Math.max(0, questions.findIndex((q) => !q.answer)));
  const [choice, setChoice] = useState("");
  const [nearMiss, setNearMiss] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const shownAt = useRef(0);
  const typedRef = useRef<HTMLInputElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const q = questions[index];
  const answered = q.answer;
  const done = questions.filter((x) => x.answer).length;
  const ready = useHydrated();

  useEffect(() => {
    shownAt.current = performance.now();
    typedRef.current?.focus();
  }, [index]);

  useEffect(() => {
    if (answered) nextRef.current?.focus();
  }, [answered]);

  function submit(given = choice) {
    if (pending || answered) return;
    if (!given.trim()) {
      setError(q.type === "typed" ? "Type an answer first." : "Choose an answer first.");
      return;
    }
    startTransition(async () => {
      const r = await answerAction({ attemptId: quiz.id, position: q.position, given, timeMs: Math.round(performance.now() - shownAt.current), final: nearMiss });
      if ("error" in r) return setError(r.error);
      if (r.nearMiss) {
        setNearMiss(true);
        setError(null);
        typedRef.current?.focus();
        return;
      }
      setQuestions((all) => all.map((x, i) => (i === index ? { ...x, answer: r.answer } : x)));
    });
  }

  function next() {
    const following = questions.findIndex((x, i) => i > index && !x.answer);
    const anyLeft = following >= 0 ? following : questions.findIndex((x) => !x.answer);
    if (anyLeft < 0) router.refresh();
    else {
      // A new question starts with no choice, no near miss and no error.
      setIndex(anyLeft);
      setChoice("");
      setNearMiss(false);
      setError(null);
    }
  }

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const typing = (e.target as HTMLElement | null)?.tagName === "INPUT" && (e.target as HTMLInputElement).type === "text";
      if (answered) {
        if (e.key === "Enter" && !(e.target instanceof HTMLButtonElement)) {
          e.preventDefault();
          next();
        }
        return;
      }
      if (typing) return;
      if (q.type === "multiple-choice" && /^[1-4]$/.test(e.key) && q.options?.[Number(e.key) - 1] !== undefined) {
        e.preventDefault();
        setChoice(q.options[Number(e.key) - 1]);
      } else if (q.type === "true-false" && /^[tf]$/i.test(e.key)) {
        e.preventDefault();
        setChoice(e.key.toLowerCase() === "t" ? "true" : "false");
      } else if (e.key === "Enter" && !(e.target instanceof HTMLButtonElement)) {
        e.preventDefault();
        submit();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  return (
    <section aria-labelledby="quiz-h" className="space-y-4" data-ready={ready}>
      <div className="flex items-baseline justify-between">
        <h1 id="quiz-h" className="text-xl font-semibold">
          Question {index + 1} of {questions.length}
        </h1>
        <p className="text-sm text-slate-700" data-testid="quiz-progress">
          {done} answered
        </p>
      </div>
      <progress className="w-full" max={questions.length} value={done} aria-label="Quiz progress" />
      <article className="card space-y-4">
        <p className="text-xs uppercase tracking-wide text-slate-600">
          {q.kind} · {q.type.replace("-", " ")}
        </p>
        <p className="text-lg leading-relaxed" data-testid="quiz-prompt">
          {q.prompt}
        </p>
        {q.statement && <p className="rounded-md bg-slate-100 p-3 text-lg">{q.statement}</p>}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
          className="space-y-3"
        >
          {q.type === "multiple-choice" && (
            <fieldset disabled={Boolean(answered)}>
              <legend className="sr-only">Choose one answer (keys 1–4)</legend>
              <div className="grid gap-2">
                {q.options!.map((o, i) => (
                  <label key={o} className={`flex cursor-pointer items-center gap-3 rounded-md border p-3 ${choice === o || answered?.given === o ? "border-blue-700 bg-blue-50" : "border-slate-300"}`}>
                    <input type="radio" name="option" value={o} checked={choice === o || answered?.given === o} onChange={() => setChoice(o)} />
                    <kbd className="text-xs text-slate-600">{i + 1}</kbd> {o}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          {q.type === "true-false" && (
            <fieldset disabled={Boolean(answered)}>
              <legend className="sr-only">True or false (keys T and F)</legend>
              <div className="flex gap-3">
                {["true", "false"].map((v) => (
                  <label key={v} className={`flex cursor-pointer items-center gap-2 rounded-md border px-4 py-2 ${choice === v || answered?.given === v ? "border-blue-700 bg-blue-50" : "border-slate-300"}`}>
                    <input type="radio" name="tf" value={v} checked={choice === v || answered?.given === v} onChange={() => setChoice(v)} />
                    {v === "true" ? "True (T)" : "False (F)"}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          {q.type === "typed" && (
            <div>
              <label htmlFor="typed" className="field-label">
                Your answer
              </label>
              <input
                id="typed"
                ref={typedRef}
                type="text"
                autoComplete="off"
                className="field-input"
                value={answered ? answered.given : choice}
                readOnly={Boolean(answered)}
                onChange={(e) => {
                  setChoice(e.target.value);
                  setNearMiss(false);
                }}
                aria-describedby={nearMiss ? "near-miss" : undefined}
                maxLength={500}
              />
              {nearMiss && (
                <p id="near-miss" role="status" className="mt-1 text-sm text-amber-800">
                  Almost — check your spelling, then press Enter again to submit.
                </p>
              )}
            </div>
          )}
          {error && (
            <p role="alert" className="error-text">
              {error}
            </p>
          )}
          {!answered && (
            <button type="submit" className="btn-primary" disabled={pending}>
              Submit <kbd className="text-xs">Enter</kbd>
            </button>
          )}
        </form>
        {answered && <Feedback answer={answered} />}
        {answered && (
          <button ref={nextRef} type="button" className="btn-primary" onClick={next}>
            {done === questions.length ? "See results" : "Next question"} <kbd className="text-xs">Enter</kbd>
          </button>
        )}
      </article>
    </section>
  );
}

function Feedback({ answer }: { answer: AnsweredView }) {
  return (
    <div role="status" className={`space-y-2 rounded-md p-3 ${answer.correct ? "bg-green-50 text-green-900" : "bg-red-50 text-red-900"}`} data-testid="quiz-feedback">
      <p className="font-semibold">{answer.correct ? "Right!" : "Not quite."}</p>
      {!answer.correct && (
        <p>
          The answer is <span className="font-semibold">{answer.expected}</span>.
        </p>
      )}
      <blockquote className="border-l-4 border-current pl-3 text-sm opacity-90">{answer.source}</blockquote>
    </div>
  );
}
