"use client";

import { useActionState, useState } from "react";
import { ErrorMessage } from "@/app/error-message";
import { addCardAction, deleteDocumentAction, renameDocumentAction, type OwnCardState } from "./actions";

/** Add a card, rename, delete: shown on the learner's own documents and decks only. */
export function OwnDocumentForms({ documentId, title, impact }: { documentId: string; title: string; impact: { cards: number; reviews: number; studied: number } }) {
  const [added, add, adding] = useActionState(addCardAction, {} as OwnCardState);
  const [renamed, rename, renaming] = useActionState(renameDocumentAction, {} as OwnCardState);
  const [type, setType] = useState("question");
  const cloze = type === "cloze";
  return (
    <div className="space-y-4">
      <form action={add} className="card space-y-3" aria-labelledby="add-card-h">
        <h2 id="add-card-h" className="text-lg font-semibold">
          Add a card
        </h2>
        <ErrorMessage message={added.error} />
        {added.saved && (
          <p role="status" className="rounded-md bg-green-50 p-3 text-green-900">
            {added.saved}
          </p>
        )}
        <input type="hidden" name="documentId" value={documentId} />
        <div>
          <label htmlFor="card-type" className="field-label">
            Kind of card
          </label>
          <select id="card-type" name="type" value={type} onChange={(e) => setType(e.currentTarget.value)} className="field-input sm:max-w-xs">
            <option value="question">Front and back</option>
            <option value="typed">Type the answer</option>
            <option value="cloze">Cloze (hide part of a sentence)</option>
          </select>
        </div>
        <div>
          <label htmlFor="card-front" className="field-label">
            {cloze ? "Sentence" : "Front"}
          </label>
          <textarea id="card-front" name="front" rows={2} maxLength={2000} required className="field-input" />
        </div>
        <div>
          <label htmlFor="card-back" className="field-label">
            {cloze ? "Part of the sentence to hide" : "Back"}
          </label>
          <input id="card-back" name="back" maxLength={cloze ? 500 : 2000} required className="field-input" />
        </div>
        <button type="submit" className="btn-primary" disabled={adding}>
          Add card
        </button>
      </form>

      <form action={rename} className="card flex flex-wrap items-end gap-3">
        <input type="hidden" name="documentId" value={documentId} />
        <div className="grow">
          <label htmlFor="doc-title" className="field-label">
            Name (use “::” to nest decks, as in Anki)
          </label>
          <input id="doc-title" name="title" defaultValue={title} maxLength={200} required className="field-input" />
        </div>
        <button type="submit" className="btn-secondary" disabled={renaming}>
          Rename
        </button>
        <ErrorMessage message={renamed.error} className="w-full" />
        {renamed.saved && (
          <p role="status" className="w-full text-green-900">
            {renamed.saved}
          </p>
        )}
      </form>

      <form action={deleteDocumentAction} className="card space-y-2">
        <input type="hidden" name="documentId" value={documentId} />
        <input type="hidden" name="confirm" value="yes" />
        <p>
          Deleting “{title}” deletes its {impact.cards} {impact.cards === 1 ? "card" : "cards"}
          {impact.studied > 0 && `, your progress on the ${impact.studied} you studied`}
          {impact.reviews > 0 && ` and your ${impact.reviews} ${impact.reviews === 1 ? "review" : "reviews"} of them`}. Nothing else, and nothing of
          anyone else, changes. This cannot be undone.
        </p>
        <button type="submit" className="btn-secondary text-red-800">
          Delete “{title}” and its {impact.cards} {impact.cards === 1 ? "card" : "cards"}
        </button>
      </form>
    </div>
  );
}
