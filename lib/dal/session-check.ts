import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "./errors";
import { preparedSql, rows, type Program } from "./prepared-sql";

// Ending a JWT session before it expires (docs/decisions/020-session-revocation.md).
//
// A session token carries `sid` (random, made at sign-in) and `sv` (the user's
// sessionVersion at sign-in). It is live while the user exists, `sv` equals the
// user's current sessionVersion (raised by "sign out everywhere" and a password
// change) and `sid` is not among the user's revoked sessions (a plain sign-out).
// Checked on every authenticated request by one primary-key read on a
// statement prepared once (lib/dal/prepared-sql.ts), with no cache: a sign-out
// handled by any process or instance is seen by every other from its next
// request on (decision 012, "More than one process").

/** The claims of a session token this app issues. */
export interface SessionClaims {
  /** User id. */
  sub: string;
  /** Session id, random per sign-in. */
  sid: string;
  /** The user's sessionVersion when the session was made. */
  sv: number;
}

/** The token's session claims, or null when it lacks any (a token from before sessions had ids is not live). */
export function sessionClaims(token: unknown): SessionClaims | null {
  const t = token as { sub?: unknown; sid?: unknown; sv?: unknown } | null;
  if (!t || typeof t.sub !== "string" || typeof t.sid !== "string" || typeof t.sv !== "number") return null;
  return { sub: t.sub, sid: t.sid, sv: t.sv };
}

/** Claims for a new session of a user whose current sessionVersion is `sessionVersion`. */
export function newSessionClaims(userId: string, sessionVersion: number): SessionClaims {
  return { sub: userId, sid: randomUUID(), sv: sessionVersion };
}

/** The user's session version and whether this sid was signed out; no row when the user does not exist. */
function* sessionRow(claims: SessionClaims): Program<{ version: number | bigint; revoked: unknown } | undefined> {
  const found = yield* rows<{ version: number | bigint; revoked: unknown }>(Prisma.sql`
    SELECT "sessionVersion" AS "version",
      EXISTS (SELECT 1 FROM "RevokedSession" WHERE "id" = ${claims.sid} AND "userId" = ${claims.sub}) AS "revoked"
    FROM "User" WHERE "id" = ${claims.sub}`);
  return found[0];
}

/** True while the session may be used: its user exists, its version is current and it was not signed out. */
export async function isSessionLive(claims: SessionClaims | null): Promise<boolean> {
  if (!claims) return false;
  const row = await preparedSql().read(sessionRow(claims));
  // EXISTS is 0/1 on SQLite, a boolean on PostgreSQL.
  return row !== undefined && Number(row.version) === claims.sv && !Number(row.revoked);
}

let purgedAt = 0;

/**
 * Ends one session (sign-out): its sid is refused from the next request on,
 * by every process and instance. `expiresAt` is the token's
 * own expiry, after which the row is no longer needed.
 */
export async function revokeSession(claims: SessionClaims, expiresAt: Date, now = Date.now()): Promise<void> {
  try {
    await db.revokedSession.create({ data: { id: claims.sid, userId: claims.sub, expiresAt } });
  } catch (e) {
    if (!isUniqueViolation(e) && !isMissingUser(e)) throw e; // signed out twice, or the account is gone already
  }
  if (now - purgedAt > 3_600_000) {
    purgedAt = now;
    await db.revokedSession.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
  }
}

/**
 * Ends every session of the user ("sign out everywhere", password change):
 * raises the sessionVersion and returns the new one, for the session that
 * stays signed in (see newSessionClaims). Runs inside `tx` when given.
 */
export async function endAllSessions(userId: string, tx: Pick<typeof db, "user" | "revokedSession"> = db): Promise<number> {
  const user = await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
  // Every revoked sid carried the old version: none can be live any more.
  await tx.revokedSession.deleteMany({ where: { userId } });
  return user.sessionVersion;
}

function isMissingUser(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === "P2003" || code === "P2025";
}
