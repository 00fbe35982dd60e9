// Every server action and DAL function that takes an id, called by user B with
// user A's ids: B gets not-found (or an error result) and no row anywhere
// changes. Every action called signed out is sent to sign-in and writes
// nothing. Adding an action or DAL function is one row in a table below.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getReviewQueue, getReviewItem } from "@/lib/dal/review";
import { gradeCard } from "@/lib/dal/grading";
import { undoLast, UndoError } from "@/lib/dal/undo";
import { buryCard, editCard, getCardDetail, resetCard, revertCardEdit, setSuspended } from "@/lib/dal/card-actions";
import { deleteUserDocument, getDocument } from "@/lib/dal/documents";
import { answerQuestion, getQuiz, QuizError, startQuiz } from "@/lib/dal/quiz";
import { NotFoundError } from "@/lib/dal/errors";
import { importShippedLibrary } from "../support/shipped-library";
import { makePrivateCard, makeUser } from "../support/factories";
import { sessionCookie } from "../support/session-cookie";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId } } : null),
  signIn: async () => {
    throw new Error("signIn is not expected in this test");
  },
  signOut: async () => {
    throw new Error("signOut is not expected in this test");
  },
}));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`REDIRECT ${to}`);
  },
  notFound: () => {
    throw new Error("NOT_FOUND");
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const review = () => import("@/app/(app)/review/actions");
const cards = () => import("@/app/(app)/cards/actions");
const quiz = () => import("@/app/(app)/quiz/actions");
const documents = () => import("@/app/(app)/documents/new/actions");
const timeZone = () => import("@/app/(app)/time-zone-action");
const settings = () => import("@/app/(app)/settings/actions");

const NOW = new Date("2026-03-02T10:00:00Z");

/** A's rows that B will aim at. */
interface Targets {
  privateDocumentId: string;
  privateCardId: string;
  /** A's grade of the private card. */
  privateLogId: string;
  /** A's grade of a shared (library) card: only the user scope protects it. */
  sharedLogId: string;
  sharedCardId: string;
  /** A's quiz on the private document, answered wrong (so it can be retaken). */
  missedAttemptId: string;
  /** A's quiz on the library, nothing answered yet. */
  openAttemptId: string;
}

let alice: string;
let bob: string;
const t = {} as Targets;

function form(fields: Record<string, string | string[]>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) f.append(k, x);
  return f;
}

/** Every row of every table the app writes: compared before and after each call. */
async function snapshot(): Promise<string> {
  const by = { orderBy: { id: "asc" as const } };
  const rows = await Promise.all([
    db.user.findMany(by),
    db.document.findMany(by),
    db.fact.findMany(by),
    db.card.findMany(by),
    db.cardState.findMany(by),
    db.cardOverride.findMany(by),
    db.reviewLog.findMany(by),
    db.quizAttempt.findMany(by),
    db.quizQuestion.findMany(by),
    db.optimizerRun.findMany(by),
    db.undoEntry.findMany(by),
    db.ankiImportJob.findMany(by),
  ]);
  return JSON.stringify(rows);
}

beforeAll(async () => {
  await importShippedLibrary();
  alice = await makeUser("alice");
  bob = await makeUser("bob");
  const priv = await makePrivateCard(alice);
  t.privateDocumentId = priv.documentId;
  t.privateCardId = priv.cardId;

  const g1 = await gradeCard(alice, { cardId: t.privateCardId, version: 0, grade: "good" }, NOW);
  await editCard(alice, t.privateCardId, { prompt: "Alice's own wording ____", answer: "1990" });
  const shared = (await getReviewQueue(alice, NOW)).next!;
  expect(shared.cardId).not.toBe(t.privateCardId);
  const g2 = await gradeCard(alice, { cardId: shared.cardId, version: 0, grade: "hard" }, NOW);
  if (g1.status !== "applied" || g2.status !== "applied") throw new Error("setup grades not applied");
  t.privateLogId = g1.logId;
  t.sharedLogId = g2.logId;
  t.sharedCardId = shared.cardId;
  await setSuspended(alice, t.sharedCardId, true, NOW);

  t.missedAttemptId = await startQuiz(alice, { mode: "chosen", documentId: t.privateDocumentId, length: 10, types: ["typed"] }, NOW);
  await answerQuestion(alice, { attemptId: t.missedAttemptId, position: 0, given: "zzzz qqqq", timeMs: 1000, final: true }, NOW);
  t.openAttemptId = await startQuiz(alice, { mode: "chosen", documentId: null, length: 10, types: ["multiple-choice", "true-false"] }, NOW);
});

beforeEach(() => {
  session.userId = null;
});

describe("the targets are real: A can reach every one of them", () => {
  it("A sees the private document, card, logs and quizzes that B will aim at", async () => {
    expect((await getDocument(alice, t.privateDocumentId)).mine).toBe(true);
    expect((await getCardDetail(alice, t.privateCardId)).edited).toBe(true);
    expect((await getCardDetail(alice, t.sharedCardId)).state?.suspended).toBe(true);
    expect(await db.reviewLog.count({ where: { id: { in: [t.privateLogId, t.sharedLogId] }, userId: alice } })).toBe(2);
    expect((await getQuiz(alice, t.missedAttemptId)).questions.some((q) => q.answer?.correct === false)).toBe(true);
    expect((await getQuiz(alice, t.openAttemptId)).questions[0].answer).toBeNull();
    // B can see the shared card (so a refusal below is about A's rows, not visibility).
    expect((await getCardDetail(bob, t.sharedCardId)).id).toBe(t.sharedCardId);
  });
});

type DalRow = { name: string; call: () => Promise<unknown>; error?: new (...a: never[]) => Error };

// DAL functions, called by B with A's ids: they throw (NotFoundError unless named).
const dalRows: DalRow[] = [
  { name: "gradeCard (private card)", call: () => gradeCard(bob, { cardId: t.privateCardId, version: 1, grade: "easy" }, NOW) },
  { name: "gradeCard (private card, version 0)", call: () => gradeCard(bob, { cardId: t.privateCardId, version: 0, grade: "easy" }, NOW) },
  // B has done nothing: undo finds nothing of B's, and never A's grades, bury, suspend or edit.
  { name: "undoLast (A's actions exist, B's none)", call: () => undoLast(bob, NOW), error: UndoError },
  { name: "buryCard", call: () => buryCard(bob, t.privateCardId, NOW) },
  { name: "setSuspended true", call: () => setSuspended(bob, t.privateCardId, true, NOW) },
  { name: "setSuspended false", call: () => setSuspended(bob, t.privateCardId, false, NOW) },
  { name: "resetCard", call: () => resetCard(bob, t.privateCardId, NOW) },
  { name: "editCard", call: () => editCard(bob, t.privateCardId, { prompt: "B was here", answer: "B" }) },
  { name: "revertCardEdit", call: () => revertCardEdit(bob, t.privateCardId) },
  { name: "getCardDetail", call: () => getCardDetail(bob, t.privateCardId) },
  { name: "getReviewItem", call: () => getReviewItem(bob, t.privateCardId, NOW) },
  { name: "getDocument", call: () => getDocument(bob, t.privateDocumentId) },
  { name: "deleteUserDocument", call: () => deleteUserDocument(bob, t.privateDocumentId) },
  { name: "startQuiz with A's document", call: () => startQuiz(bob, { mode: "chosen", documentId: t.privateDocumentId, length: "all", types: ["typed"] }, NOW) },
  { name: "startQuiz retake of A's attempt", call: () => startQuiz(bob, { mode: "retake", attemptId: t.missedAttemptId }, NOW), error: QuizError },
  { name: "getQuiz (A's answered quiz)", call: () => getQuiz(bob, t.missedAttemptId) },
  { name: "getQuiz (A's open quiz)", call: () => getQuiz(bob, t.openAttemptId) },
  { name: "answerQuestion", call: () => answerQuestion(bob, { attemptId: t.openAttemptId, position: 0, given: "true", timeMs: 1, final: true }, NOW) },
  { name: "answerQuestion (answered question)", call: () => answerQuestion(bob, { attemptId: t.missedAttemptId, position: 0, given: "1990", timeMs: 1, final: true }, NOW) },
];

describe("DAL: B with A's ids is refused and nothing changes", () => {
  it.each(dalRows)("$name", async (row) => {
    const before = await snapshot();
    await expect(row.call()).rejects.toBeInstanceOf(row.error ?? NotFoundError);
    expect(await snapshot()).toBe(before);
  });
});

type ActionRow = { name: string; call: () => Promise<unknown>; refused: RegExp; next: string };

const NOT_YOUR_CARD = /not in your collection/;

// Server actions: signed in as B with A's ids, they answer { error } and write
// nothing; signed out, they redirect to sign-in (coming back to `next`).
const actionRows: ActionRow[] = [
  { name: "review gradeAction", call: async () => (await review()).gradeAction({ cardId: t.privateCardId, version: 1, grade: "good" }), refused: NOT_YOUR_CARD, next: "/review" },
  // B's undo never reaches A's actions: B has none.
  { name: "review undoAction", call: async () => (await review()).undoAction(), refused: /Nothing to undo/, next: "/review" },
  { name: "review cardAction bury", call: async () => (await review()).cardAction({ cardId: t.privateCardId, action: "bury" }), refused: NOT_YOUR_CARD, next: "/review" },
  { name: "review cardAction suspend", call: async () => (await review()).cardAction({ cardId: t.privateCardId, action: "suspend" }), refused: NOT_YOUR_CARD, next: "/review" },
  { name: "cards editCardAction", call: async () => (await cards()).editCardAction({}, form({ cardId: t.privateCardId, prompt: "B was here", answer: "B" })), refused: NOT_YOUR_CARD, next: "/cards" },
  ...(["suspend", "unsuspend", "reset"] as const).map((action) => ({
    name: `cards cardStateAction ${action}`,
    call: async () => (await cards()).cardStateAction({}, form({ cardId: t.privateCardId, action })),
    refused: NOT_YOUR_CARD,
    next: "/cards",
  })),
  {
    name: "quiz startQuizAction with A's document",
    call: async () => (await quiz()).startQuizAction({}, form({ mode: "chosen", documentId: t.privateDocumentId, length: "all", types: ["typed", "true-false"] })),
    refused: /not in your library/,
    next: "/quiz",
  },
  {
    name: "quiz startQuizAction retake of A's attempt",
    call: async () => (await quiz()).startQuizAction({}, form({ mode: "retake", attemptId: t.missedAttemptId })),
    refused: /nothing to retake/,
    next: "/quiz",
  },
  {
    name: "quiz answerAction on A's quiz",
    call: async () => (await quiz()).answerAction({ attemptId: t.openAttemptId, position: 0, given: "true", timeMs: 10, final: true }),
    refused: /not yours/,
    next: "/quiz",
  },
];

// Actions that take no id of another user's row: only the signed-out check applies.
const signedOutOnly: Omit<ActionRow, "refused">[] = [
  { name: "cards cardStateAction revert", call: async () => (await cards()).cardStateAction({}, form({ cardId: t.privateCardId, action: "revert" })), next: "/cards" },
  { name: "documents previewDocumentAction", call: async () => (await documents()).previewDocumentAction({}, form({ title: "T", text: "In 1990, Alpha and Beta signed a treaty." })), next: "/documents/new" },
  {
    name: "documents saveDocumentAction",
    call: async () => (await documents()).saveDocumentAction({ title: "T", publishedAt: "", text: "In 1990, Alpha and Beta signed a treaty.", cards: [] }),
    next: "/documents/new",
  },
  { name: "updateTimeZoneAction", call: async () => (await timeZone()).updateTimeZoneAction("Europe/Paris"), next: "/" },
  { name: "review studyMoreNewAction", call: async () => (await review()).studyMoreNewAction(5), next: "/review" },
  // Settings act on the signed-in user's own row and runs only: no id to borrow.
  {
    name: "settings saveSettingsAction",
    call: async () =>
      (await settings()).saveSettingsAction(
        {},
        form({ desiredRetention: "0.8", maxInterval: "100", newPerDay: "1", reviewsPerDay: "1", learningSteps: "1m", relearningSteps: "1m", dayStartHour: "0", timeZone: "Europe/Paris" }),
      ),
    next: "/settings",
  },
  { name: "settings previewRescheduleAction", call: async () => (await settings()).previewRescheduleAction(), next: "/settings" },
  { name: "settings applyRescheduleAction", call: async () => (await settings()).applyRescheduleAction(), next: "/settings" },
  { name: "settings startOptimizerAction", call: async () => (await settings()).startOptimizerAction(), next: "/settings" },
  { name: "settings cancelOptimizerAction", call: async () => (await settings()).cancelOptimizerAction(), next: "/settings" },
  { name: "settings dismissOptimizerAction", call: async () => (await settings()).dismissOptimizerAction(), next: "/settings" },
  { name: "settings saveOptimizedParamsAction", call: async () => (await settings()).saveOptimizedParamsAction({ force: true }), next: "/settings" },
  { name: "settings resetParamsAction", call: async () => (await settings()).resetParamsAction(), next: "/settings" },
];

describe("server actions: B with A's ids gets an error result and nothing changes", () => {
  it.each(actionRows)("$name", async (row) => {
    session.userId = bob;
    const before = await snapshot();
    const result = await row.call();
    expect(result).toEqual({ error: expect.stringMatching(row.refused) });
    expect(await snapshot()).toBe(before);
  });

  // Known gap (see the report): "revert" on a card B cannot see answers
  // "Back to the generated wording." instead of not-found. Nothing changes.
  it("cards cardStateAction revert with A's card changes nothing", async () => {
    session.userId = bob;
    const before = await snapshot();
    await (await cards()).cardStateAction({}, form({ cardId: t.privateCardId, action: "revert" }));
    expect(await snapshot()).toBe(before);
  });
});

describe("server actions signed out: redirected to sign-in, nothing written", () => {
  it.each([...actionRows, ...signedOutOnly])("$name", async (row) => {
    session.userId = null;
    const before = await snapshot();
    await expect(row.call()).rejects.toThrow(`REDIRECT /sign-in?next=${encodeURIComponent(row.next)}`);
    expect(await snapshot()).toBe(before);
  });
});

describe("a session naming a deleted user counts as signed out", () => {
  it.each(actionRows.slice(0, 3))("$name", async (row) => {
    session.userId = "deleted-user-id";
    const before = await snapshot();
    await expect(row.call()).rejects.toThrow(/^REDIRECT \/sign-in/);
    expect(await snapshot()).toBe(before);
  });
});

// JSON route handlers: the same rules, answered with HTTP statuses.
type RouteRow = { name: string; call: (headers?: Record<string, string>) => Promise<Response> };

const gradeRoute = () => import("@/app/api/review/grade/route");
const postGrade = async (body: unknown, headers: Record<string, string> = {}) => {
  const m = await gradeRoute();
  const cookie = await sessionCookie(session.userId);
  return m.POST(
    new Request("http://localhost:3000/api/review/grade", { method: "POST", headers: { "content-type": "application/json", host: "localhost:3000", ...cookie, ...headers }, body: JSON.stringify(body) }),
  );
};

describe("JSON route handlers", () => {
  it("POST /api/review/grade: B grading A's private card gets 404 and nothing changes", async () => {
    session.userId = bob;
    const before = await snapshot();
    const res = await postGrade({ cardId: t.privateCardId, version: 1, grade: "good" });
    expect(res.status).toBe(404);
    expect(await snapshot()).toBe(before);
  });

  it("POST /api/review/grade: signed out gets 401 and nothing changes", async () => {
    const before = await snapshot();
    const res = await postGrade({ cardId: t.sharedCardId, version: 0, grade: "good" });
    expect(res.status).toBe(401);
    expect(await snapshot()).toBe(before);
  });

  it("POST /api/review/grade: a cross-site request (foreign Origin, or a form body) gets 403 and nothing changes", async () => {
    session.userId = bob;
    const before = await snapshot();
    expect((await postGrade({ cardId: t.sharedCardId, version: 0, grade: "good" }, { origin: "https://evil.example" })).status).toBe(403);
    expect((await postGrade({ cardId: t.sharedCardId, version: 0, grade: "good" }, { "content-type": "application/x-www-form-urlencoded" })).status).toBe(403);
    expect(await snapshot()).toBe(before);
  });

  it("control: the same grade request for a card B can see is applied (200)", async () => {
    session.userId = bob;
    const res = await postGrade({ cardId: t.sharedCardId, version: 0, grade: "good" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "applied" });
  });

  const signedOutGets: RouteRow[] = [
    { name: "GET /api/review/next", call: async () => (await import("@/app/api/review/next/route")).GET(new Request("http://localhost:3000/api/review/next")) },
    { name: "GET /settings/optimizer", call: async () => (await import("@/app/(app)/settings/optimizer/route")).GET() },
  ];
  it.each(signedOutGets)("$name signed out gets 401", async (row) => {
    const res = await row.call();
    expect(res.status).toBe(401);
  });
});
