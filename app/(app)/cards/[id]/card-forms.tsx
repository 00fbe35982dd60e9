"use client";

import { useActionState } from "react";
import { cardStateAction, editCardAction, type CardFormState } from "../actions";
import { ErrorMessage } from "@/app/error-message";

function Status({ state }: { state: CardFormState }) {
  if (state.error) return <ErrorMessage message={state.error} />;
  if (state.saved)
    return (
      <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900">
        {state.saved}
      </p>
    );
  return null;
}

export function CardEditor({ cardId, prompt, answer }: { cardId: string; prompt: string; answer: string }) {
  const [state, action, pending] = useActionState(editCardAction, {} as CardFormState);
  const fe = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="cardId" value={cardId} />
      <Status state={state} />
      <div>
        <label htmlFor="prompt" className="field-label">
          Prompt
        </label>
        <textarea id="prompt" name="prompt" rows={3} defaultValue={prompt} maxLength={2000} className="field-input" aria-invalid={fe.prompt ? true : undefined} aria-describedby={fe.prompt ? "prompt-error" : undefined} />
        {fe.prompt && (
          <p id="prompt-error" className="error-text mt-1">
            {fe.prompt}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="answer" className="field-label">
          Answer
        </label>
        <input id="answer" name="answer" defaultValue={answer} maxLength={500} className="field-input" aria-invalid={fe.answer ? true : undefined} aria-describedby={fe.answer ? "answer-error" : undefined} />
        {fe.answer && (
          <p id="answer-error" className="error-text mt-1">
            {fe.answer}
          </p>
        )}
      </div>
      <button type="submit" className="btn-primary" disabled={pending}>
        Save my wording
      </button>
    </form>
  );
}

export function CardStateButtons({ cardId, suspended, edited }: { cardId: string; suspended: boolean; edited: boolean }) {
  const [state, action, pending] = useActionState(cardStateAction, {} as CardFormState);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="cardId" value={cardId} />
      <Status state={state} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="action" value={suspended ? "unsuspend" : "suspend"} className="btn-secondary" disabled={pending}>
          {suspended ? "Unsuspend" : "Suspend"}
        </button>
        <button type="submit" name="action" value="reset" className="btn-secondary" disabled={pending}>
          Reset to new
        </button>
        {edited && (
          <button type="submit" name="action" value="revert" className="btn-secondary" disabled={pending}>
            Use the generated wording
          </button>
        )}
      </div>
    </form>
  );
}
