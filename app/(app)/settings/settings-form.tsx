"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { RETENTION, retentionWarning, type SettingsField } from "@/lib/validation/settings";
import { saveSettingsAction, type SettingsFormState } from "./actions";
import { ReschedulePanel } from "./reschedule-panel";
import { ErrorMessage } from "@/app/error-message";

export interface SettingsValues {
  desiredRetention: number;
  maxInterval: number;
  newPerDay: number;
  reviewsPerDay: number;
  learningSteps: string;
  relearningSteps: string;
  enableFuzz: boolean;
  dayStartHour: number;
  timeZone: string;
  quizFeedsSchedule: boolean;
}

// The browser keeps the stored zone equal to the device's unless the learner
// chose another one here (read by the app layout's time-zone sync).

type Text = Record<Exclude<SettingsField, "enableFuzz" | "quizFeedsSchedule">, string>;

export function SettingsForm({ initial, zones }: { initial: SettingsValues; zones: string[] }) {
  const [state, action, pending] = useActionState(saveSettingsAction, {} as SettingsFormState);
  const [text, setText] = useState<Text>({
    desiredRetention: String(initial.desiredRetention),
    maxInterval: String(initial.maxInterval),
    newPerDay: String(initial.newPerDay),
    reviewsPerDay: String(initial.reviewsPerDay),
    learningSteps: initial.learningSteps,
    relearningSteps: initial.relearningSteps,
    dayStartHour: String(initial.dayStartHour),
    timeZone: initial.timeZone,
  });
  const [fuzz, setFuzz] = useState(initial.enableFuzz);
  const [quiz, setQuiz] = useState(initial.quizFeedsSchedule);
  const [deviceZone, setDeviceZone] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const fe = state.fieldErrors ?? {};

  useEffect(() => setDeviceZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);

  // After a refused save, take the learner to the first field to fix.
  useEffect(() => {
    if (state.fieldErrors) formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
    // Runs when a submission comes back, not on every keystroke.
  }, [state]);

  const set = (k: keyof Text) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setText((t) => ({ ...t, [k]: e.target.value }));
  const retention = Number(text.desiredRetention);
  const warning = text.desiredRetention.trim() !== "" && retention >= RETENTION.min && retention <= RETENTION.max ? retentionWarning(retention) : null;

  const field = (
    name: keyof Text,
    label: string,
    hint: string,
    input: Omit<React.InputHTMLAttributes<HTMLInputElement>, "name" | "id">,
    extra?: React.ReactNode,
    extraId?: string,
  ) => (
    <Field name={name} label={label} hint={hint} error={fe[name]} extra={extra} extraId={extraId}>
      {(describedBy) => (
        <input
          id={name}
          name={name}
          value={text[name]}
          onChange={set(name)}
          aria-invalid={fe[name] ? true : undefined}
          aria-describedby={describedBy}
          className="field-input"
          {...input}
        />
      )}
    </Field>
  );

  return (
    <form ref={formRef} action={action} noValidate className="card space-y-6" aria-labelledby="schedule-h">
      {/* A zone other than the device's is the learner's choice: the app stops following the device. */}
      <input type="hidden" name="deviceTimeZone" value={deviceZone ?? ""} />
      <h2 id="schedule-h" className="text-lg font-semibold">
        Scheduling
      </h2>
      <ErrorMessage message={state.error} />

      <fieldset className="space-y-4">
        <legend className="text-base font-semibold">Memory</legend>
        {field(
          "desiredRetention",
          "Desired retention",
          `The chance of remembering a card when it comes back (${RETENTION.min}–${RETENTION.max}); higher means shorter intervals and more reviews.`,
          { type: "number", inputMode: "decimal", step: "0.01", min: RETENTION.min, max: RETENTION.max },
          warning ? (
            <p id="desiredRetention-warning" className="mt-1 rounded bg-amber-50 p-2 text-sm text-amber-900" data-testid="retention-warning">
              {warning}
            </p>
          ) : null,
          warning ? "desiredRetention-warning" : undefined,
        )}
        {field("maxInterval", "Maximum interval (days)", "No card waits longer than this between reviews, however well you know it.", {
          type: "number",
          inputMode: "numeric",
          step: "1",
          min: 1,
        })}
        <Toggle
          name="enableFuzz"
          label="Spread due dates (fuzz)"
          hint="Adds a little randomness to longer intervals, so cards learned together do not all come back on the same day."
          checked={fuzz}
          onChange={setFuzz}
        />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-base font-semibold">Daily limits</legend>
        {field("newPerDay", "New cards a day", "How many cards you have never seen are introduced each day (0 pauses new cards).", { type: "number", inputMode: "numeric", step: "1", min: 0 })}
        {field("reviewsPerDay", "Reviews a day", "The most reviews shown in one day; the rest wait for the next day.", { type: "number", inputMode: "numeric", step: "1", min: 0 })}
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-base font-semibold">Steps</legend>
        {field("learningSteps", "Learning steps", 'Short waits before a new card graduates, like "1m 10m" (m minutes, h hours, d days; empty for none).', {
          type: "text",
          autoComplete: "off",
          spellCheck: false,
        })}
        {field("relearningSteps", "Relearning steps", 'Short waits after you forget a card before it returns to long intervals, like "10m".', {
          type: "text",
          autoComplete: "off",
          spellCheck: false,
        })}
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-base font-semibold">Your day</legend>
        <Field name="dayStartHour" label="The day starts at" hint="Reviews after midnight but before this hour count for the day before, as do daily limits and streaks." error={fe.dayStartHour}>
          {(describedBy) => (
            <select id="dayStartHour" name="dayStartHour" value={text.dayStartHour} onChange={set("dayStartHour")} aria-invalid={fe.dayStartHour ? true : undefined} aria-describedby={describedBy} className="field-input">
              {Array.from({ length: 24 }, (_, h) => (
                <option key={h} value={h}>
                  {String(h).padStart(2, "0")}:00
                </option>
              ))}
            </select>
          )}
        </Field>
        {field(
          "timeZone",
          "Time zone",
          "Where your days begin and end, as a place name like Europe/Paris.",
          { type: "text", list: "time-zones", autoComplete: "off", spellCheck: false },
          deviceZone && deviceZone !== text.timeZone ? (
            <button type="button" className="btn-secondary mt-2 px-3 py-1 text-sm" onClick={() => setText((t) => ({ ...t, timeZone: deviceZone }))}>
              Use this device’s time zone ({deviceZone})
            </button>
          ) : null,
        )}
        <datalist id="time-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-base font-semibold">Quizzes</legend>
        <Toggle
          name="quizFeedsSchedule"
          label="Quiz answers update my schedule"
          hint="A wrong quiz answer counts as Again for that card, and a right answer on a card that is due counts as Good."
          checked={quiz}
          onChange={setQuiz}
        />
      </fieldset>

      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Saving…" : "Save settings"}
        </button>
        <p role="status" className="text-sm text-green-800" data-testid="settings-status">
          {state.saved && !pending ? "Settings saved." : ""}
        </p>
      </div>

      {state.saved && state.scheduleChanged && (
        <ReschedulePanel
          key={state.savedAt}
          reason="Your desired retention or maximum interval changed. Cards you answer from now on use it; cards already scheduled keep their dates unless you reschedule them."
        />
      )}
    </form>
  );
}

function Field({
  name,
  label,
  hint,
  error,
  extra,
  extraId,
  children,
}: {
  name: string;
  label: string;
  hint: string;
  error?: string;
  extra?: React.ReactNode;
  /** The id of a message in `extra` that describes the field (the retention warning). */
  extraId?: string;
  children: (describedBy: string) => React.ReactNode;
}) {
  const describedBy = [`${name}-hint`, extraId, error ? `${name}-error` : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={name} className="field-label">
        {label}
      </label>
      <p id={`${name}-hint`} className="text-sm text-slate-600">
        {hint}
      </p>
      {children(describedBy)}
      {error && (
        <p id={`${name}-error`} className="error-text mt-1">
          {error}
        </p>
      )}
      {extra}
    </div>
  );
}

function Toggle({ name, label, hint, checked, onChange }: { name: string; label: string; hint: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <div className="flex items-start gap-3">
      <input id={name} name={name} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={`${name}-hint`} className="mt-1 h-4 w-4" />
      <div>
        <label htmlFor={name} className="field-label">
          {label}
        </label>
        <p id={`${name}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      </div>
    </div>
  );
}
