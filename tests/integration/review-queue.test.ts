// The review queue's behaviour (lib/dal/review.ts), pinned exactly: first
// written to check the rewrite of its queries in SQL against the old ones. Each test makes its own user and private documents, so
// its counts are exact; only the visibility tests import the shipped library.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getReviewItem, getReviewQueue, newCardsOutlook, studyMoreNewToday } from "@/lib/dal/review";
import { gradeCard } from "@/lib/dal/grading";
import { buryCard, editCard, resetCard, setSuspended } from "@/lib/dal/card-actions";
import { NotFoundError } from "@/lib/dal/errors";
import type { GradeName } from "@/lib/srs";
import { importShippedLibrary } from "../support/shipped-library";
import { makePrivateCard, makeUser } from "../support/factories";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

// Monday 2 March 2026, 10:00 UTC. makeUser's users are in UTC with the default
// dayStartHour 4: their day runs from 04:00 UTC to 04:00 UTC.
const NOW = new Date("2026-03-02T10:00:00.000Z");
const TODAY_END = new Date("2026-03-03T04:00:00.000Z");
const TOMORROW_END = new Date("2026-03-04T04:00:00.000Z");
// Setup grades are given on an earlier day: they use none of today's
// allowances and start no sibling rule today.
const LONG_AGO = new Date("2026-01-05T10:00:00.000Z");

// ---------------------------------------------------------------- helpers

let docs = 0;

/**
 * A private document of `ownerId` with one card per entry of `cards`, created
 * in that order, each at `position` in the document. Cards share a fact when
 * they name the same `fact`; otherwise each card has a fact of its own.
 * Returns the card ids indexed by position.
 */
async function makeDocument(ownerId: string, cards: { position: number; fact?: string }[]): Promise<{ documentId: string; title: string; card: string[] }> {
  const title = `Queue document ${++docs}`;
  const doc = await db.document.create({
    data: { ownerId, contentHash: `queue-${docs}`, title, text: `Text of ${title}.` },
    select: { id: true },
  });
  const facts = new Map<string, string>();
  const card: string[] = [];
  for (const c of cards) {
    const key = c.fact ?? `own-${c.position}`;
    let factId = facts.get(key);
    if (!factId) {
      const fact = await db.fact.create({
        data: { documentId: doc.id, key, kind: "date", answer: "1990", sentence: `Fact ${key} of ${title}.`, start: 0, end: 10, position: facts.size },
        select: { id: true },
      });
      factId = fact.id;
      facts.set(key, factId);
    }
    const created = await db.card.create({
      data: {
        documentId: doc.id,
        factId,
        key: `card-${c.position}`,
        type: "cloze",
        prompt: `${title}, card ${c.position}: ____?`,
        answer: "1990",
        trueStatement: `${title}, card ${c.position}.`,
        position: c.position,
      },
      select: { id: true },
    });
    card[c.position] = created.id;
  }
  return { documentId: doc.id, title, card };
}

/** `n` cards at positions 0..n-1, each with its own fact. */
const inOrder = (n: number) => Array.from({ length: n }, (_, position) => ({ position }));

async function stateOf(userId: string, cardId: string) {
  return db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
}

/** Grades the card as the review page would: naming the version it was shown. */
async function grade(userId: string, cardId: string, g: GradeName, at: Date) {
  const r = await gradeCard(userId, { cardId, version: (await stateOf(userId, cardId))?.version ?? 0, grade: g }, at);
  if (r.status !== "applied") throw new Error(`grade of ${cardId} not applied`);
  return r;
}

/**
 * Makes `cardId` a card `userId` has studied, now in FSRS state `kind`, due at
 * `due`. The state comes from real grades given LONG_AGO; only its due date is
 * then set by hand, so that tests can name exact dates.
 */
async function studied(userId: string, cardId: string, kind: "review" | "learning" | "relearning", due: Date): Promise<void> {
  if (kind === "learning") await grade(userId, cardId, "good", LONG_AGO);
  else await grade(userId, cardId, "easy", LONG_AGO);
  if (kind === "relearning") await grade(userId, cardId, "again", plus(LONG_AGO, 30 * DAY));
  const expected = { review: 2, learning: 1, relearning: 3 }[kind];
  const s = await stateOf(userId, cardId);
  if (s?.state !== expected) throw new Error(`setup: expected state ${expected}, got ${s?.state}`);
  await db.cardState.update({ where: { id: s.id }, data: { due } });
}

async function setUser(userId: string, data: { newPerDay?: number; reviewsPerDay?: number; dayStartHour?: number; timeZone?: string; enableFuzz?: boolean }) {
  await db.user.update({ where: { id: userId }, data });
}

/** The queue reduced to what these tests compare: the next card's id, the counts and nextDue. */
async function queue(userId: string, at: Date) {
  const q = await getReviewQueue(userId, at);
  return { next: q.next?.cardId ?? null, reviews: q.remaining.reviews, learning: q.remaining.learning, new: q.remaining.new, nextDue: q.nextDue };
}

/** Studies the whole queue at `at`, grading every card offered Easy; returns what was offered, in order. */
async function walk(userId: string, at: Date) {
  const seen: { card: string; reviews: number; learning: number; new: number }[] = [];
  for (let i = 0; i < 100; i++) {
    const q = await getReviewQueue(userId, at);
    if (!q.next) return seen;
    seen.push({ card: q.next.cardId, reviews: q.remaining.reviews, learning: q.remaining.learning, new: q.remaining.new });
    await grade(userId, q.next.cardId, "easy", at);
  }
  throw new Error("the queue never ran out");
}

// ------------------------------------------------------------------ tests

describe("order", () => {
  it("offers a due learning step first, then due reviews (earliest first, whatever their position), then new cards, as Anki; a review due later today is due now", async () => {
    const user = await makeUser();
    const { card } = await makeDocument(user, inOrder(6));
    const [fresh, dueYesterday, dueThreeDaysAgo, learningDue, dueTwoHoursAgo, dueThisEvening] = card;
    await studied(user, dueYesterday, "review", plus(NOW, -1 * DAY));
    await studied(user, dueThreeDaysAgo, "review", plus(NOW, -3 * DAY));
    await studied(user, learningDue, "learning", plus(NOW, -30 * MINUTE));
    await studied(user, dueTwoHoursAgo, "review", plus(NOW, -2 * HOUR));
    await studied(user, dueThisEvening, "review", plus(NOW, 8 * HOUR));

    expect(await walk(user, NOW)).toEqual([
      // Anki shows intraday learning cards as soon as they are due; they have their own count.
      { card: learningDue, reviews: 4, learning: 1, new: 1 },
      { card: dueThreeDaysAgo, reviews: 4, learning: 0, new: 1 },
      { card: dueYesterday, reviews: 3, learning: 0, new: 1 },
      { card: dueTwoHoursAgo, reviews: 2, learning: 0, new: 1 },
      // A review is due all day on its day, as in Anki: 18:00's card is studied at 10:00.
      { card: dueThisEvening, reviews: 1, learning: 0, new: 1 },
      { card: fresh, reviews: 0, learning: 0, new: 1 },
    ]);
    // Nothing left: the next card comes when the earliest review's day starts (04:00 UTC), not at its hour.
    const q = await queue(user, NOW);
    const earliest = Math.min(...(await db.cardState.findMany({ where: { userId: user } })).map((s) => s.due.getTime()));
    expect(q).toMatchObject({ next: null, reviews: 0, new: 0 });
    expect(q.nextDue!.getUTCHours()).toBe(4);
    expect(q.nextDue!.getTime()).toBeLessThanOrEqual(earliest);
    expect(q.nextDue!.getTime()).toBeGreaterThan(earliest - DAY);
  });

  it("offers new cards in document order (documents as created), then by position within the document", async () => {
    const user = await makeUser();
    // Within each document the cards are created out of position order: neither card id nor creation time gives this order.
    const first = await makeDocument(user, [{ position: 2 }, { position: 0 }, { position: 1 }]);
    const second = await makeDocument(user, [{ position: 1 }, { position: 0 }]);

    expect(await walk(user, NOW)).toEqual([
      { card: first.card[0], reviews: 0, learning: 0, new: 5 },
      { card: first.card[1], reviews: 0, learning: 0, new: 4 },
      { card: first.card[2], reviews: 0, learning: 0, new: 3 },
      { card: second.card[0], reviews: 0, learning: 0, new: 2 },
      { card: second.card[1], reviews: 0, learning: 0, new: 1 },
    ]);
  });
});

describe("daily allowances", () => {
  it("remaining counts due reviews, learning steps due (within the learn-ahead limit) and new cards; reviews capped by reviewsPerDay, new cards by newPerDay, learning by neither", async () => {
    const user = await makeUser();
    const { card } = await makeDocument(user, inOrder(8));
    await studied(user, card[0], "review", plus(NOW, -3 * DAY));
    await studied(user, card[1], "review", plus(NOW, -2 * DAY));
    await studied(user, card[2], "learning", plus(NOW, -1 * MINUTE));
    await studied(user, card[3], "review", plus(NOW, 1 * MINUTE)); // a review due later today: counted
    await studied(user, card[4], "review", TODAY_END); // due tomorrow: not counted

    // Defaults: 200 reviews and 20 new cards a day.
    expect(await queue(user, NOW)).toEqual({ next: card[2], reviews: 3, learning: 1, new: 3, nextDue: null });
    await setUser(user, { reviewsPerDay: 2, newPerDay: 3 });
    expect(await queue(user, NOW)).toEqual({ next: card[2], reviews: 2, learning: 1, new: 3, nextDue: null });
    await setUser(user, { reviewsPerDay: 0, newPerDay: 0 });
    expect(await queue(user, NOW)).toEqual({ next: card[2], reviews: 0, learning: 1, new: 0, nextDue: null });
  });

  it("counts today's logs as Anki: a new card's first grade uses the new-card allowance, a review card's grade the review allowance, learning steps neither", async () => {
    const user = await makeUser();
    const { card } = await makeDocument(user, inOrder(6));
    const [n0, n1, n2, r3, r4, r5] = card;
    await studied(user, r3, "review", plus(NOW, -3 * HOUR));
    await studied(user, r4, "review", plus(NOW, -2 * HOUR));
    await studied(user, r5, "review", plus(NOW, -1 * HOUR));
    await setUser(user, { newPerDay: 2, reviewsPerDay: 2 });
    expect(await queue(user, NOW)).toEqual({ next: r3, reviews: 2, learning: 0, new: 2, nextDue: null });

    // A grade at 03:59:59 UTC belongs to yesterday (the day starts at 04:00): it uses nothing of today's.
    await grade(user, n2, "easy", new Date("2026-03-02T03:59:59.000Z"));
    expect(await queue(user, NOW)).toEqual({ next: r3, reviews: 2, learning: 0, new: 2, nextDue: null });

    // First grade of a new card: "introduced". It is now learning, due in 1 minute (within the learn-ahead limit).
    await grade(user, n0, "again", NOW);
    expect(await queue(user, NOW)).toEqual({ next: r3, reviews: 2, learning: 1, new: 1, nextDue: null });

    // Its learning step uses no allowance (n0 is now due at NOW + 11 minutes): still 2 reviews.
    await grade(user, n0, "good", plus(NOW, 1 * MINUTE));
    expect((await stateOf(user, n0))!.due).toEqual(plus(NOW, 11 * MINUTE));
    expect(await queue(user, plus(NOW, 1 * MINUTE))).toEqual({ next: r3, reviews: 2, learning: 1, new: 1, nextDue: null });

    // A review: "reviewed", 1 left.
    await grade(user, r3, "good", plus(NOW, 2 * MINUTE));
    expect(await queue(user, plus(NOW, 2 * MINUTE))).toEqual({ next: r4, reviews: 1, learning: 1, new: 1, nextDue: null });
    // A lapse of a review card is a review too; its relearning steps are not.
    await grade(user, r4, "again", plus(NOW, 3 * MINUTE));
    expect(await queue(user, plus(NOW, 3 * MINUTE))).toEqual({ next: n1, reviews: 0, learning: 2, new: 1, nextDue: null });
    await grade(user, r4, "good", plus(NOW, 13 * MINUTE));
    expect(await queue(user, plus(NOW, 13 * MINUTE))).toEqual({ next: n0, reviews: 0, learning: 1, new: 1, nextDue: null });
    expect(await db.reviewLog.groupBy({ by: ["day"], where: { userId: user, day: { gte: "2026-03-01" } }, _count: true, orderBy: { day: "asc" } })).toEqual([
      { day: "2026-03-01", _count: 1 },
      { day: "2026-03-02", _count: 5 },
    ]);
  });

  it("issue 12 rule 3: with 3 reviews a day, three new cards and their 10-minute steps leave all 3 reviews for the review cards due today", async () => {
    const user = await makeUser();
    const { card } = await makeDocument(user, inOrder(5));
    const [n0, n1, n2, r3, r4] = card;
    await studied(user, r3, "review", plus(NOW, -2 * HOUR));
    await studied(user, r4, "review", plus(NOW, -1 * HOUR));
    await setUser(user, { reviewsPerDay: 3, newPerDay: 3 });
    for (const n of [n0, n1, n2]) await grade(user, n, "good", NOW); // introduced: step 2, due in 10 minutes
    for (const n of [n0, n1, n2]) await grade(user, n, "good", plus(NOW, 10 * MINUTE)); // the step: graduates
    const q = await queue(user, plus(NOW, 11 * MINUTE));
    expect(q).toEqual({ next: r3, reviews: 2, learning: 0, new: 0, nextDue: null });
  });

  it("after newPerDay new cards were introduced, no new card is offered and remaining.new is 0 until the next day starts at 04:00", async () => {
    const user = await makeUser();
    const { card } = await makeDocument(user, inOrder(4));
    await setUser(user, { newPerDay: 2 });

    expect(await queue(user, NOW)).toEqual({ next: card[0], reviews: 0, learning: 0, new: 2, nextDue: null });
    await grade(user, card[0], "easy", NOW);
    expect(await queue(user, NOW)).toEqual({ next: card[1], reviews: 0, learning: 0, new: 1, nextDue: null });
    await grade(user, card[1], "easy", NOW);
    expect(await queue(user, NOW)).toEqual({ next: null, reviews: 0, learning: 0, new: 0, nextDue: TODAY_END });
    expect(await queue(user, plus(TODAY_END, -1))).toEqual({ next: null, reviews: 0, learning: 0, new: 0, nextDue: TODAY_END });
    expect(await queue(user, TODAY_END)).toEqual({ next: card[2], reviews: 0, learning: 0, new: 2, nextDue: null });
  });

  it("the day starts at the user's dayStartHour in the user's time zone", async () => {
    const user = await makeUser();
    const { card } = await makeDocument(user, inOrder(3));
    // 10:00 UTC is 19:00 in Tokyo (UTC+9, no DST); the next day starts at 06:00 Tokyo = 21:00 UTC.
    await setUser(user, { newPerDay: 1, timeZone: "Asia/Tokyo", dayStartHour: 6 });
    const tokyoDayEnd = new Date("2026-03-02T21:00:00.000Z");

    await grade(user, card[0], "easy", NOW);
    expect((await db.reviewLog.findFirstOrThrow({ where: { userId: user } })).day).toBe("2026-03-02");
    expect(await queue(user, NOW)).toEqual({ next: null, reviews: 0, learning: 0, new: 0, nextDue: tokyoDayEnd });
    expect(await queue(user, plus(tokyoDayEnd, -1))).toEqual({ next: null, reviews: 0, learning: 0, new: 0, nextDue: tokyoDayEnd });
    expect(await queue(user, tokyoDayEnd)).toEqual({ next: card[1], reviews: 0, learning: 0, new: 1, nextDue: null });
  });
});

describe("a new document's cards today (issue 12 rule 8)", () => {
  it("tells how many come today and why not more; 'study N more today' raises today's limit once, and tomorrow the setting holds again", async () => {
    const user = await makeUser();
    await setUser(user, { newPerDay: 2 });
    const first = await makeDocument(user, inOrder(5));
    expect(await newCardsOutlook(user, first.documentId, NOW)).toEqual({ waiting: 5, today: 2, newLeft: 2, newPerDay: 2, ahead: 0 });
    // A second document: the first one's new cards come first, so none of its cards today.
    const second = await makeDocument(user, [{ position: 0, fact: "F" }, { position: 1, fact: "F" }, { position: 2 }]);
    expect(await newCardsOutlook(user, second.documentId, NOW)).toEqual({ waiting: 3, today: 0, newLeft: 2, newPerDay: 2, ahead: 2 });

    await studyMoreNewToday(user, 6, NOW);
    expect((await queue(user, NOW)).new).toBe(8);
    // 5 of the first document come first; of the second, one card per fact: 2, not 3.
    expect(await newCardsOutlook(user, second.documentId, NOW)).toMatchObject({ today: 2, newLeft: 8, ahead: 5 });
    await studyMoreNewToday(user, 1, NOW);
    expect((await queue(user, NOW)).new).toBe(8); // 9 allowed, 8 cards waiting
    // The next day, only the setting.
    expect((await queue(user, TODAY_END)).new).toBe(2);
    await expect(studyMoreNewToday(user, 0, NOW)).rejects.toThrow(RangeError);
  });
});

describe("learn-ahead", () => {
  it("when nothing is due and no new card is left, the earliest learning or relearning card due within 20 minutes is shown; the learning count holds every step due within 20 minutes", async () => {
    const user = await makeUser();
    const { card } = await makeDocument(user, inOrder(4));
    const [learning20, relearning12, learning15, review5] = card;
    await studied(user, learning20, "learning", plus(NOW, 20 * MINUTE));
    await studied(user, relearning12, "relearning", plus(NOW, 12 * MINUTE));
    await studied(user, learning15, "learning", plus(NOW, 15 * MINUTE));
    await studied(user, review5, "review", plus(TODAY_END, 5 * MINUTE)); // a review due tomorrow is never shown early

    expect(await queue(user, NOW)).toEqual({ next: relearning12, reviews: 0, learning: 3, new: 0, nextDue: null });
    await grade(user, relearning12, "easy", NOW);
    expect(await queue(user, NOW)).toEqual({ next: learning15, reviews: 0, learning: 2, new: 0, nextDue: null });
    await grade(user, learning15, "easy", NOW);
    // Exactly 20 minutes ahead is still within the window.
    expect(await queue(user, NOW)).toEqual({ next: learning20, reviews: 0, learning: 1, new: 0, nextDue: null });
  });

  it("a learning card due in more than 20 minutes is not shown early: nextDue is its due date", async () => {
    const user = await makeUser();
    const { card } = await makeDocument(user, inOrder(1));
    const due = plus(NOW, 20 * MINUTE + 1 * SECOND);
    await studied(user, card[0], "learning", due);

    expect(await queue(user, NOW)).toEqual({ next: null, reviews: 0, learning: 0, new: 0, nextDue: due });
    expect(await queue(user, plus(NOW, 1 * SECOND))).toEqual({ next: card[0], reviews: 0, learning: 1, new: 0, nextDue: null });
  });

  it("new cards come before a learning card that is only due ahead", async () => {
    const user = await makeUser();
    const { card } = await makeDocument(user, inOrder(2));
    await studied(user, card[0], "learning", plus(NOW, 5 * MINUTE));

    expect(await queue(user, NOW)).toEqual({ next: card[1], reviews: 0, learning: 1, new: 1, nextDue: null });
    await grade(user, card[1], "easy", NOW);
    expect(await queue(user, NOW)).toEqual({ next: card[0], reviews: 0, learning: 1, new: 0, nextDue: null });
  });

  it("a due learning step is shown when the review allowance is used up: steps count against no limit", async () => {
    const user = await makeUser();
    const { card } = await makeDocument(user, inOrder(2));
    await studied(user, card[0], "learning", plus(NOW, -5 * MINUTE)); // overdue
    await studied(user, card[1], "review", plus(NOW, -1 * HOUR));
    await setUser(user, { reviewsPerDay: 1 });

    await grade(user, card[1], "good", NOW);
    expect(await queue(user, NOW)).toEqual({ next: card[0], reviews: 0, learning: 1, new: 0, nextDue: null });
  });
});

describe("nextDue", () => {
  it("is null, with next null, for a user with no cards", async () => {
    const user = await makeUser();
    expect(await queue(user, NOW)).toEqual({ next: null, reviews: 0, learning: 0, new: 0, nextDue: null });
  });

  it("when nothing is left, is the start of the day on which the earliest review of a card that is not suspended falls due", async () => {
    const user = await makeUser();
    const { card } = await makeDocument(user, inOrder(3));
    await studied(user, card[0], "review", plus(NOW, 3 * DAY));
    await studied(user, card[1], "review", plus(NOW, 2 * DAY));
    await studied(user, card[2], "review", plus(NOW, 1 * HOUR));
    await setSuspended(user, card[2], true, NOW);

    // Due on 4 March at 10:00: due from 04:00 that day.
    expect(await queue(user, NOW)).toEqual({ next: null, reviews: 0, learning: 0, new: 0, nextDue: TOMORROW_END });
    // Another user's studies do not count.
    const other = await makeUser();
    expect(await queue(other, NOW)).toEqual({ next: null, reviews: 0, learning: 0, new: 0, nextDue: null });
  });

  it("when new cards are held only by the daily limit, is the end of the local day, unless a learning step is due before it", async () => {
    const user = await makeUser();
    const { card } = await makeDocument(user, inOrder(3));
    await studied(user, card[0], "review", plus(NOW, 2 * DAY));
    await setUser(user, { newPerDay: 0 });

    expect(await queue(user, NOW)).toEqual({ next: null, reviews: 0, learning: 0, new: 0, nextDue: TODAY_END });
    await studied(user, card[1], "learning", plus(NOW, 2 * HOUR));
    expect(await queue(user, NOW)).toEqual({ next: null, reviews: 0, learning: 0, new: 0, nextDue: plus(NOW, 2 * HOUR) });
    // A review due later today is no reason to wait: it is due now.
    await db.cardState.updateMany({ where: { userId: user, cardId: card[0] }, data: { due: plus(NOW, 2 * HOUR) } });
    expect(await queue(user, NOW)).toEqual({ next: card[0], reviews: 1, learning: 0, new: 0, nextDue: null });
  });

  it("when held by the sibling rule, is the end of the local day; a sibling due after today counts as upcoming", async () => {
    const user = await makeUser();
    const { card } = await makeDocument(user, [
      { position: 0, fact: "F" },
      { position: 1, fact: "F" },
    ]);
    await studied(user, card[1], "review", plus(NOW, 2 * HOUR));
    await setUser(user, { enableFuzz: false }); // fuzz is seeded by the card's (random) id: off for an exact date
    const graded = await grade(user, card[0], "easy", NOW);
    // Easy on a new card: 8 local days, due from the start of that day.
    expect(graded.due).toEqual(new Date("2026-03-10T04:00:00.000Z"));
    // The sibling, due later today, is held by the sibling rule: nextDue is when the day ends.
    expect(await queue(user, NOW)).toEqual({ next: null, reviews: 0, learning: 0, new: 0, nextDue: TODAY_END });

    // Due in 2 days, the sibling is not held past today: it is the next card
    // (from the start of its day), before the graded card's own due date.
    await db.cardState.updateMany({ where: { userId: user, cardId: card[1] }, data: { due: plus(NOW, 2 * DAY) } });
    expect(await queue(user, NOW)).toEqual({ next: null, reviews: 0, learning: 0, new: 0, nextDue: TOMORROW_END });
    expect(await queue(user, TODAY_END)).toEqual({ next: null, reviews: 0, learning: 0, new: 0, nextDue: TOMORROW_END });
  });

  it("when a sibling held today has a learning step due later today, is the end of the local day, not the step", async () => {
    const user = await makeUser();
    const { card } = await makeDocument(user, [
      { position: 0, fact: "F" },
      { position: 1, fact: "F" },
    ]);
    // The sibling's step falls due in 2 hours, past the 20-minute learn-ahead.
    await studied(user, card[1], "learning", plus(NOW, 2 * HOUR));
    await grade(user, card[0], "easy", NOW);
    // Held by the sibling rule, the step cannot come back before tomorrow.
    expect(await queue(user, NOW)).toEqual({ next: null, reviews: 0, learning: 0, new: 0, nextDue: TODAY_END });
    // The next day the step is overdue and shown.
    expect(await queue(user, TODAY_END)).toEqual({ next: card[1], reviews: 0, learning: 1, new: 0, nextDue: null });
  });

  it("when due reviews are held by the review limit, is the end of the local day, never a time in the past", async () => {
    const user = await makeUser();
    const { card } = await makeDocument(user, inOrder(2));
    await studied(user, card[0], "review", plus(NOW, -2 * HOUR));
    await studied(user, card[1], "review", plus(NOW, -1 * HOUR));
    await setUser(user, { reviewsPerDay: 1 });

    await grade(user, card[0], "good", NOW);
    // card[1] has been due for an hour, but the allowance is spent: it comes with the new day.
    expect(await queue(user, NOW)).toEqual({ next: null, reviews: 0, learning: 0, new: 0, nextDue: TODAY_END });
  });
});

describe("siblings", () => {
  it("after a card of a fact is graded today, the fact's other cards wait for tomorrow, but the graded card itself comes back when due", async () => {
    const user = await makeUser();
    const { card } = await makeDocument(user, [
      { position: 0, fact: "F" },
      { position: 1, fact: "F" },
      { position: 2, fact: "F" },
      { position: 3, fact: "G" },
    ]);
    const [a, b, dueSibling, other] = card;
    await studied(user, dueSibling, "review", plus(NOW, -1 * HOUR));
    expect(await queue(user, NOW)).toEqual({ next: dueSibling, reviews: 1, learning: 0, new: 3, nextDue: null });

    // a is graded (out of queue order): now learning, due in 10 minutes.
    expect((await grade(user, a, "good", NOW)).due).toEqual(plus(NOW, 10 * MINUTE));
    // Neither the new sibling b nor the due sibling is offered or counted.
    expect(await queue(user, NOW)).toEqual({ next: other, reviews: 0, learning: 1, new: 1, nextDue: null });
    await grade(user, other, "easy", NOW);
    // a itself comes back: learn-ahead, then due.
    expect(await queue(user, NOW)).toEqual({ next: a, reviews: 0, learning: 1, new: 0, nextDue: null });
    expect(await queue(user, plus(NOW, 10 * MINUTE))).toEqual({ next: a, reviews: 0, learning: 1, new: 0, nextDue: null });
    await grade(user, a, "easy", plus(NOW, 10 * MINUTE));
    expect(await queue(user, plus(NOW, 10 * MINUTE))).toEqual({ next: null, reviews: 0, learning: 0, new: 0, nextDue: TODAY_END });

    // The next day both siblings are back...
    expect(await queue(user, TODAY_END)).toEqual({ next: dueSibling, reviews: 1, learning: 0, new: 1, nextDue: null });
    // ...until one of them is graded: then the other waits for the day after.
    await grade(user, dueSibling, "easy", TODAY_END);
    expect(await queue(user, TODAY_END)).toEqual({ next: null, reviews: 0, learning: 0, new: 0, nextDue: TOMORROW_END });
    expect(await queue(user, TOMORROW_END)).toEqual({ next: b, reviews: 0, learning: 0, new: 1, nextDue: null });
  });
});

describe("same-sentence siblings", () => {
  it("after a card cut from a sentence is graded today, cards of the other facts of that sentence wait for tomorrow", async () => {
    const user = await makeUser();
    const { card } = await makeDocument(user, [
      { position: 0, fact: "F" },
      { position: 1, fact: "G" },
      { position: 2, fact: "H" },
    ]);
    // F and G are two facts of one sentence ("deploy ____ soldiers … on 2 February" / "deploy 3,000 soldiers … on ____").
    const [f, g, h] = await Promise.all(card.map((id) => db.card.findUniqueOrThrow({ where: { id }, select: { factId: true } })));
    const sentence = (await db.fact.findUniqueOrThrow({ where: { id: f.factId }, select: { sentence: true } })).sentence;
    await db.fact.update({ where: { id: g.factId }, data: { sentence } });
    expect(h.factId).not.toBe(f.factId);

    await grade(user, card[0], "easy", NOW);
    // The other fact of the same sentence is held; the fact of another sentence is not.
    expect(await queue(user, NOW)).toEqual({ next: card[2], reviews: 0, learning: 0, new: 1, nextDue: null });
    await grade(user, card[2], "easy", NOW);
    expect(await queue(user, NOW)).toEqual({ next: null, reviews: 0, learning: 0, new: 0, nextDue: TODAY_END });
    expect(await queue(user, TODAY_END)).toEqual({ next: card[1], reviews: 0, learning: 0, new: 1, nextDue: null });
  });
});

describe("suspended and buried cards", () => {
  it("are left out; a buried card comes back once buriedUntil passes, a suspended one once unsuspended", async () => {
    const user = await makeUser();
    const { card } = await makeDocument(user, inOrder(5));
    const [suspendedReview, buriedReview, suspendedNew, buriedNew, fresh] = card;
    await studied(user, suspendedReview, "review", plus(NOW, -2 * HOUR));
    await studied(user, buriedReview, "review", plus(NOW, -1 * HOUR));
    await setSuspended(user, suspendedReview, true, NOW);
    await setSuspended(user, suspendedNew, true, NOW);
    expect(await buryCard(user, buriedReview, NOW)).toEqual(TODAY_END);
    expect(await buryCard(user, buriedNew, NOW)).toEqual(TODAY_END);

    expect(await queue(user, NOW)).toEqual({ next: fresh, reviews: 0, learning: 0, new: 1, nextDue: null });
    expect(await queue(user, plus(TODAY_END, -1))).toEqual({ next: fresh, reviews: 0, learning: 0, new: 1, nextDue: null });
    // buriedUntil reached: both buried cards are back; the suspended ones are not.
    expect(await queue(user, TODAY_END)).toEqual({ next: buriedReview, reviews: 1, learning: 0, new: 2, nextDue: null });

    await setSuspended(user, suspendedReview, false, NOW);
    await setSuspended(user, suspendedNew, false, NOW);
    expect(await queue(user, TODAY_END)).toEqual({ next: suspendedReview, reviews: 2, learning: 0, new: 3, nextDue: null });
  });

  it("a buried card counts for nextDue: it comes back when its burial ends", async () => {
    const user = await makeUser();
    const { card } = await makeDocument(user, inOrder(2));
    await studied(user, card[0], "review", plus(NOW, -1 * HOUR));
    await buryCard(user, card[0], NOW);
    await buryCard(user, card[1], NOW);

    expect(await queue(user, NOW)).toEqual({ next: null, reviews: 0, learning: 0, new: 0, nextDue: TODAY_END });
    expect(await queue(user, TODAY_END)).toEqual({ next: card[0], reviews: 1, learning: 0, new: 1, nextDue: null });
  });
});

describe("visibility", () => {
  let shippedInOrder: string[];
  /** The first card of each shipped fact, in order: what one day of study offers (the sibling rule holds back the rest). */
  let firstOfEachFact: string[];

  beforeAll(async () => {
    await importShippedLibrary();
    const cards = await db.card.findMany({ where: { document: { ownerId: null } }, orderBy: { position: "asc" }, select: { id: true, fact: { select: { sentence: true } } } });
    shippedInOrder = cards.map((c) => c.id);
    // Siblings are the cards of one sentence (of one fact or several): a day's walk sees the first of each.
    const sentences = new Set<string>();
    firstOfEachFact = cards.filter((c) => !sentences.has(c.fact.sentence) && sentences.add(c.fact.sentence)).map((c) => c.id);
  });

  // The other tests count exactly the cards they made: take the shared library away again.
  afterAll(async () => {
    await db.document.deleteMany({ where: { ownerId: null } });
  });

  it("a user's queue has the shipped library and their own documents, never another user's private document", async () => {
    const alice = await makeUser("alice");
    const bob = await makeUser("bob");
    const carol = await makeUser("carol");
    const alicePrivate = await makePrivateCard(alice);
    const bobPrivate = await makePrivateCard(bob);
    for (const u of [alice, bob, carol]) await setUser(u, { newPerDay: 1000 });
    expect(await db.document.count({ where: { ownerId: null } })).toBe(1);
    expect(shippedInOrder.length).toBeGreaterThan(firstOfEachFact.length); // the library has siblings

    expect(await queue(carol, NOW)).toEqual({ next: shippedInOrder[0], reviews: 0, learning: 0, new: shippedInOrder.length, nextDue: null });
    expect(await queue(alice, NOW)).toEqual({ next: shippedInOrder[0], reviews: 0, learning: 0, new: shippedInOrder.length + 1, nextDue: null });

    // A whole day of study: the shipped document (created first), then alice's own card; never bob's.
    expect((await walk(alice, NOW)).map((s) => s.card)).toEqual([...firstOfEachFact, alicePrivate.cardId]);

    expect((await queue(bob, NOW)).new).toBe(shippedInOrder.length + 1);
    await expect(getReviewItem(bob, alicePrivate.cardId, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getReviewItem(alice, bobPrivate.cardId, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("reset", () => {
  it("a card reset to New is back among the new cards, in its document position", async () => {
    const user = await makeUser();
    const { card } = await makeDocument(user, inOrder(3));
    await studied(user, card[0], "review", plus(NOW, 5 * DAY));
    await studied(user, card[1], "review", plus(NOW, 4 * DAY));
    expect(await queue(user, NOW)).toEqual({ next: card[2], reviews: 0, learning: 0, new: 1, nextDue: null });

    await resetCard(user, card[1], NOW);
    expect(await queue(user, NOW)).toEqual({ next: card[1], reviews: 0, learning: 0, new: 2, nextDue: null });
    const item = (await getReviewQueue(user, NOW)).next!;
    expect(item).toMatchObject({ cardId: card[1], isNew: true, version: 2 });

    // Its next grade is a new card's first grade again: it uses the new-card allowance.
    await setUser(user, { newPerDay: 1 });
    await grade(user, card[1], "easy", NOW);
    expect(await queue(user, NOW)).toEqual({ next: null, reviews: 0, learning: 0, new: 0, nextDue: TODAY_END });
  });
});

describe("getReviewItem", () => {
  it("returns the user's own wording, the fact's sentence, the document title, state and four previews", async () => {
    const alice = await makeUser();
    const bob = await makeUser();
    const { card, title } = await makeDocument(alice, inOrder(1));
    await editCard(alice, card[0], { prompt: "My own question?", answer: "My own answer" });
    await setUser(alice, { enableFuzz: false }); // fuzz is seeded by the card's (random) id: off for exact previews

    expect(await getReviewItem(alice, card[0], NOW)).toEqual({
      cardId: card[0],
      version: 0,
      type: "cloze",
      kind: "date",
      prompt: "My own question?",
      answer: "My own answer",
      edited: true,
      source: `Fact own-0 of ${title}.`,
      documentTitle: title,
      isNew: true,
      stage: "new",
      previews: [
        { name: "again", label: "Again", key: "1", intervalMs: 1 * MINUTE, days: null, due: plus(NOW, 1 * MINUTE) },
        { name: "hard", label: "Hard", key: "2", intervalMs: 6 * MINUTE, days: null, due: plus(NOW, 6 * MINUTE) },
        { name: "good", label: "Good", key: "3", intervalMs: 10 * MINUTE, days: null, due: plus(NOW, 10 * MINUTE) },
        // 8 local days: due from 04:00 on 10 March, 7 days 18 hours from 10:00 on 2 March.
        { name: "easy", label: "Easy", key: "4", intervalMs: 8 * DAY - 6 * HOUR, days: 8, due: new Date("2026-03-10T04:00:00.000Z") },
      ],
    });
    // The queue shows the same item.
    expect((await getReviewQueue(alice, NOW)).next).toEqual(await getReviewItem(alice, card[0], NOW));

    await grade(alice, card[0], "good", NOW);
    const later = plus(NOW, 10 * MINUTE);
    expect(await getReviewItem(alice, card[0], later)).toMatchObject({ version: 1, isNew: false, stage: "learning", edited: true });

    await expect(getReviewItem(bob, card[0], NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getReviewItem(alice, "c-no-such-card", NOW)).rejects.toBeInstanceOf(NotFoundError);
  });
});
