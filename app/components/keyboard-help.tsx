import { KeyboardHelpOpener } from "./keyboard-help-opener";

/** Every key the app answers to, by page (the handlers live in review-session.tsx and quiz-runner.tsx). */
export const KEYS: { page: string; keys: [string[], string][] }[] = [
  {
    page: "Review",
    keys: [
      [["Space"], "Show the answer"],
      [["1", "2", "3", "4"], "Again, Hard, Good, Easy"],
      [["Ctrl", "Z"], "Undo the last grade (⌘ Z on a Mac)"],
      [["B"], "Bury the card until tomorrow"],
      [["S"], "Suspend the card"],
    ],
  },
  {
    page: "Quiz",
    keys: [
      [["1", "2", "3", "4"], "Choose an option"],
      [["T"], "True"],
      [["F"], "False"],
      [["Enter"], "Submit, then go to the next question"],
    ],
  },
  { page: "Anywhere", keys: [[["?"], "Show this list"], [["Esc"], "Close it"]] },
];

const DIALOG_ID = "keyboard-help";

/**
 * The `?` overlay: a modal <dialog> listing the keys. Opens on "?" typed
 * anywhere but in a text field (KeyboardHelpOpener, the only part that runs in
 * the browser: the list itself is rendered on the server and costs no
 * script); Escape (the dialog's own behaviour) or the Close button shuts it.
 */
export function KeyboardHelp() {
  return (
    <>
      <KeyboardHelpOpener dialogId={DIALOG_ID} />
      <dialog id={DIALOG_ID} aria-labelledby="keys-h" className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-black/50">
        <div className="space-y-4 p-6">
          <h2 id="keys-h" className="text-lg font-semibold">
            Keyboard shortcuts
          </h2>
          {KEYS.map((group) => (
            <section key={group.page}>
              <h3 className="text-sm font-semibold text-slate-700">{group.page}</h3>
              <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                {group.keys.map(([keys, what]) => (
                  <div key={what} className="contents">
                    <dt className="whitespace-nowrap">
                      {keys.map((k, i) => (
                        <span key={k}>
                          {i > 0 && (keys.length === 2 && k === "Z" ? "+" : " ")}
                          <span className="rounded border border-slate-300 bg-slate-100 px-1.5 font-mono text-xs">{k}</span>
                        </span>
                      ))}
                    </dt>
                    <dd>{what}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
          <form method="dialog" className="text-right">
            <button type="submit" className="btn-secondary">
              Close
            </button>
          </form>
        </div>
      </dialog>
    </>
  );
}
