"use client";

import Link from "next/link";
import { useEffect, useState } from "react";

const STEPS = [
  {
    title: "Review what is due",
    text: "Each day Recall shows the cards you are about to forget. Reveal the answer, then say how well you knew it: Again, Hard, Good or Easy. Recall schedules the card from that.",
    href: "/review",
    action: "Go to Review",
  },
  {
    title: "Quiz yourself",
    text: "A quiz asks about a document with multiple choice, true/false and typed answers, or about what you are weakest at. Wrong answers bring those cards back sooner.",
    href: "/quiz",
    action: "Go to Quiz",
  },
  {
    title: "Watch your progress",
    text: "See your streak, how much you retain, what is coming in the next 30 days and which kinds of fact you have mastered.",
    href: "/progress",
    action: "Go to Progress",
  },
];

/** localStorage key marking the tour as seen, per account on this device. */
export const tourKey = (userId: string) => `recall.tour-done.${userId}`;

/**
 * A short first-run tour of the three daily uses, on the Today page (which
 * alone renders it) until the learner finishes or skips it (remembered per
 * account on this device). Not a modal: the page stays usable while it is shown.
 */
export function FirstRunTour({ userId }: { userId: string }) {
  const [step, setStep] = useState<number | null>(null);

  useEffect(() => {
    // Read after hydration: the server cannot know what this device has seen.
    setStep(localStorage.getItem(tourKey(userId)) ? null : 0);
  }, [userId]);

  if (step === null) return null;
  const done = () => {
    localStorage.setItem(tourKey(userId), new Date().toISOString());
    setStep(null);
  };
  const s = STEPS[step];
  return (
    <section aria-labelledby="tour-h" className="card mb-8 space-y-3 border-blue-200 bg-blue-50" data-testid="tour">
      <p className="text-sm text-slate-700">
        Welcome to Recall · {step + 1} of {STEPS.length}
      </p>
      <h2 id="tour-h" className="text-lg font-semibold">
        {s.title}
      </h2>
      <p className="text-slate-800">{s.text}</p>
      <div className="flex flex-wrap gap-2">
        {step < STEPS.length - 1 ? (
          <button type="button" className="btn-primary min-h-11" onClick={() => setStep(step + 1)}>
            Next tip
          </button>
        ) : (
          <button type="button" className="btn-primary min-h-11" onClick={done}>
            Got it
          </button>
        )}
        <Link href={s.href} className="btn-secondary min-h-11" onClick={done}>
          {s.action}
        </Link>
        {step < STEPS.length - 1 && (
          <button type="button" className="btn-secondary min-h-11" onClick={done}>
            Skip the tour
          </button>
        )}
      </div>
      <p className="key-hints text-sm text-slate-600">
        Press <kbd>?</kbd> on any page for the keyboard shortcuts.
      </p>
    </section>
  );
}
