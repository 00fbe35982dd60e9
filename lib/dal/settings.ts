import "server-only";
import { db } from "@/lib/db";
import { State, toFsrsParameters } from "@/lib/srs";
import { planReschedule, previewReschedule, type LoadDay, type RescheduleCard } from "@/lib/srs/reschedule";
import type { SettingsInput } from "@/lib/validation/settings";
import { getUserSettings, type UserSettings } from "./users";
import { visibleCards } from "./visibility";
import { toColumns, toMemory } from "./memory-state";

export interface SettingsView {
  settings: Omit<UserSettings, "fsrsParams">;
  /** The FSRS-6 weights the schedule uses now, and whether they are the user's own. */
  params: number[];
  customParams: boolean;
}

export async function getSettingsView(userId: string): Promise<SettingsView> {
  const { fsrsParams, ...settings } = await getUserSettings(userId);
  return { settings, params: [...toFsrsParameters({ ...settings, fsrsParams }).w], customParams: fsrsParams !== null };
}

/**
 * Saves the user's settings. Returns whether the change affects the due dates
 * of cards already in review (retention or maximum interval), so the page can
 * offer to reschedule them.
 */
export async function updateSettings(userId: string, input: SettingsInput & { timeZoneAuto?: boolean }): Promise<{ scheduleChanged: boolean }> {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { desiredRetention: true, maxInterval: true } });
    await tx.user.update({ where: { id: userId }, data: input, select: { id: true } });
    return { scheduleChanged: before.desiredRetention !== input.desiredRetention || before.maxInterval !== input.maxInterval };
  });
}

/** Stores the user's FSRS weights (null: back to the defaults). Returns whether they changed. */
export async function saveParameters(userId: string, params: readonly number[] | null): Promise<{ changed: boolean }> {
  const value = params ? JSON.stringify(params) : null;
  const row = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { fsrsParams: true } });
  if (row.fsrsParams === value) return { changed: false };
  await db.user.update({ where: { id: userId }, data: { fsrsParams: value }, select: { id: true } });
  return { changed: true };
}

/** The user's studied cards with their logs, as the pure reschedule code wants them, and each state's version. */
async function loadRescheduleCards(userId: string): Promise<{ cards: RescheduleCard[]; versions: Map<string, number> }> {
  const states = await db.cardState.findMany({
    where: { userId, state: { not: State.New }, card: visibleCards(userId) },
    select: {
      id: true,
      suspended: true,
      cardId: true,
      due: true,
      stability: true,
      difficulty: true,
      elapsedDays: true,
      scheduledDays: true,
      learningSteps: true,
      reps: true,
      lapses: true,
      state: true,
      lastReview: true,
      version: true,
    },
  });
  const inReview = new Set(states.filter((s) => s.state === State.Review).map((s) => s.cardId));
  // One query for the user's whole log (an `in` list of thousands of ids would hit bind limits).
  const logs = inReview.size
    ? await db.reviewLog.findMany({ where: { userId }, orderBy: [{ review: "asc" }, { id: "asc" }], select: { cardId: true, rating: true, state: true, review: true } })
    : [];
  const byCard = new Map<string, RescheduleCard["logs"]>();
  for (const l of logs) {
    if (!inReview.has(l.cardId)) continue;
    const list = byCard.get(l.cardId);
    if (list) list.push(l);
    else byCard.set(l.cardId, [l]);
  }
  return {
    cards: states.map((s) => ({ id: s.id, cardId: s.cardId, memory: toMemory(s), suspended: s.suspended, logs: byCard.get(s.cardId) ?? [] })),
    versions: new Map(states.map((s) => [s.id, s.version])),
  };
}

export interface RescheduleSummary {
  moved: number;
  earlier: number;
  later: number;
  reviewCards: number;
  load: LoadDay[];
}

/** What rescheduling the user's review cards under their current settings would do. Changes nothing. */
export async function getReschedulePreview(userId: string, now: Date): Promise<RescheduleSummary> {
  const settings = await getUserSettings(userId);
  const { cards } = await loadRescheduleCards(userId);
  const { plan: _plan, ...summary } = previewReschedule(cards, settings, settings, now);
  return summary;
}

/**
 * Reschedules the user's review cards under their current settings. The plan
 * (a replay of every card's history: about 2 s for 100,000 reviews) is made
 * outside the transaction, so grades are not held up by it; the writes then go
 * in one transaction, each only if the card's version is still the planned one.
 * A card graded meanwhile is skipped: that grade already used the new settings.
 * Each moved card's version is bumped, so a grade shown with the old due date
 * counts as a duplicate rather than overwriting the move.
 */
export async function applyReschedule(userId: string): Promise<{ moved: number }> {
  const settings = await getUserSettings(userId);
  const { cards, versions } = await loadRescheduleCards(userId);
  const plan = planReschedule(cards, settings);
  if (plan.moves.length === 0) return { moved: 0 };
  return db.$transaction(
    async (tx) => {
      let moved = 0;
      for (const m of plan.moves) {
        const { reps: _reps, lapses: _lapses, ...columns } = toColumns(m.memory);
        const { count } = await tx.cardState.updateMany({
          where: { id: m.id, userId, version: versions.get(m.id) },
          data: { ...columns, version: { increment: 1 } },
        });
        moved += count;
      }
      return { moved };
    },
    // One write per moved card: thousands for a heavy user, more than the default 5 s allows on a slow disk.
    { timeout: 60_000, maxWait: 10_000 },
  );
}
