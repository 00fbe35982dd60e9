import "server-only";
import { db } from "@/lib/db";
import { decayOf, State } from "@/lib/srs";
import { addDays, localDay, startOfLocalDay } from "@/lib/progress/local-day";
import { streaks, type Streaks } from "@/lib/progress/streak";
import { classifyReview, trueRetention, weeklyRetention, type RetentionCounts, type WeeklyRetention } from "@/lib/progress/retention";
import { forecast, type ForecastDay } from "@/lib/progress/forecast";
import { heatmap, type Heatmap } from "@/lib/progress/heatmap";
import { histogram, DIFFICULTY_EDGES, STABILITY_EDGES_DAYS, type Histogram } from "@/lib/progress/histogram";
import { masteryByKind, retrievability, MASTERY_KINDS, type KindMastery, type MasteryKind } from "@/lib/progress/mastery";
import { getUserSettings } from "./users";
import { visibleCards, visibleDocuments } from "./visibility";

export interface ProgressData {
  today: { day: string; dueNow: number; reviewed: number; introduced: number; timeMs: number };
  streak: Streaks;
  heatmap: Heatmap;
  /** True retention (Anki's): due reviews of cards in review; young/mature split at 21 days; null = nothing to measure ("—"). */
  retention: { desired: number; last7: number | null; last30: number | null; last30Young: number | null; last30Mature: number | null; weekly: WeeklyRetention[] };
  forecast: ForecastDay[];
  cards: { new: number; learning: number; review: number; relearning: number; suspended: number };
  stability: Histogram;
  difficulty: Histogram;
  mastery: Record<MasteryKind, KindMastery>;
  masteryByDocument: { documentId: string; title: string; cards: number; studied: number; averageRetrievability: number | null }[];
  quizzes: { id: string; startedAt: Date; correct: number; total: number }[];
}

/** Everything /progress shows, for this user only. Grouped in the database; no log is loaded one by one. */
export async function getProgress(userId: string, now: Date): Promise<ProgressData> {
  const settings = await getUserSettings(userId);
  const today = localDay(now, settings.timeZone, settings.dayStartHour);
  const dayStart = startOfLocalDay(now, settings.timeZone, settings.dayStartHour);
  const yearAgo = addDays(today, -370);
  const twelveWeeksAgo = addDays(today, -12 * 7 + 1);
  const horizon = new Date(now.getTime() + 31 * 86_400_000);

  const [perDay, retentionRows, todayAgg, introduced, dueNow, stateGroups, suspended, totalVisible, states, dueSoon, attempts] = await Promise.all([
    db.reviewLog.groupBy({ by: ["day"], where: { userId, day: { gte: yearAgo } }, _count: { _all: true } }),
    // Grouped by what decides true retention (lib/progress/retention classifyReview): was the card due, young or mature.
    db.reviewLog.groupBy({
      by: ["day", "rating", "elapsedDays", "scheduledDays"],
      where: { userId, state: State.Review, day: { gte: twelveWeeksAgo } },
      _count: { _all: true },
    }),
    db.reviewLog.aggregate({ where: { userId, day: today }, _count: { _all: true }, _sum: { durationMs: true } }),
    db.cardState.count({ where: { userId, introducedAt: { gte: dayStart } } }),
    db.cardState.count({ where: { userId, suspended: false, state: { not: State.New }, due: { lte: now }, card: visibleCards(userId) } }),
    db.cardState.groupBy({ by: ["state"], where: { userId, suspended: false, card: visibleCards(userId) }, _count: { _all: true } }),
    db.cardState.count({ where: { userId, suspended: true, card: visibleCards(userId) } }),
    db.card.count({ where: visibleCards(userId) }),
    db.cardState.findMany({
      where: { userId, card: visibleCards(userId) },
      select: { stability: true, difficulty: true, lastReview: true, state: true, suspended: true, card: { select: { documentId: true, fact: { select: { kind: true } } } } },
    }),
    db.cardState.findMany({ where: { userId, suspended: false, state: { not: State.New }, due: { lt: horizon }, card: visibleCards(userId) }, select: { due: true } }),
    db.quizAttempt.findMany({
      where: { userId, finishedAt: { not: null } },
      orderBy: { startedAt: "asc" },
      select: { id: true, startedAt: true, questions: { select: { correct: true } } },
    }),
  ]);

  const retentionByDay = new Map<string, { day: string; passed: number; failed: number; young: RetentionCounts; mature: RetentionCounts }>();
  for (const r of retentionRows) {
    const c = classifyReview({ state: State.Review, rating: r.rating, elapsedDays: r.elapsedDays, scheduledDays: r.scheduledDays });
    if (!c) continue;
    const row = retentionByDay.get(r.day) ?? { day: r.day, passed: 0, failed: 0, young: { passed: 0, failed: 0 }, mature: { passed: 0, failed: 0 } };
    row[c.outcome] += r._count._all;
    row[c.mature ? "mature" : "young"][c.outcome] += r._count._all;
    retentionByDay.set(r.day, row);
  }
  const sinceDay = (from: string, part?: "young" | "mature") =>
    [...retentionByDay.values()]
      .filter((r) => r.day >= from)
      .map((r) => (part ? r[part] : r))
      .reduce((a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed }), { passed: 0, failed: 0 });

  const byState = new Map(stateGroups.map((g) => [g.state, g._count._all]));
  const started = states.length;
  const studied = states.filter((s) => !s.suspended);

  const dueByDay = new Map<string, number>();
  for (const { due } of dueSoon) {
    const day = localDay(due, settings.timeZone, settings.dayStartHour);
    dueByDay.set(day, (dueByDay.get(day) ?? 0) + 1);
  }

  // Cards the user has not started yet count as new (and as 0 in mastery).
  const unstarted = await unstartedByKindAndDocument(userId);
  const masteryRows = [
    ...studied.map((s) => ({ kind: s.card.fact.kind, documentId: s.card.documentId, stability: s.stability, lastReview: s.lastReview, state: s.state })),
    ...unstarted.flatMap((u) => Array.from({ length: u.count }, () => ({ kind: u.kind, documentId: u.documentId, stability: 0, lastReview: null, state: State.New }))),
  ];

  return {
    today: { day: today, dueNow, reviewed: todayAgg._count._all, introduced, timeMs: todayAgg._sum.durationMs ?? 0 },
    streak: streaks(
      perDay.map((d) => d.day),
      today,
    ),
    heatmap: heatmap(
      perDay.map((d) => ({ day: d.day, count: d._count._all })),
      today,
    ),
    retention: {
      desired: settings.desiredRetention,
      last7: trueRetention(sinceDay(addDays(today, -6))),
      last30: trueRetention(sinceDay(addDays(today, -29))),
      last30Young: trueRetention(sinceDay(addDays(today, -29), "young")),
      last30Mature: trueRetention(sinceDay(addDays(today, -29), "mature")),
      weekly: weeklyRetention([...retentionByDay.values()], today),
    },
    forecast: forecast(
      [...dueByDay].map(([day, count]) => ({ day, count })),
      today,
    ),
    cards: {
      new: totalVisible - started + (byState.get(State.New) ?? 0),
      learning: byState.get(State.Learning) ?? 0,
      review: byState.get(State.Review) ?? 0,
      relearning: byState.get(State.Relearning) ?? 0,
      suspended,
    },
    stability: histogram(
      studied.filter((s) => s.state !== State.New).map((s) => s.stability),
      STABILITY_EDGES_DAYS,
    ),
    difficulty: histogram(
      studied.filter((s) => s.state !== State.New).map((s) => s.difficulty),
      DIFFICULTY_EDGES,
    ),
    mastery: masteryByKind(masteryRows, now, decayOf(settings)),
    masteryByDocument: await documentMastery(userId, masteryRows, now, decayOf(settings)),
    quizzes: attempts.map((a) => ({ id: a.id, startedAt: a.startedAt, correct: a.questions.filter((q) => q.correct).length, total: a.questions.length })),
  };
}

async function unstartedByKindAndDocument(userId: string): Promise<{ kind: string; documentId: string; count: number }[]> {
  const rows = await db.card.groupBy({ by: ["documentId", "factId"], where: { ...visibleCards(userId), states: { none: { userId } } }, _count: { _all: true } });
  if (rows.length === 0) return [];
  const facts = await db.fact.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.factId))] } }, select: { id: true, kind: true } });
  const kindOf = new Map(facts.map((f) => [f.id, f.kind]));
  return rows.map((r) => ({ kind: kindOf.get(r.factId) ?? "unknown", documentId: r.documentId, count: r._count._all }));
}

async function documentMastery(userId: string, rows: { documentId: string; stability: number; lastReview: Date | null; state: number }[], now: Date, decay: number) {
  const docs = await db.document.findMany({ where: visibleDocuments(userId), select: { id: true, title: true }, orderBy: [{ createdAt: "asc" }, { title: "asc" }, { id: "asc" }] });
  return docs.map((d) => {
    const mine = rows.filter((r) => r.documentId === d.id);
    const studied = mine.filter((r) => r.state !== State.New).length;
    return {
      documentId: d.id,
      title: d.title,
      cards: mine.length,
      studied,
      averageRetrievability: mine.length === 0 ? null : mine.reduce((sum, r) => sum + retrievability(r, now, decay), 0) / mine.length,
    };
  });
}

export { MASTERY_KINDS };
