import { z } from "zod";
import { parseSteps } from "@/lib/srs/settings";
import { isValidTimeZone } from "@/lib/progress/local-day";

// Bounds of the scheduling settings. Retention outside 0.70–0.97 is refused:
// below, FSRS schedules so sparsely that most cards are forgotten; above, the
// workload grows without bound for little gain (FSRS's own recommended range
// is narrower, hence the warning band below).
export const RETENTION = { min: 0.7, max: 0.97, warnBelow: 0.8, warnAbove: 0.95, default: 0.9 } as const;
export const MAX_INTERVAL = { min: 1, max: 36500 } as const; // ts-fsrs caps intervals at 100 years
export const NEW_PER_DAY = { min: 0, max: 9999 } as const;
export const REVIEWS_PER_DAY = { min: 0, max: 99999 } as const;
export const MAX_STEPS = 10;
const STEP_MAX_MINUTES = 7 * 24 * 60;

const STEP_MINUTES: Record<string, number> = { m: 1, h: 60, d: 24 * 60 };

/** A cost explanation for a retention outside the recommended band, or null inside it. */
export function retentionWarning(r: number): string | null {
  if (!Number.isFinite(r)) return null;
  if (r > RETENTION.warnAbove)
    return `Above ${pct(RETENTION.warnAbove)}, every extra point costs many more reviews: intervals shrink fast while you forget only slightly less.`;
  if (r < RETENTION.warnBelow)
    return `Below ${pct(RETENTION.warnBelow)}, you will have forgotten more than ${pct(1 - r)} of cards by the time they come back: fewer reviews, but more relearning.`;
  return null;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

const numberField = (label: string, min: number, max: number, opts: { integer: boolean }) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .transform((v, ctx) => {
      const n = Number(v);
      const ok = Number.isFinite(n) && (!opts.integer || Number.isInteger(n));
      if (!ok || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `Enter ${opts.integer ? "a whole number" : "a number"} from ${fmt(min)} to ${fmt(max)} for ${label}.` });
        return z.NEVER;
      }
      return n;
    });

function fmt(n: number): string {
  return n.toLocaleString("en");
}

const stepsField = (label: string) =>
  z
    .string()
    .max(200, `Keep the ${label} short: at most ${MAX_STEPS} steps.`)
    .transform((v, ctx) => {
      let steps: string[];
      try {
        steps = parseSteps(v);
      } catch {
        ctx.addIssue({ code: "custom", message: `Write the ${label} as durations separated by spaces, like "1m 10m" (m minutes, h hours, d days).` });
        return z.NEVER;
      }
      if (steps.length > MAX_STEPS) {
        ctx.addIssue({ code: "custom", message: `Use at most ${MAX_STEPS} ${label}.` });
        return z.NEVER;
      }
      const tooLong = steps.find((s) => Number(s.slice(0, -1)) * STEP_MINUTES[s.slice(-1)] > STEP_MAX_MINUTES);
      if (tooLong) {
        ctx.addIssue({ code: "custom", message: `Keep each step to 7 days or less ("${tooLong}" is longer): longer gaps are FSRS's job.` });
        return z.NEVER;
      }
      return steps.join(" ");
    });

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.null(), z.undefined()])
  .transform((v) => v === "on" || v === "true");

/** The settings form, as the strings a FormData holds. */
export const SettingsSchema = z.object({
  desiredRetention: numberField("the desired retention", RETENTION.min, RETENTION.max, { integer: false }).transform((r) => Math.round(r * 1000) / 1000),
  maxInterval: numberField("the maximum interval", MAX_INTERVAL.min, MAX_INTERVAL.max, { integer: true }),
  newPerDay: numberField("the new cards a day", NEW_PER_DAY.min, NEW_PER_DAY.max, { integer: true }),
  reviewsPerDay: numberField("the reviews a day", REVIEWS_PER_DAY.min, REVIEWS_PER_DAY.max, { integer: true }),
  learningSteps: stepsField("learning steps"),
  relearningSteps: stepsField("relearning steps"),
  enableFuzz: checkbox,
  dayStartHour: numberField("the hour your day starts", 0, 23, { integer: true }),
  timeZone: z
    .string({ error: "Choose a time zone." })
    .trim()
    .min(1, "Choose a time zone.")
    .max(64, "Choose a time zone from the list, like Europe/Paris.")
    .refine(isValidTimeZone, "Choose a time zone from the list, like Europe/Paris."),
  quizFeedsSchedule: checkbox,
});

export type SettingsInput = z.infer<typeof SettingsSchema>;
export type SettingsField = keyof SettingsInput;
export const SETTINGS_FIELDS = Object.keys(SettingsSchema.shape) as SettingsField[];

export type SettingsParse = { ok: true; data: SettingsInput } | { ok: false; fieldErrors: Partial<Record<SettingsField, string>> };

/** Parses a submitted settings form; each field gets its first error. */
export function parseSettingsForm(form: FormData | Record<string, string | null | undefined>): SettingsParse {
  const get = (k: string) => (form instanceof FormData ? form.get(k) : form[k]);
  const raw = Object.fromEntries(SETTINGS_FIELDS.map((k) => [k, get(k) ?? undefined]));
  const parsed = SettingsSchema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: Partial<Record<SettingsField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as SettingsField;
    if (field && !fieldErrors[field]) fieldErrors[field] = issue.message;
  }
  return { ok: false, fieldErrors };
}
