// The JSON review API at the HTTP level (route handlers with real signed
// session cookies, real clock), on SQLite and on PostgreSQL
// (TEST_ENGINE=postgres): what a button previews is what its grade applies
// (issue 12 rule 1), a grade is applied once even after an undo (issue 15
// item 6), and a second tab's grade is refused with what the first tab gave
// (issue 15 item 11).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { gradeCard } from "@/lib/dal/grading";
import { undoLast } from "@/lib/dal/undo";
import { importShippedLibrary } from "../support/shipped-library";
import { makeUser } from "../support/factories";
import { sessionCookie } from "../support/session-cookie";

const DAY = 86_400_000;

interface Preview {
  name: "again" | "hard" | "good" | "easy";
  intervalMs: number;
  days: number | null;
  due: string;
}
interface NextCard {
  cardId: string;
  version: number;
  previews: Preview[];
}

async function headers(userId: string) {
  return { "content-type": "application/json", host: "localhost:3000", ...(await sessionCookie(userId)) };
}

async function next(userId: string): Promise<NextCard | null> {
  const { GET } = await import("@/app/api/review/next/route");
  const res = await GET(new Request("http://localhost:3000/api/review/next", { headers: await headers(userId) }));
  expect(res.status).toBe(200);
  return ((await res.json()) as { next: NextCard | null }).next;
}

async function grade(userId: string, body: { cardId: string; version: number; grade: string }) {
  const { POST } = await import("@/app/api/review/grade/route");
  const res = await POST(new Request("http://localhost:3000/api/review/grade", { method: "POST", headers: await headers(userId), body: JSON.stringify(body) }));
  expect(res.status).toBe(200);
  return (await res.json()) as { status: string; due?: string; scheduledDays?: number; gradedSince?: { grade: string } | null; message?: string };
}

beforeAll(async () => {
  await importShippedLibrary();
});

describe("GET /api/review/next previews = POST /api/review/grade applies, fuzz on (issue 12 rule 1)", () => {
  it("12 new cards, every grade in turn: each applied due date is its preview's (a day outcome exactly, a step to the second), and a reload shows the same previews", async () => {
    const user = await makeUser();
    expect((await db.user.findUniqueOrThrow({ where: { id: user } })).enableFuzz).toBe(true);
    const grades = ["easy", "good", "hard", "again"] as const;
    for (let i = 0; i < 12; i++) {
      const card = (await next(user))!;
      const reloaded = (await next(user))!;
      expect(reloaded.cardId).toBe(card.cardId);
      expect(reloaded.previews.map((p) => p.days)).toEqual(card.previews.map((p) => p.days));
      const g = grades[i % 4];
      const p = card.previews.find((x) => x.name === g)!;
      const r = await grade(user, { cardId: card.cardId, version: card.version, grade: g });
      expect(r.status).toBe("applied");
      if (p.days !== null) {
        expect(r.due).toBe(p.due);
        expect(r.scheduledDays).toBe(p.days);
      } else {
        expect(Math.abs(new Date(r.due!).getTime() - new Date(p.due).getTime())).toBeLessThan(5_000);
      }
    }
  });

  it("a card in review: every grade's preview is the due date applied", async () => {
    const user = await makeUser();
    const first = (await next(user))!;
    // Into review, graded Easy 12 days ago: due now.
    await gradeCard(user, { cardId: first.cardId, version: 0, grade: "easy" }, new Date(Date.now() - 12 * DAY));
    const card = (await next(user))!;
    expect(card.cardId).toBe(first.cardId);
    for (const g of ["easy", "good", "hard"] as const) {
      const p = card.previews.find((x) => x.name === g)!;
      expect(p.days).toBeGreaterThan(0);
      const r = await grade(user, { cardId: card.cardId, version: card.version, grade: g });
      expect(r).toMatchObject({ status: "applied", due: p.due, scheduledDays: p.days });
      await undoLast(user, new Date());
      // After the undo the card shows the same previews again (a new version, the same fuzz).
      const again = (await next(user))!;
      const dayDues = (c: NextCard) => c.previews.map((x) => (x.days === null ? x.days : x.due));
      expect(dayDues(again)).toEqual(dayDues(card));
      card.version = again.version;
    }
  });
});

describe("a grade is applied once, also after an undo (issue 15 item 6)", () => {
  it("grade a new card at version 0, undo it, replay the identical request: duplicate, and nothing is logged twice", async () => {
    const user = await makeUser();
    const card = (await next(user))!;
    const request = { cardId: card.cardId, version: 0, grade: "good" };
    expect((await grade(user, request)).status).toBe("applied");
    await undoLast(user, new Date());
    expect(await db.reviewLog.count({ where: { userId: user, cardId: card.cardId } })).toBe(0);
    const replay = await grade(user, request);
    expect(replay.status).toBe("duplicate");
    expect(await db.reviewLog.count({ where: { userId: user, cardId: card.cardId } })).toBe(0);
    // The card is new again and can be graded at the version it now shows.
    const shown = (await next(user))!;
    expect(shown.cardId).toBe(card.cardId);
    expect(shown.version).toBeGreaterThan(1);
    expect((await grade(user, { ...request, version: shown.version })).status).toBe("applied");
  });
});

describe("two tabs (issue 15 item 11)", () => {
  it("the second tab's different grade is refused and says what the first tab gave", async () => {
    const user = await makeUser();
    const shown = (await next(user))!; // both tabs show this card at this version
    expect((await grade(user, { cardId: shown.cardId, version: shown.version, grade: "good" })).status).toBe("applied");
    const second = await grade(user, { cardId: shown.cardId, version: shown.version, grade: "again" });
    expect(second).toMatchObject({ status: "duplicate", gradedSince: { grade: "good" }, message: "Already graded in another tab: Good. This grade was not applied." });
    const logs = await db.reviewLog.findMany({ where: { userId: user, cardId: shown.cardId } });
    expect(logs.map((l) => l.rating)).toEqual([3]);
  });

  it("a refusal after a bury in the other tab says the card changed, not that it was graded", async () => {
    const user = await makeUser();
    const shown = (await next(user))!;
    const { buryCard } = await import("@/lib/dal/card-actions");
    await buryCard(user, shown.cardId, new Date());
    const r = await grade(user, { cardId: shown.cardId, version: shown.version, grade: "good" });
    expect(r).toMatchObject({ status: "duplicate", gradedSince: null });
    expect(r.message).toMatch(/changed since/);
  });
});
