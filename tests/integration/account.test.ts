// The learner's account (issue 14, "Account"): change password and email,
// delete the account with everything it owns, download everything as JSON.
// Runs on SQLite and PostgreSQL (TEST_ENGINE=postgres).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { databaseUrl, engineOf } from "@/lib/database-url";
import { changeEmail, checkOwnPassword, deleteAccount, exportAccountData, resetPasswordByEmail, setPassword } from "@/lib/dal/account";
import { isSessionLive, newSessionClaims, revokeSession } from "@/lib/dal/session-check";
import { verifyUserCredentials } from "@/lib/dal/users";
import { editCard, setSuspended } from "@/lib/dal/card-actions";
import { gradeCard } from "@/lib/dal/grading";
import { answerQuestion, startQuiz } from "@/lib/dal/quiz";
import { getReviewQueue } from "@/lib/dal/review";
import { signInFailureStore } from "@/lib/dal/sign-in-failures";
import { importShippedLibrary } from "../support/shipped-library";
import { makePrivateCard, makeUser } from "../support/factories";

const NOW = new Date("2026-03-02T10:00:00Z");
const PASSWORD = "correct horse battery";

/** Gives `userId` a bit of everything a learner can own: a document, grades, an edit, a suspension, quizzes, an optimizer run, a revoked session, sign-in failures. */
async function studyALot(userId: string): Promise<{ documentId: string; cardId: string }> {
  const priv = await makePrivateCard(userId);
  await gradeCard(userId, { cardId: priv.cardId, version: 0, grade: "good" }, NOW);
  await editCard(userId, priv.cardId, { prompt: "My own wording ____", answer: "1990" });
  const shared = (await getReviewQueue(userId, NOW)).next!;
  await gradeCard(userId, { cardId: shared.cardId, version: 0, grade: "hard" }, NOW);
  await setSuspended(userId, shared.cardId, true, NOW);
  const attempt = await startQuiz(userId, { mode: "chosen", documentId: priv.documentId, length: 10, types: ["typed"] }, NOW);
  await answerQuestion(userId, { attemptId: attempt, position: 0, given: "1990", timeMs: 900, final: true }, NOW);
  await db.optimizerRun.create({ data: { id: `run-${userId}`, userId, status: "done", phase: "checking", progress: 1, startedAt: NOW, heartbeatAt: NOW, reviews: 2 } });
  await revokeSession(newSessionClaims(userId, 0), new Date(NOW.getTime() + 86_400_000));
  const { email } = (await db.user.findUnique({ where: { id: userId }, select: { email: true } }))!;
  await signInFailureStore.write(`account:${email}`, [NOW.getTime()], null, NOW.getTime());
  return priv;
}

/** Every row of every table, as text (tables listed from the database itself, so a model added later is covered too). */
async function wholeDatabase(): Promise<string> {
  const tables =
    engineOf(databaseUrl()) === "postgres"
      ? await db.$queryRawUnsafe<{ name: string }[]>(`SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`)
      : await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`);
  expect(tables.length).toBeGreaterThan(8);
  let all = "";
  for (const { name } of tables) {
    const rows = await db.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name}"`);
    all += `${name}:${JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? String(v) : v))}\n`;
  }
  return all;
}

let alice: string;
let bob: string;
let alicePrivate: { documentId: string; cardId: string };

beforeAll(async () => {
  await importShippedLibrary();
  alice = await makeUser("alice");
  bob = await makeUser("bob");
  alicePrivate = await studyALot(alice);
  await studyALot(bob);
});

describe("change password", () => {
  it("needs the current password; the new one works, the old one does not, and every earlier session ends", async () => {
    const user = await makeUser("changer");
    const { email } = (await db.user.findUnique({ where: { id: user }, select: { email: true } }))!;
    const session = newSessionClaims(user, 0);
    expect(await checkOwnPassword(user, "not my password")).toBe(false);
    expect(await checkOwnPassword(user, PASSWORD)).toBe(true);
    const version = await setPassword(user, "sunflower meadow orbit");
    expect(await verifyUserCredentials(email, PASSWORD)).toBeNull();
    expect(await verifyUserCredentials(email, "sunflower meadow orbit")).toMatchObject({ id: user, sessionVersion: version });
    expect(await isSessionLive(session)).toBe(false);
    expect(await isSessionLive(newSessionClaims(user, version))).toBe(true);
  });

  it("the operator's reset sets a password by email, ends the sessions and clears the account's sign-in failures", async () => {
    const user = await makeUser("forgetful");
    const { email } = (await db.user.findUnique({ where: { id: user }, select: { email: true } }))!;
    await signInFailureStore.write(`account:${email}`, [Date.now()], null, Date.now());
    const session = newSessionClaims(user, 0);
    expect(await resetPasswordByEmail(email, "granite lantern violet")).toBe(true);
    expect(await verifyUserCredentials(email, "granite lantern violet")).not.toBeNull();
    expect(await isSessionLive(session)).toBe(false);
    expect(await signInFailureStore.read(`account:${email}`)).toBeNull();
    expect(await resetPasswordByEmail("nobody@example.com", "granite lantern violet")).toBe(false);
  });
});

describe("change email", () => {
  it("moves the account to a free address and refuses one another account uses", async () => {
    const user = await makeUser("mover");
    const { email: bobEmail } = (await db.user.findUnique({ where: { id: bob }, select: { email: true } }))!;
    expect(await changeEmail(user, bobEmail)).toEqual({ ok: false, error: "email-taken" });
    expect(await changeEmail(user, `moved-${user}@example.com`)).toEqual({ ok: true });
    expect(await verifyUserCredentials(`moved-${user}@example.com`, PASSWORD)).toMatchObject({ id: user });
  });
});

describe("download my data", () => {
  it("holds everything the learner owns and nothing of anyone else, never the password hash", async () => {
    const data = await exportAccountData(alice, NOW);
    const text = JSON.stringify(data);
    expect(data.account.email).toContain("alice");
    expect(text).not.toMatch(/passwordHash|\$argon2/);
    expect(data.documents.map((d) => d.id)).toEqual([alicePrivate.documentId]);
    expect(data.documents[0].cards[0].id).toBe(alicePrivate.cardId);
    expect(data.cardStates).toHaveLength(2);
    expect(data.reviewLogs).toHaveLength(2);
    expect(data.reviewLogs.map((l) => l.rating).sort()).toEqual([2, 3]);
    expect(data.quizzes[0].questions[0].given).toBe("1990");
    expect(data.cardOverrides[0]).toMatchObject({ cardId: alicePrivate.cardId, prompt: "My own wording ____" });
    expect(data.optimizerRun).toMatchObject({ status: "done", reviews: 2 });
    expect(text).not.toContain(bob);
    expect(text).not.toContain("bob-");
  });
});

describe("delete account", () => {
  it("leaves no row that holds the learner's id, email or documents, and touches nothing of other learners or the shipped library", async () => {
    const { email } = (await db.user.findUnique({ where: { id: alice }, select: { email: true } }))!;
    const bobBefore = JSON.stringify(await exportAccountData(bob, NOW));
    const shippedCards = await db.card.count({ where: { document: { ownerId: null } } });
    expect(await wholeDatabase()).toContain(alice);

    await deleteAccount(alice);

    const everything = await wholeDatabase();
    for (const trace of [alice, email, alicePrivate.documentId, alicePrivate.cardId]) expect(everything, trace).not.toContain(trace);
    expect(JSON.stringify(await exportAccountData(bob, NOW))).toBe(bobBefore);
    expect(await db.card.count({ where: { document: { ownerId: null } } })).toBe(shippedCards);
    expect(await isSessionLive(newSessionClaims(alice, 0))).toBe(false);
  });
});
