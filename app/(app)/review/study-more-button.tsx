"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { studyMoreNewAction } from "./actions";

/** "Study N more new cards today": raises today's new-card limit once, then opens the review. */
export function StudyMoreButton({ extra }: { extra: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="btn-primary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const r = await studyMoreNewAction(extra);
            if ("error" in r) setError(r.error);
            else router.push("/review");
          })
        }
      >
        Study {extra} more new {extra === 1 ? "card" : "cards"} today
      </button>
      {error && <span role="alert">{error}</span>}
    </>
  );
}
