import "server-only";
import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/password";
import { accountKey } from "@/lib/rate-limit";
import { endAllSessions } from "./session-check";
import { isUniqueViolation, NotFoundError } from "./errors";

// The learner's own account: password, email, deletion, a copy of their data.
// Every function takes the signed-in user's id; the ones that change the
// account check the current password first (the caller limits the attempts,
// app/(app)/account/actions.ts).

/** The signed-in user's password is `password` (same cost whether or not it is). */
export async function checkOwnPassword(userId: string, password: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) throw new NotFoundError("user");
  return verifyPassword(user.passwordHash, password);
}

/**
 * Sets a new password and ends every session of the account (the session
 * version is raised), in one transaction. Returns the new session version;
 * the caller signs the current browser in again.
 */
export async function setPassword(userId: string, newPassword: string): Promise<number> {
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    return endAllSessions(userId, tx);
  });
}

/** For the operator (npm run user:reset-password): sets the password of the account with this email; false when there is none. */
export async function resetPasswordByEmail(email: string, newPassword: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) return false;
  await setPassword(user.id, newPassword);
  // Failed guesses that locked the account no longer matter: the password changed.
  const key = accountKey(email);
  if (key) await db.signInThrottleKey.deleteMany({ where: { key } });
  return true;
}

export type ChangeEmailResult = { ok: true } | { ok: false; error: "email-taken" };

/** Changes the account's email (already normalized); sessions stay signed in. */
export async function changeEmail(userId: string, newEmail: string): Promise<ChangeEmailResult> {
  try {
    await db.user.update({ where: { id: userId }, data: { email: newEmail } });
    return { ok: true };
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, error: "email-taken" };
    throw e;
  }
}

/** What deleting the account removes, counted, to show before the learner confirms. */
export interface AccountContents {
  documents: number;
  cardsStudied: number;
  reviews: number;
  quizzes: number;
  editedCards: number;
}

export async function accountContents(userId: string): Promise<AccountContents> {
  const [documents, cardsStudied, reviews, quizzes, editedCards] = await Promise.all([
    db.document.count({ where: { ownerId: userId } }),
    db.cardState.count({ where: { userId } }),
    db.reviewLog.count({ where: { userId } }),
    db.quizAttempt.count({ where: { userId } }),
    db.cardOverride.count({ where: { userId } }),
  ]);
  return { documents, cardsStudied, reviews, quizzes, editedCards };
}

/**
 * Deletes the account and everything it owns, in one transaction: its
 * documents (with their facts and cards), schedule, review history, quizzes,
 * card edits, optimizer run and revoked sessions (all by the schema's cascades
 * from User and Document), and the sign-in failures recorded against its
 * email. The shipped library and other learners' rows are not touched.
 */
export async function deleteAccount(userId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) throw new NotFoundError("user");
    await tx.document.deleteMany({ where: { ownerId: userId } });
    await tx.user.delete({ where: { id: userId } });
    const key = accountKey(user.email);
    if (key) await tx.signInThrottleKey.deleteMany({ where: { key } });
  });
}

/** JSON text stored in a column, read back as data (kept as text when it does not parse). */
function parsed(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Everything the learner owns, as plain data for a JSON download: the account
 * and its settings (never the password hash), their documents with facts and
 * cards, the schedule of every card they studied, their full review history,
 * quizzes with every question and answer, their own wording of cards and the
 * last optimizer run. Cards of the shipped library are named by id, prompt and
 * answer where the learner's rows refer to them. Dates are ISO 8601 (UTC).
 */
export async function exportAccountData(userId: string, now: Date) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      email: true,
      createdAt: true,
      desiredRetention: true,
      maxInterval: true,
      newPerDay: true,
      reviewsPerDay: true,
      learningSteps: true,
      relearningSteps: true,
      enableFuzz: true,
      dayStartHour: true,
      timeZone: true,
      timeZoneAuto: true,
      fsrsParams: true,
      quizFeedsSchedule: true,
    },
  });
  if (!user) throw new NotFoundError("user");
  const [documents, cardStates, reviewLogs, quizzes, cardOverrides, optimizerRun] = await Promise.all([
    db.document.findMany({
      where: { ownerId: userId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        title: true,
        source: true,
        language: true,
        publishedAt: true,
        text: true,
        createdAt: true,
        facts: { orderBy: { position: "asc" }, select: { id: true, kind: true, answer: true, sentence: true, start: true, end: true, fields: true } },
        cards: {
          orderBy: { position: "asc" },
          select: { id: true, factId: true, type: true, prompt: true, answer: true, accepted: true, distractors: true, trueStatement: true, falseStatement: true },
        },
      },
    }),
    db.cardState.findMany({
      where: { userId },
      orderBy: { cardId: "asc" },
      select: {
        cardId: true,
        card: { select: { prompt: true, answer: true, documentId: true } },
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
        introducedAt: true,
        suspended: true,
        leech: true,
        buriedUntil: true,
      },
    }),
    db.reviewLog.findMany({
      where: { userId },
      orderBy: [{ review: "asc" }, { id: "asc" }],
      select: {
        cardId: true,
        rating: true,
        state: true,
        due: true,
        previousDue: true,
        stability: true,
        difficulty: true,
        elapsedDays: true,
        lastElapsedDays: true,
        scheduledDays: true,
        learningSteps: true,
        review: true,
        day: true,
        durationMs: true,
        source: true,
      },
    }),
    db.quizAttempt.findMany({
      where: { userId },
      orderBy: { startedAt: "asc" },
      select: {
        id: true,
        documentId: true,
        types: true,
        mode: true,
        startedAt: true,
        finishedAt: true,
        questions: {
          orderBy: { position: "asc" },
          select: { cardId: true, type: true, prompt: true, options: true, statement: true, expected: true, given: true, verdict: true, correct: true, answeredAt: true, timeMs: true },
        },
      },
    }),
    db.cardOverride.findMany({ where: { userId }, orderBy: { cardId: "asc" }, select: { cardId: true, prompt: true, answer: true, updatedAt: true } }),
    db.optimizerRun.findUnique({ where: { userId }, select: { status: true, startedAt: true, finishedAt: true, reviews: true, result: true, saved: true } }),
  ]);
  return {
    format: "recall-account-export",
    version: 1,
    exportedAt: now.toISOString(),
    account: { ...user, fsrsParams: parsed(user.fsrsParams) },
    documents: documents.map((d) => ({
      ...d,
      facts: d.facts.map((f) => ({ ...f, fields: parsed(f.fields) })),
      cards: d.cards.map((c) => ({ ...c, accepted: parsed(c.accepted), distractors: parsed(c.distractors) })),
    })),
    cardStates,
    reviewLogs,
    quizzes: quizzes.map((q) => ({ ...q, types: parsed(q.types), questions: q.questions.map((x) => ({ ...x, options: parsed(x.options) })) })),
    cardOverrides,
    optimizerRun: optimizerRun && { ...optimizerRun, result: parsed(optimizerRun.result) },
  };
}

export type AccountExport = Awaited<ReturnType<typeof exportAccountData>>;
