"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/dal/session";
import { applyReschedule, getReschedulePreview, saveParameters, updateSettings, type RescheduleSummary } from "@/lib/dal/settings";
import { dismissOptimizerJob, saveOptimizerResult, type OptimizerJobView } from "@/lib/dal/optimizer-runs";
import { cancelOptimizerJob, startOptimizerJob } from "@/lib/jobs/optimizer-runner";
import { notEnoughReviewsMessage } from "@/lib/srs/optimizer";
import { parseSettingsForm, type SettingsField } from "@/lib/validation/settings";

export interface SettingsFormState {
  error?: string;
  fieldErrors?: Partial<Record<SettingsField, string>>;
  saved?: boolean;
  /** Retention or maximum interval changed: cards in review may move. */
  scheduleChanged?: boolean;
  /** Increments on each save, so the page can tell two saves apart. */
  savedAt?: number;
}

export async function saveSettingsAction(_prev: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  const user = await requireUser("/settings");
  const parsed = parseSettingsForm(form);
  if (!parsed.ok) {
    const n = Object.keys(parsed.fieldErrors).length;
    return { error: `Fix the ${n === 1 ? "field" : `${n} fields`} marked below: nothing was saved.`, fieldErrors: parsed.fieldErrors };
  }
  const device = form.get("deviceTimeZone");
  const timeZoneAuto = typeof device === "string" && device === parsed.data.timeZone;
  const { scheduleChanged } = await updateSettings(user.id, { ...parsed.data, timeZoneAuto });
  revalidatePath("/", "layout");
  return { saved: true, scheduleChanged, savedAt: Date.now() };
}

export type PreviewResult = { preview: RescheduleSummary } | { error: string };

export async function previewRescheduleAction(): Promise<PreviewResult> {
  const user = await requireUser("/settings");
  return { preview: await getReschedulePreview(user.id, new Date()) };
}

export type ApplyResult = { moved: number } | { error: string };

export async function applyRescheduleAction(): Promise<ApplyResult> {
  const user = await requireUser("/settings");
  const r = await applyReschedule(user.id);
  revalidatePath("/", "layout");
  return r;
}

export type StartResult = { job: OptimizerJobView } | { error: string };

export async function startOptimizerAction(): Promise<StartResult> {
  const user = await requireUser("/settings");
  const r = await startOptimizerJob(user.id);
  if (r.ok) return { job: r.job };
  if (r.reason === "busy") return { error: "The optimizer is busy with other learners' runs. Try again in a minute." };
  return { error: notEnoughReviewsMessage(r.reviews, r.needed) };
}

export async function cancelOptimizerAction(): Promise<{ cancelled: boolean }> {
  const user = await requireUser("/settings");
  return { cancelled: await cancelOptimizerJob(user.id) };
}

export async function dismissOptimizerAction(): Promise<void> {
  const user = await requireUser("/settings");
  await dismissOptimizerJob(user.id);
}

const SaveSchema = z.object({ force: z.boolean() });

export type SaveParamsResult = { saved: true; changed: boolean } | { error: string };

/** Saves the parameters of the user's own finished run (never weights sent by the browser). */
export async function saveOptimizedParamsAction(input: unknown): Promise<SaveParamsResult> {
  const user = await requireUser("/settings");
  const parsed = SaveSchema.safeParse(input);
  if (!parsed.success) return { error: "That request could not be read. Reload the page and try again." };
  const r = await saveOptimizerResult(user.id, parsed.data);
  if (!r.ok) {
    if (r.reason === "not-better") return { error: "These parameters do not predict your reviews better than the ones in use, so they were not saved." };
    if (r.reason === "stale") return { error: "Your parameters changed since this run started. Run the optimizer again." };
    return { error: "There is no finished optimizer run to save. Run the optimizer first." };
  }
  revalidatePath("/", "layout");
  return { saved: true, changed: r.changed };
}

export async function resetParamsAction(): Promise<{ changed: boolean }> {
  const user = await requireUser("/settings");
  const r = await saveParameters(user.id, null);
  revalidatePath("/", "layout");
  return r;
}
