import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { BackupError, type Backup, type BackupInput, type CardRef } from "@/lib/backup/format";
import { insertRows } from "./insert-rows";
import { NotFoundError } from "./errors";

const refKey = (r: { library: boolean; document: string; key?: string }) => `${r.library ? "lib" : "own"}\u0000${r.document}\u0000${r.key ?? ""}`;

/**
 * Everything this learner has, in the backup format (lib/backup/format.ts).
 * Reads only their own rows: their documents, and their states, logs, edits
 * and quizzes (which may name shipped cards, by sourcePath and key).
 */
export async function createBackup(userId: string, now = new Date()): Promise<BackupInput> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      desiredRetention: true, maxInterval: true, newPerDay: true, reviewsPerDay: true, learningSteps: true, relearningSteps: true,
      enableFuzz: true, dayStartHour: true, timeZone: true, timeZoneAuto: true, fsrsParams: true, quizFeedsSchedule: true,
    },
  });
  if (!user) throw new NotFoundError("user");
  const documents = await db.document.findMany({
    where: { ownerId: userId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true, title: true, source: true, language: true, publishedAt: true, text: true, contentHash: true, kind: true, importKey: true, createdAt: true,
      facts: { orderBy: { position: "asc" }, select: { id: true, key: true, kind: true, answer: true, sentence: true, start: true, end: true, fields: true, position: true, tags: true, ankiGuid: true } },
      cards: { orderBy: { position: "asc" }, select: { factId: true, key: true, type: true, prompt: true, answer: true, accepted: true, distractors: true, trueStatement: true, falseStatement: true, position: true, createdAt: true } },
    },
  });
  const cardSelect = { card: { select: { key: true, documentId: true, document: { select: { ownerId: true, sourcePath: true } } } } } as const;
  const ref = (c: { key: string; documentId: string; document: { ownerId: string | null; sourcePath: string | null } }): CardRef =>
    c.document.ownerId === null ? { library: true, document: c.document.sourcePath ?? c.documentId, key: c.key } : { library: false, document: c.documentId, key: c.key };
  const [states, logs, overrides, quizzes] = await Promise.all([
    db.cardState.findMany({ where: { userId }, orderBy: { id: "asc" }, select: { ...cardSelect, due: true, stability: true, difficulty: true, elapsedDays: true, scheduledDays: true, learningSteps: true, reps: true, lapses: true, state: true, lastReview: true, introducedAt: true, suspended: true, leech: true, buriedUntil: true } }),
    db.reviewLog.findMany({ where: { userId }, orderBy: [{ review: "asc" }, { id: "asc" }], select: { ...cardSelect, rating: true, state: true, due: true, previousDue: true, stability: true, difficulty: true, elapsedDays: true, lastElapsedDays: true, scheduledDays: true, learningSteps: true, review: true, day: true, durationMs: true, source: true, kind: true } }),
    db.cardOverride.findMany({ where: { userId }, select: { ...cardSelect, prompt: true, answer: true } }),
    db.quizAttempt.findMany({
      where: { userId },
      orderBy: { startedAt: "asc" },
      select: {
        documentId: true, types: true, mode: true, seed: true, startedAt: true, finishedAt: true,
        questions: { orderBy: { position: "asc" }, select: { ...cardSelect, position: true, type: true, prompt: true, options: true, statement: true, expected: true, accepted: true, rejected: true, given: true, verdict: true, correct: true, answeredAt: true, timeMs: true } },
      },
    }),
  ]);
  const quizDocs = new Map(
    (await db.document.findMany({ where: { id: { in: quizzes.map((q) => q.documentId).filter((d): d is string => d !== null) } }, select: { id: true, ownerId: true, sourcePath: true } })).map((d) => [d.id, d]),
  );
  return {
    format: "recall-backup",
    version: 1,
    exportedAt: now,
    settings: user,
    documents,
    states: states.map(({ card, ...s }) => ({ card: ref(card), ...s })),
    logs: logs.map(({ card, ...l }) => ({ card: ref(card), ...l })),
    overrides: overrides.map(({ card, ...o }) => ({ card: ref(card), ...o })),
    quizzes: quizzes.map(({ documentId, questions, ...q }) => {
      const d = documentId ? quizDocs.get(documentId) : null;
      return {
        ...q,
        document: d ? (d.ownerId === null ? { library: true, document: d.sourcePath ?? d.id } : { library: false, document: d.id }) : null,
        questions: questions.map(({ card, ...x }) => ({ card: ref(card), ...x })),
      };
    }),
  };
}

export interface RestoreSummary {
  documents: number;
  cards: number;
  states: number;
  logs: number;
  quizzes: number;
  /** Rows naming shipped cards this instance does not have (its library differs): not restored. */
  skipped: number;
}

/**
 * Restores a backup into this learner's account, which must be new (no
 * documents, reviews, states or quizzes of their own: nothing is merged or
 * overwritten). One transaction. Settings, documents with their facts and
 * cards (new ids), states, logs, edits and quizzes are written; rows naming a
 * shipped card this instance does not have are skipped and counted.
 */
export async function restoreBackup(userId: string, backup: Backup): Promise<RestoreSummary> {
  return db.$transaction(
    async (tx) => {
      const [docs, states, logs, quizzes] = await Promise.all([
        tx.document.count({ where: { ownerId: userId } }),
        tx.cardState.count({ where: { userId } }),
        tx.reviewLog.count({ where: { userId } }),
        tx.quizAttempt.count({ where: { userId } }),
      ]);
      if (docs + states + logs + quizzes > 0) throw new BackupError("Restore into a new account: this one already has documents, reviews or quizzes, and a restore never merges or overwrites them.");
      await tx.user.update({ where: { id: userId }, data: backup.settings });

      // Own documents, facts and cards get new ids; the backup's ids only link them together.
      const docIds = new Map<string, string>();
      const factIds = new Map<string, string>();
      const cardIds = new Map<string, string>();
      const facts: Record<string, unknown>[] = [];
      const cards: Record<string, unknown>[] = [];
      const documents = backup.documents.map(({ facts: f, cards: c, id, ...d }) => {
        const newId = randomUUID();
        docIds.set(id, newId);
        for (const { id: factId, ...fact } of f) {
          const nf = randomUUID();
          factIds.set(factId, nf);
          facts.push({ id: nf, documentId: newId, ...fact });
        }
        for (const card of c) {
          const nc = randomUUID();
          const factId = factIds.get(card.factId);
          if (!factId) throw new BackupError(`This backup is damaged: a card of “${d.title}” names a fact it does not hold.`);
          cardIds.set(refKey({ library: false, document: id, key: card.key }), nc);
          cards.push({ ...card, id: nc, documentId: newId, factId });
        }
        return { id: newId, ownerId: userId, ...d };
      });
      await insertRows(tx, "Document", documents);
      await insertRows(tx, "Fact", facts);
      await insertRows(tx, "Card", cards);

      // Shipped cards, found by their document's sourcePath and their key.
      const libraryPaths = new Set<string>();
      const collect = (r: CardRef) => r.library && libraryPaths.add(r.document);
      backup.states.forEach((s) => collect(s.card));
      backup.logs.forEach((l) => collect(l.card));
      backup.overrides.forEach((o) => collect(o.card));
      backup.quizzes.forEach((q) => q.questions.forEach((x) => collect(x.card)));
      const library = await tx.document.findMany({ where: { ownerId: null, sourcePath: { in: [...libraryPaths] } }, select: { id: true, sourcePath: true, cards: { select: { id: true, key: true } } } });
      const libraryDocIds = new Map(library.map((d) => [d.sourcePath!, d.id]));
      for (const d of library) for (const c of d.cards) cardIds.set(refKey({ library: true, document: d.sourcePath!, key: c.key }), c.id);

      let skipped = 0;
      const withCard = <T extends { card: CardRef }>(rows: T[], extra: (row: Omit<T, "card">) => Record<string, unknown>) =>
        rows.flatMap(({ card, ...rest }) => {
          const cardId = cardIds.get(refKey(card));
          if (!cardId) {
            skipped++;
            return [];
          }
          return [{ id: randomUUID(), userId, cardId, ...extra(rest) }];
        });
      const stateRows = withCard(backup.states, (s) => ({ ...s, version: 1 }));
      const logRows = withCard(backup.logs, (l) => l);
      await insertRows(tx, "CardState", stateRows);
      await insertRows(tx, "ReviewLog", logRows);
      await insertRows(tx, "CardOverride", withCard(backup.overrides, (o) => ({ ...o, updatedAt: backup.exportedAt })));
      for (const q of backup.quizzes) {
        const attemptId = randomUUID();
        const documentId = q.document ? (q.document.library ? libraryDocIds.get(q.document.document) : docIds.get(q.document.document)) ?? null : null;
        const questions = withCard(q.questions, (x) => ({ ...x, attemptId }));
        await insertRows(tx, "QuizAttempt", [{ id: attemptId, userId, documentId, types: q.types, mode: q.mode, seed: q.seed, startedAt: q.startedAt, finishedAt: q.finishedAt }]);
        await insertRows(
          tx,
          "QuizQuestion",
          questions.map(({ userId: _u, ...x }) => x),
        );
      }
      return { documents: documents.length, cards: cards.length, states: stateRows.length, logs: logRows.length, quizzes: backup.quizzes.length, skipped };
    },
    { timeout: 15 * 60_000, maxWait: 60_000 },
  );
}
