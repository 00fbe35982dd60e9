import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "./errors";
import { preparedSql, rows } from "./prepared-sql";

// Ending a JWT session before it expires (docs/decisions/020-session-revocation.md).
//
// A session token carries `sid` (random, made at sign-in) and `sv` (the user's
// sessionVersion at sign-in). It is live while the user exists, `sv` equals the
// user's current sessionVersion (raised by "sign out everywhere" and a password
// change) and `sid` is not among the user's revoked sessions (a plain sign-out).
// Checked on every authenticated request, so the answer is cached per user for
// TTL_MS; a change made on this instance drops the cache entry at once, one
// made on another instance is seen within TTL_MS.

/** How long one instance trusts what it read about a user's sessions (ms). */
export const SESSION_CHECK_TTL_MS = 5_000;
const MAX_CACHED_USERS = 10_000;

/** The claims of a session token this app issues. */
export interface SessionClaims {
  /** User id. */
  sub: string;
  /** Session id, random per sign-in. */
  sid: string;
  /** The user's sessionVersion when the session was made. */
  sv: number;
}

interface UserSessions {
  /** null: no such user. */
  version: number | null;
  revoked: Set<string>;
  readAt: number;
}

/**
 * Per user, what was last read; Map order is oldest read first (evicted first
 * past MAX_CACHED_USERS). On globalThis: Next bundles route handlers and
 * server actions separately, and a sign-out in one must drop the entry the
 * other reads.
 */
const shared = globalThis as unknown as { recallSessionCache?: Map<string, UserSessions> };
const cache = (shared.recallSessionCache ??= new Map<string, UserSessions>());

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

async function userSessions(userId: string, now: number): Promise<UserSessions> {
  const cached = cache.get(userId);
  if (cached && now - cached.readAt < SESSION_CHECK_TTL_MS) return cached;
  // On statements prepared once (docs/decisions/012): asked every 5 s per
  // reviewer, through Prisma's query builder it was ~5% of a review request's CPU.
  const found = await preparedSql().read(
    rows<{ sessionVersion: unknown; revokedId: string | null }>(Prisma.sql`
      SELECT u."sessionVersion", r."id" AS "revokedId" FROM "User" u LEFT JOIN "RevokedSession" r ON r."userId" = u."id" WHERE u."id" = ${userId}`),
  );
  const revoked = new Set<string>();
  for (const r of found) if (r.revokedId !== null) revoked.add(r.revokedId);
  const entry = { version: found.length ? Number(found[0].sessionVersion) : null, revoked, readAt: now };
  cache.delete(userId);
  if (cache.size >= MAX_CACHED_USERS) cache.delete(cache.keys().next().value as string);
  cache.set(userId, entry);
  return entry;
}

function forget(userId: string): void {
  cache.delete(userId);
}

/** True while the session may be used: its user exists, its version is current and it was not signed out. */
export async function isSessionLive(claims: SessionClaims | null, now = Date.now()): Promise<boolean> {
  if (!claims) return false;
  const s = await userSessions(claims.sub, now);
  return s.version === claims.sv && !s.revoked.has(claims.sid);
}

let purgedAt = 0;

/**
 * Ends one session (sign-out): its sid is refused from the next request on,
 * on every instance within SESSION_CHECK_TTL_MS. `expiresAt` is the token's
 * own expiry, after which the row is no longer needed.
 */
export async function revokeSession(claims: SessionClaims, expiresAt: Date, now = Date.now()): Promise<void> {
  try {
    await db.revokedSession.create({ data: { id: claims.sid, userId: claims.sub, expiresAt } });
  } catch (e) {
    if (!isUniqueViolation(e) && !isMissingUser(e)) throw e; // signed out twice, or the account is gone already
  }
  forget(claims.sub);
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
  forget(userId);
  return user.sessionVersion;
}

/** Drops what this instance cached about the user (after their row changed or was deleted). */
export function forgetUserSessions(userId: string): void {
  forget(userId);
}

function isMissingUser(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === "P2003" || code === "P2025";
}
