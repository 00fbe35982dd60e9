// Sign-out ends the session (issue 15, item 7): a token carries its session id
// and the user's session version, and the JSON API and pages refuse it once
// it was signed out, or once every session was ended (password change, "sign
// out everywhere"). Runs on SQLite and PostgreSQL (TEST_ENGINE=postgres).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { endAllSessions, isSessionLive, newSessionClaims, revokeSession } from "@/lib/dal/session-check";
import { createPrismaClient } from "@/lib/prisma-client";
import { makeUser } from "../support/factories";
import { sessionCookie } from "../support/session-cookie";
import { inOtherProcess } from "../support/other-process";

const nextRoute = () => import("@/app/api/review/next/route");
const later = () => new Date(Date.now() + 86_400_000);

async function apiStatus(cookie: Record<string, string>): Promise<number> {
  const { GET } = await nextRoute();
  return (await GET(new Request("http://localhost:3000/api/review/next", { headers: cookie }))).status;
}

describe("session revocation", () => {
  it("a signed-out session is refused from the next request on; the user's other sessions stay", async () => {
    const userId = await makeUser("signout");
    const [phone, laptop] = [newSessionClaims(userId, 0), newSessionClaims(userId, 0)];
    expect(await isSessionLive(phone)).toBe(true);
    expect(await isSessionLive(laptop)).toBe(true);
    await revokeSession(phone, later());
    expect(await isSessionLive(phone)).toBe(false);
    expect(await isSessionLive(laptop)).toBe(true);
    await revokeSession(phone, later()); // signing out twice is harmless
    expect(await db.revokedSession.count({ where: { id: phone.sid } })).toBe(1);
  });

  it("the JSON API answers 401 to a replayed cookie after sign-out", async () => {
    const userId = await makeUser("replay");
    const sid = "11111111-2222-3333-4444-555555555555";
    const cookie = await sessionCookie(userId, { sid });
    expect(await apiStatus(cookie)).toBe(200);
    await revokeSession({ sub: userId, sid, sv: 0 }, later());
    expect(await apiStatus(cookie)).toBe(401);
  });

  it("a cookie the JSON API already verified and remembers (lib/verified-tokens.ts) is refused after sign-out, and after sign out everywhere", async () => {
    const userId = await makeUser("remembered");
    const [a, b] = ["aaaaaaaa-2222-3333-4444-555555555555", "bbbbbbbb-2222-3333-4444-555555555555"];
    const [cookieA, cookieB] = [await sessionCookie(userId, { sid: a }), await sessionCookie(userId, { sid: b })];
    // Twice each: the second request is answered from the cache of verified cookies.
    for (const c of [cookieA, cookieA, cookieB, cookieB]) expect(await apiStatus(c)).toBe(200);
    await revokeSession({ sub: userId, sid: a, sv: 0 }, later());
    expect(await apiStatus(cookieA)).toBe(401);
    expect(await apiStatus(cookieB)).toBe(200);
    await endAllSessions(userId);
    expect(await apiStatus(cookieB)).toBe(401);
  });

  it("ending every session refuses all earlier tokens, and only a token at the new version is live", async () => {
    const userId = await makeUser("everywhere");
    const before = newSessionClaims(userId, 0);
    const cookie = await sessionCookie(userId, { sid: before.sid });
    const version = await endAllSessions(userId);
    expect(version).toBe(1);
    expect(await isSessionLive(before)).toBe(false);
    expect(await apiStatus(cookie)).toBe(401);
    expect(await isSessionLive(newSessionClaims(userId, version))).toBe(true);
    expect(await apiStatus(await sessionCookie(userId, { sv: version }))).toBe(200);
  });

  it("a change written by another instance (its own database client) is seen on the next request", async () => {
    const userId = await makeUser("instances");
    const [claims, other] = [newSessionClaims(userId, 0), newSessionClaims(userId, 0)];
    const cookie = await sessionCookie(userId, { sid: claims.sid });
    expect(await isSessionLive(claims)).toBe(true);
    expect(await apiStatus(cookie)).toBe(200);
    const elsewhere = createPrismaClient(process.env.DATABASE_URL);
    try {
      await elsewhere.revokedSession.create({ data: { id: claims.sid, userId, expiresAt: later() } });
      expect(await isSessionLive(claims)).toBe(false);
      expect(await apiStatus(cookie)).toBe(401);
      expect(await isSessionLive(other)).toBe(true);
      await elsewhere.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
      expect(await isSessionLive(other)).toBe(false);
    } finally {
      await elsewhere.$disconnect();
    }
  });

  it("across processes: a sign-out handled by one process is refused by another from its next request on, both ways", async () => {
    const userId = await makeUser("processes");
    const [here, there] = [newSessionClaims(userId, 0), newSessionClaims(userId, 0)];
    expect(await isSessionLive(there)).toBe(true); // read here before the other process signs it out
    expect(await inOtherProcess("isSessionLive", [here])).toBe(true);
    await inOtherProcess("revokeSession", [there, later().toISOString()]);
    expect(await isSessionLive(there)).toBe(false);
    await revokeSession(here, later());
    expect(await inOtherProcess("isSessionLive", [here])).toBe(false);
  });

  it("a token without session claims (issued before sessions had ids), or of a deleted user, is not live", async () => {
    const userId = await makeUser("legacy");
    expect(await isSessionLive(null)).toBe(false);
    const claims = newSessionClaims(userId, 0);
    await db.user.delete({ where: { id: userId } });
    expect(await isSessionLive(claims)).toBe(false);
    await revokeSession(claims, later()); // signing out of a deleted account does not fail
  });
});
