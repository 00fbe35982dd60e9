import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getReviewQueue } from "@/lib/dal/review";
import { gradeCard } from "@/lib/dal/grading";
import { applyReschedule, getReschedulePreview } from "@/lib/dal/settings";
import { State } from "@/lib/srs";
import { importShippedLibrary } from "../support/shipped-library";
import { makeUser } from "../support/factories";

// Server actions read the session through lib/auth: the test chooses who is signed in.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`REDIRECT ${to}`);
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const T0 = new Date("2026-03-02T10:00:00Z");
const DAY = 86_400_000;

const VALID = {
  desiredRetention: "0.9",
  maxInterval: "36500",
  newPerDay: "20",
  reviewsPerDay: "200",
  learningSteps: "1m 10m",
  relearningSteps: "10m",
  enableFuzz: "on",
  dayStartHour: "4",
  timeZone: "UTC",
  quizFeedsSchedule: "on",
};

function form(values: Record<string, string | undefined>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) if (v !== undefined) f.set(k, v);
  return f;
}

/** The user studies `n` new cards (Easy: straight to review), then reviews each once on its due day. */
async function study(userId: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const next = (await getReviewQueue(userId, T0)).next!;
    await gradeCard(userId, { cardId: next.cardId, version: next.version, grade: "easy" }, T0);
  }
  const states = await db.cardState.findMany({ where: { userId }, orderBy: { id: "asc" } });
  for (const [i, s] of states.entries()) {
    await gradeCard(userId, { cardId: s.cardId, version: s.version, grade: i % 3 === 0 ? "hard" : "good" }, new Date(s.due.getTime() + (i % 4) * 3_600_000));
  }
}

const statesOf = (userId: string) => db.cardState.findMany({ where: { userId }, orderBy: { id: "asc" } });
const settingsOf = (userId: string) => db.user.findUniqueOrThrow({ where: { id: userId }, select: { desiredRetention: true, maxInterval: true, learningSteps: true, timeZone: true, fsrsParams: true } });

let alice: string;
let bob: string;

beforeAll(async () => {
  await importShippedLibrary();
  alice = await makeUser("alice");
  bob = await makeUser("bob");
  await study(alice, 12);
  await study(bob, 12);
});

beforeEach(() => {
  session.userId = null;
});

describe("saving settings", () => {
  it("refuses invalid fields one by one, saving nothing", async () => {
    const { saveSettingsAction } = await import("@/app/(app)/settings/actions");
    session.userId = alice;
    const before = await settingsOf(alice);
    const r = await saveSettingsAction({}, form({ ...VALID, desiredRetention: "0.5", learningSteps: "ten minutes", timeZone: "Atlantis/Capital" }));
    expect(r.saved).toBeUndefined();
    expect(Object.keys(r.fieldErrors ?? {}).sort()).toEqual(["desiredRetention", "learningSteps", "timeZone"]);
    expect(r.error).toMatch(/3 fields/);
    expect(await settingsOf(alice)).toEqual(before);
  });

  it("saves for the signed-in user only, and says when cards in review may move", async () => {
    const { saveSettingsAction } = await import("@/app/(app)/settings/actions");
    session.userId = alice;
    const bobBefore = await settingsOf(bob);
    const same = await saveSettingsAction({}, form({ ...VALID, learningSteps: "2m  15m", timeZone: "Europe/Paris" }));
    expect(same).toMatchObject({ saved: true, scheduleChanged: false });
    expect(await settingsOf(alice)).toMatchObject({ learningSteps: "2m 15m", timeZone: "Europe/Paris" });
    const changed = await saveSettingsAction({}, form({ ...VALID, desiredRetention: "0.8" }));
    expect(changed).toMatchObject({ saved: true, scheduleChanged: true });
    expect((await settingsOf(alice)).desiredRetention).toBe(0.8);
    expect(await settingsOf(bob)).toEqual(bobBefore);
  });

  it("sends a signed-out visitor to sign-in", async () => {
    const { saveSettingsAction } = await import("@/app/(app)/settings/actions");
    await expect(saveSettingsAction({}, form(VALID))).rejects.toThrow("REDIRECT /sign-in?next=%2Fsettings");
  });
});

describe("rescheduling", () => {
  it("previews the moves and the load, applies exactly them, and never moves another user's cards", async () => {
    const { previewRescheduleAction, applyRescheduleAction } = await import("@/app/(app)/settings/actions");
    await db.user.update({ where: { id: alice }, data: { desiredRetention: 0.95 } });
    const bobBefore = await statesOf(bob);
    const aliceBefore = await statesOf(alice);
    const now = new Date();

    session.userId = alice;
    const preview = await previewRescheduleAction();
    if (!("preview" in preview)) throw new Error(preview.error);
    const p = preview.preview;
    const inReview = aliceBefore.filter((s) => s.state === State.Review).length;
    expect(p.reviewCards).toBe(inReview);
    expect(p.moved).toBe(inReview); // 0.95 retention brings every review card forward
    expect(p.earlier).toBe(p.moved);
    expect(p.load).toHaveLength(30);
    expect(await statesOf(alice)).toEqual(aliceBefore); // a preview changes nothing

    const applied = await applyRescheduleAction();
    expect(applied).toEqual({ moved: p.moved });
    const aliceAfter = await statesOf(alice);
    const moved = aliceAfter.filter((s, i) => s.due.getTime() !== aliceBefore[i].due.getTime());
    expect(moved).toHaveLength(p.moved);
    for (const s of moved) expect(s.version).toBe(aliceBefore.find((b) => b.id === s.id)!.version + 1);

    // The load the preview promised is the load there now is.
    const again = await getReschedulePreview(alice, now);
    expect(again.moved).toBe(0);
    expect(again.load.map((d) => d.before)).toEqual(p.load.map((d) => d.after));

    expect(await statesOf(bob)).toEqual(bobBefore);
  });

  it("a grade shown before the reschedule does not overwrite it", async () => {
    await db.user.update({ where: { id: bob }, data: { desiredRetention: 0.85 } });
    const state = await db.cardState.findFirstOrThrow({ where: { userId: bob, state: State.Review }, orderBy: { due: "asc" } });
    await applyReschedule(bob);
    const at = new Date(state.due.getTime() + 30 * DAY);
    const r = await gradeCard(bob, { cardId: state.cardId, version: state.version, grade: "good" }, at);
    expect(r.status).toBe("duplicate");
  });

  it("moves nothing when the settings did not change since the cards were graded", async () => {
    const carol = await makeUser("carol");
    await study(carol, 5);
    const before = await statesOf(carol);
    expect((await getReschedulePreview(carol, T0)).moved).toBe(0);
    expect(await applyReschedule(carol)).toEqual({ moved: 0 });
    expect(await statesOf(carol)).toEqual(before);
  });

  it("new grade previews on the review page follow the new retention", async () => {
    const dave = await makeUser("dave");
    const easyAt = async () => (await getReviewQueue(dave, T0)).next!.previews.find((p) => p.name === "easy")!.intervalMs;
    await db.user.update({ where: { id: dave }, data: { enableFuzz: false } });
    const at90 = await easyAt();
    await db.user.update({ where: { id: dave }, data: { desiredRetention: 0.75 } });
    expect(await easyAt()).toBeGreaterThan(at90 * 3);
  });
});
