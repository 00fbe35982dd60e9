"use client";

import { useActionState } from "react";
import { startQuizAction, type StartState } from "./actions";
import { ErrorMessage } from "@/app/error-message";

const TYPES = [
  { value: "multiple-choice", label: "Multiple choice" },
  { value: "true-false", label: "True / false" },
  { value: "typed", label: "Typed answer" },
];

export function StartQuizForm({ documents }: { documents: { id: string; title: string }[] }) {
  const [state, action, pending] = useActionState(startQuizAction, {} as StartState);
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="mode" value="chosen" />
      <ErrorMessage message={state.error} />
      <div>
        <label htmlFor="documentId" className="field-label">
          Document
        </label>
        <select id="documentId" name="documentId" className="field-input" defaultValue="all">
          <option value="all">All my documents</option>
          {documents.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend className="field-label">Length</legend>
        <div className="mt-1 flex gap-4">
          {["10", "20", "all"].map((n) => (
            <label key={n} className="flex items-center gap-2">
              <input type="radio" name="length" value={n} defaultChecked={n === "10"} /> {n === "all" ? "All" : `${n} questions`}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="field-label">Question types</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {TYPES.map((t) => (
            <label key={t.value} className="flex items-center gap-2">
              <input type="checkbox" name="types" value={t.value} defaultChecked /> {t.label}
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Preparing…" : "Start quiz"}
      </button>
    </form>
  );
}

export function WeakestButton() {
  const [state, action, pending] = useActionState(startQuizAction, {} as StartState);
  return (
    <form action={action}>
      <input type="hidden" name="mode" value="weakest" />
      <ErrorMessage message={state.error} className="mb-3" />
      <button type="submit" className="btn-secondary" disabled={pending}>
        Quiz me on what I’m weakest at
      </button>
    </form>
  );
}

export function RetakeButton({ attemptId, missed }: { attemptId: string; missed: number }) {
  const [state, action, pending] = useActionState(startQuizAction, {} as StartState);
  return (
    <form action={action}>
      <input type="hidden" name="mode" value="retake" />
      <input type="hidden" name="attemptId" value={attemptId} />
      <ErrorMessage message={state.error} className="mb-3" />
      <button type="submit" className="btn-primary" disabled={pending}>
        Retake the {missed} missed question{missed === 1 ? "" : "s"}
      </button>
    </form>
  );
}
