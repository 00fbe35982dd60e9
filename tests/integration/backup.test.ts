import { beforeAll, describe, expect, it } from "vitest";
import { gunzipSync, gzipSync } from "fflate";
import { db } from "@/lib/db";
import { createBackup, restoreBackup } from "@/lib/dal/backup";
import { BackupError, decodeBackup, encodeBackup } from "@/lib/backup/format";
import { importAnkiPackage } from "@/lib/dal/anki-import";
import { getProgress } from "@/lib/dal/progress";
import { getReviewQueue } from "@/lib/dal/review";
import { gradeCard } from "@/lib/dal/grading";
import { editCard } from "@/lib/dal/card-actions";
import { answerQuestion, startQuiz } from "@/lib/dal/quiz";
import { makePrivateCard, makeUser } from "../support/factories";
import { importShippedLibrary } from "../support/shipped-library";
import { fixture } from "../support/anki-package";

const NOW = new Date("2026-03-02T10:00:00Z");
let alice: string;
let file: Uint8Array;

/**
 * What /progress shows, without the ids that differ between accounts, and with
 * averages rounded to 9 digits: the restored rows come back in another order,
 * and a float sum depends on its order in the last bits; documents by title.
 */
async function progressView(userId: string) {
  const p = await getProgress(userId, NOW);
  // Documents created in one transaction share their creation time: compared by title.
  const byTitle = [...p.masteryByDocument].sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  const view = { ...p, masteryByDocument: byTitle.map(({ documentId: _d, ...rest }) => rest), quizzes: p.quizzes.map(({ id: _i, ...rest }) => rest) };
  return JSON.parse(JSON.stringify(view, (_k, v: unknown) => (typeof v === "number" && !Number.isInteger(v) ? Math.round(v * 1e9) / 1e9 : v))) as typeof view;
}

const counts = async (userId: string) => ({
  documents: await db.document.count({ where: { ownerId: userId } }),
  cards: await db.card.count({ where: { document: { ownerId: userId } } }),
  states: await db.cardState.count({ where: { userId } }),
  logs: await db.reviewLog.count({ where: { userId } }),
  overrides: await db.cardOverride.count({ where: { userId } }),
  quizzes: await db.quizAttempt.count({ where: { userId } }),
});

beforeAll(async () => {
  await importShippedLibrary();
  alice = await makeUser("alice");
  await db.user.update({ where: { id: alice }, data: { desiredRetention: 0.85, timeZone: "Europe/Paris", newPerDay: 7 } });
  await importAnkiPackage(alice, fixture("jee-hsc-legacy.apkg"), { now: NOW });
  await makePrivateCard(alice);
  for (const grade of ["good", "again", "easy"] as const) {
    const next = (await getReviewQueue(alice, NOW)).next!;
    await gradeCard(alice, { cardId: next.cardId, version: next.version, grade }, NOW);
  }
  const shipped = await db.card.findFirstOrThrow({ where: { document: { ownerId: null } }, select: { id: true } });
  await editCard(alice, shipped.id, { prompt: "My own wording?", answer: "Mine" });
  const quizId = await startQuiz(alice, { mode: "chosen", documentId: null, length: 10, types: ["typed"] }, NOW);
  await answerQuestion(alice, { attemptId: quizId, position: 0, given: "no idea", timeMs: 3000, final: true }, NOW);
  file = encodeBackup(await createBackup(alice, NOW));
});

describe("full backup and restore", () => {
  it("restores into a new account with the same settings, documents, cards, states, history, edits and quizzes: the same progress page", async () => {
    const bob = await makeUser("bob");
    const summary = await restoreBackup(bob, decodeBackup(file));
    expect(summary.skipped).toBe(0);
    expect(await counts(bob)).toEqual(await counts(alice));
    const settings = await db.user.findUniqueOrThrow({ where: { id: bob }, select: { desiredRetention: true, timeZone: true, newPerDay: true } });
    expect(settings).toEqual({ desiredRetention: 0.85, timeZone: "Europe/Paris", newPerDay: 7 });
    expect(await progressView(bob)).toEqual(await progressView(alice));
    expect((await db.cardOverride.findFirstOrThrow({ where: { userId: bob } })).prompt).toBe("My own wording?");
    // The restored account studies on: its queue is the same as the original's.
    const [qa, qb] = [await getReviewQueue(alice, NOW), await getReviewQueue(bob, NOW)];
    expect(qb.remaining).toEqual(qa.remaining);
  });

  it("a backup holds only its learner's data", async () => {
    const carol = await makeUser("carol");
    const b = await createBackup(carol, NOW);
    expect([b.documents.length, b.states.length, b.logs.length, b.overrides.length, b.quizzes.length]).toEqual([0, 0, 0, 0, 0]);
  });

  it("refuses to restore into an account that already has data, and changes nothing", async () => {
    const dan = await makeUser("dan");
    await makePrivateCard(dan);
    const before = await counts(dan);
    await expect(restoreBackup(dan, decodeBackup(file))).rejects.toThrow(/new account/);
    expect(await counts(dan)).toEqual(before);
  });

  it("rows naming shipped cards this instance lacks are skipped and counted, the rest restored", async () => {
    const erin = await makeUser("erin");
    const backup = decodeBackup(file);
    const lib = backup.logs.filter((l) => l.card.library).length + backup.states.filter((s) => s.card.library).length + backup.overrides.length + backup.quizzes.reduce((n, q) => n + q.questions.filter((x) => x.card.library).length, 0);
    for (const row of [...backup.logs, ...backup.states, ...backup.overrides, ...backup.quizzes.flatMap((q) => q.questions)]) if (row.card.library) row.card.document = "content/elsewhere.md";
    const summary = await restoreBackup(erin, backup);
    expect(lib).toBeGreaterThan(0);
    expect(summary.skipped).toBe(lib);
    expect(summary.cards).toBe(191);
  });
});

describe("bad backup files are refused with a clear message", () => {
  const bad = (bytes: Uint8Array, message: RegExp) => expect(() => decodeBackup(bytes)).toThrow(message);
  it("not gzip", () => bad(new TextEncoder().encode('{"format":"recall-backup"}'), /not a Recall backup/));
  it("gzip of something else", () => bad(gzipSync(new TextEncoder().encode("hello")), /damaged/));
  it("another JSON", () => bad(gzipSync(new TextEncoder().encode('{"a":1}')), /not a Recall backup/));
  it("a newer version", () => bad(gzipSync(new TextEncoder().encode('{"format":"recall-backup","version":9}')), /version 9/));
  it("a damaged row", () => {
    const json = JSON.parse(new TextDecoder().decode(gunzipSync(file)));
    json.logs[0].rating = "four";
    bad(gzipSync(new TextEncoder().encode(JSON.stringify(json))), /damaged \(logs\.0\.rating/);
  });
  it("a gzip bomb (declared size past the limit)", () => {
    expect(() => decodeBackup(gzipSync(new Uint8Array(2 << 20)), 1 << 20)).toThrow(BackupError);
    expect(() => decodeBackup(gzipSync(new Uint8Array(2 << 20)), 1 << 20)).toThrow(/unpacks to more than 1 MB/);
  });
});
