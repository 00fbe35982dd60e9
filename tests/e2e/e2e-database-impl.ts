// Loaded by tests/e2e/e2e-database.ts through tsx in the Playwright process:
// the app's generated Prisma client is an ES module that Playwright's own
// (CommonJS) transform cannot load.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/password";
import { createPrismaClient } from "@/lib/prisma-client";
import { applyGrade, DEFAULT_SETTINGS, GRADES, newMemoryState, type MemoryState } from "@/lib/srs";
import { simulateLearner } from "../support/simulated-learner";
import { toColumns } from "@/lib/dal/memory-state";

let client: PrismaClient | undefined;
let url = "";

/** Which database the functions below use: the e2e server's. */
export function useDatabase(databaseUrl: string): void {
  url = databaseUrl;
}

const e2eDb = () => {
  if (!url) throw new Error("useDatabase(url) first");
  return (client ??= createPrismaClient(url));
};

let passwordHash: Promise<string> | undefined;

/**
 * Creates an account with `password` in UTC, as sign-up does (lib/dal/users
 * createUser: argon2id hash, one User row). The hash is computed once per
 * worker: every e2e account has the same password.
 */
export async function createAccount(email: string, password: string): Promise<string> {
  passwordHash ??= hashPassword(password);
  const user = await e2eDb().user.create({ data: { email, passwordHash: await passwordHash, timeZone: "UTC" }, select: { id: true } });
  return user.id;
}

/**
 * Gives the account a simulated history of `reviews` reviews on cards of a
 * private document (a learner whose memory follows FSRS with known weights),
 * with the card states the app's own scheduler gives them.
 */
export async function seedHistory(email: string, reviews: number): Promise<void> {
  const db = e2eDb();
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  // A fixed seed: the same simulated learner every run, so the optimizer's verdict is reproducible.
  const logs = simulateLearner({ reviews, seed: "e2e-simulated-learner", start: new Date("2025-01-06T08:00:00Z") });
  const n = Math.max(...logs.map((l) => l.card)) + 1;
  const doc = await db.document.create({ data: { ownerId: user.id, title: "Simulated history", text: "x", contentHash: email }, select: { id: true } });
  const p = doc.id + "-";
  await db.fact.createMany({
    data: Array.from({ length: n }, (_, i) => ({ id: `${p}f${i}`, documentId: doc.id, key: `f${i}`, kind: "date", answer: "a", sentence: "s", start: 0, end: 1, position: i })),
  });
  await db.card.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      id: `${p}c${i}`,
      documentId: doc.id,
      factId: `${p}f${i}`,
      key: `c${i}`,
      type: "cloze",
      prompt: `Simulated card ${i}`,
      answer: "a",
      trueStatement: "s",
      position: i,
    })),
  });
  await db.reviewLog.createMany({ data: logs.map(({ card, ...l }) => ({ ...l, userId: user.id, cardId: `${p}c${card}` })) });
  const states = new Map<number, { memory: MemoryState; first: Date }>();
  for (const l of logs) {
    const s = states.get(l.card) ?? { memory: newMemoryState(l.review), first: l.review };
    s.memory = applyGrade(s.memory, GRADES[l.rating - 1].name, DEFAULT_SETTINGS, l.review, `${p}c${l.card}`).memory;
    states.set(l.card, s);
  }
  await db.cardState.createMany({
    data: [...states].map(([card, s]) => ({ ...toColumns(s.memory), userId: user.id, cardId: `${p}c${card}`, introducedAt: s.first })),
  });
}
