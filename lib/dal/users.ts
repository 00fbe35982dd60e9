import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { dummyHash, hashPassword, verifyPassword } from "@/lib/password";
import { isUniqueViolation, NotFoundError } from "./errors";
import type { SchedulerSettings } from "@/lib/srs";
import { preparedSql, rows, type Program } from "./prepared-sql";

export type CreateUserResult = { ok: true; userId: string } | { ok: false; error: "email-taken" };

export async function createUser(email: string, password: string, timeZone: string): Promise<CreateUserResult> {
  const passwordHash = await hashPassword(password);
  try {
    const user = await db.user.create({ data: { email, passwordHash, timeZone }, select: { id: true } });
    return { ok: true, userId: user.id };
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, error: "email-taken" };
    throw e;
  }
}

/** The user when the password matches; null otherwise (same timing either way). */
export async function verifyUserCredentials(email: string, password: string): Promise<{ id: string; email: string; sessionVersion: number } | null> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, passwordHash: true, sessionVersion: true } });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  return user && ok ? { id: user.id, email: user.email, sessionVersion: user.sessionVersion } : null;
}

export interface UserSettings extends SchedulerSettings {
  newPerDay: number;
  reviewsPerDay: number;
  dayStartHour: number;
  timeZone: string;
  quizFeedsSchedule: boolean;
}

/**
 * The user's scheduling settings. Read on every review request, so in one raw
 * statement, prepared once (docs/decisions/012). Throws NotFoundError for an
 * unknown user.
 */
export async function getUserSettings(userId: string): Promise<UserSettings> {
  return preparedSql().read(userSettingsSteps(userId));
}

/** getUserSettings as a program (lib/dal/prepared-sql.ts), for the review queue's own run. */
export function* userSettingsSteps(userId: string): Program<UserSettings> {
  const [row] = yield* rows<UserSettings>(Prisma.sql`
    SELECT "desiredRetention", "maxInterval", "learningSteps", "relearningSteps", "enableFuzz", "fsrsParams",
      "newPerDay", "reviewsPerDay", "dayStartHour", "timeZone", "quizFeedsSchedule"
    FROM "User" WHERE "id" = ${userId}`);
  if (!row) throw new NotFoundError("user");
  return row;
}

export interface UserSummary {
  id: string;
  email: string;
  timeZone: string;
  timeZoneAuto: boolean;
}

export async function getUserSummary(userId: string): Promise<UserSummary | null> {
  return db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, timeZone: true, timeZoneAuto: true } });
}

/** Follows the browser's time zone, unless the user chose one on /settings. */
export async function updateTimeZone(userId: string, timeZone: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId, timeZoneAuto: true }, data: { timeZone } });
}
