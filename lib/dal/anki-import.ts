import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AnkiImportError, buildImportPlan, type ImportPlan, type ImportSummary } from "@/lib/anki";
import type { PackageLimits } from "@/lib/anki/package";
import { planOffThread } from "@/lib/anki/plan-off-thread";
import { endOfLocalDay } from "@/lib/progress/local-day";
import { getUserSettings } from "./users";
import { insertRows } from "./insert-rows";

type Tx = Prisma.TransactionClient;

export type ImportPhase = "queued" | "reading" | "converting" | "saving" | "done" | "failed";

/** An import as the /import page polls it. */
export interface AnkiImportJob {
  id: string;
  fileName: string;
  phase: ImportPhase;
  /** 0–1 within the whole import. */
  progress: number;
  summary: ImportSummary | null;
  error: string | null;
  startedAt: string;
}

/** The Anki note guids this learner already imported (re-importing them is skipped). */
export async function knownAnkiGuids(userId: string): Promise<Set<string>> {
  const rows = await db.fact.findMany({ where: { document: { ownerId: userId }, ankiGuid: { not: null } }, select: { ankiGuid: true } });
  return new Set(rows.map((r) => r.ankiGuid!));
}

export interface ImportOptions {
  /** Plan on a worker thread (the server); inline for scripts that do nothing else. */
  offThread?: boolean;
  now?: Date;
  onProgress?: (phase: ImportPhase, fraction: number) => void;
  /** Package size limits; lib/anki's defaults otherwise (tests pass small ones). */
  limits?: PackageLimits;
}

/**
 * Imports an Anki package (.apkg/.colpkg bytes) into this learner's decks:
 * notes, cards, tags, suspended/buried flags and every review of the cards,
 * with each card's FSRS state replayed under the learner's settings
 * (lib/anki). All or nothing: the rows are written in one transaction, so a
 * failure leaves nothing half-imported. Notes this learner already imported
 * (same Anki guid) are skipped and counted. Throws AnkiImportError for a
 * package Recall refuses (nothing is written then).
 */
export async function importAnkiPackage(userId: string, bytes: Uint8Array, opts: ImportOptions = {}): Promise<ImportSummary> {
  const now = opts.now ?? new Date();
  const settings = await getUserSettings(userId);
  const knownGuids = await knownAnkiGuids(userId);
  const buildOpts = { settings, knownGuids, now, buriedUntil: endOfLocalDay(now, settings.timeZone, settings.dayStartHour), limits: opts.limits };
  const plan = opts.offThread
    ? await planOffThread(bytes, buildOpts, (p) => opts.onProgress?.(p.phase, p.fraction))
    : buildImportPlan(bytes, { ...buildOpts, onProgress: (phase, f) => opts.onProgress?.(phase, f) });
  await writeImportPlan(userId, plan, (f) => opts.onProgress?.("saving", f));
  return plan.summary;
}

/** Writes a planned import for the learner in one transaction (all or nothing). */
export async function writeImportPlan(userId: string, plan: ImportPlan, onProgress: (fraction: number) => void): Promise<void> {
  if (plan.cards.length === 0) return; // everything was already imported
  const total = plan.facts.length + plan.cards.length + plan.states.length + plan.logs.length;
  let written = 0;
  const advance = (n: number) => {
    written += n;
    onProgress(written / total);
  };
  await db.$transaction(
    async (tx) => {
      // A second import of the same notes that raced this one (another tab) committed first.
      const guids = plan.facts.map((f) => f.ankiGuid);
      // 500 guids per query: SQLite builds allow as few as 999 parameters.
      for (let i = 0; i < guids.length; i += 500) {
        const clash = await tx.fact.count({ where: { document: { ownerId: userId }, ankiGuid: { in: guids.slice(i, i + 500) } } });
        if (clash > 0) throw new AnkiImportError("conflict", "These notes were imported by another import that finished first: nothing was added twice. Import the file again to see what was skipped.");
      }
      const documentIds = await deckDocuments(tx, userId, plan);
      await insertRows(tx, "Fact", plan.facts.map(({ deck, ...f }) => ({ ...f, documentId: documentIds.get(deck)! })), advance);
      await insertRows(tx, "Card", plan.cards.map(({ deck, ...c }) => ({ ...c, documentId: documentIds.get(deck)! })), advance);
      await insertRows(tx, "CardState", plan.states.map((st) => ({ ...st, userId })), advance);
      await insertRows(tx, "ReviewLog", plan.logs.map((l) => ({ ...l, userId })), advance);
    },
    // One transaction for the whole import: a 50,000-note collection takes a while to write.
    { timeout: 15 * 60_000, maxWait: 60_000 },
  );
}

/** The learner's document for each planned deck: the one a previous import made (same importKey), or a new one. */
async function deckDocuments(tx: Tx, userId: string, plan: ImportPlan): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const existing = await tx.document.findMany({
    where: { ownerId: userId, importKey: { in: plan.decks.map((d) => d.importKey) } },
    select: { id: true, importKey: true },
  });
  const byKey = new Map(existing.map((d) => [d.importKey!, d.id]));
  for (const deck of plan.decks) {
    let id = byKey.get(deck.importKey);
    if (!id) {
      id = randomUUID();
      await tx.document.create({
        data: { id, ownerId: userId, title: deck.name, kind: "deck", importKey: deck.importKey, source: "Anki", text: "", contentHash: deck.importKey },
        select: { id: true },
      });
    }
    out.set(deck.name, id);
  }
  return out;
}

// ---- Jobs: an upload is imported in the background while /import polls it ----

type JobRecord = AnkiImportJob & { userId: string; finishedAt: number | null };

const KEEP_FINISHED_MS = 60 * 60_000;
const globalJobs = globalThis as unknown as { ankiImportJobs?: Map<string, JobRecord> };
const jobs = (globalJobs.ankiImportJobs ??= new Map<string, JobRecord>());

const PHASE_SHARE: Record<"reading" | "converting" | "saving", [number, number]> = {
  reading: [0, 0.15],
  converting: [0.15, 0.6],
  saving: [0.6, 1],
};

function forgetOld(now: number): void {
  for (const [id, job] of jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) jobs.delete(id);
}

function view(job: JobRecord): AnkiImportJob {
  const { userId: _userId, finishedAt: _finishedAt, ...rest } = job;
  return { ...rest };
}

/**
 * Starts importing a package for the learner in the background (the plan on a
 * worker thread, the write in one transaction) and returns at once; poll with
 * getAnkiImportJob. One import per learner at a time: a second start while one
 * runs is refused with the running job's id.
 */
export function startAnkiImport(userId: string, fileName: string, bytes: Uint8Array): { ok: true; job: AnkiImportJob } | { ok: false; running: AnkiImportJob } {
  forgetOld(Date.now());
  const running = [...jobs.values()].find((j) => j.userId === userId && j.finishedAt === null);
  if (running) return { ok: false, running: view(running) };
  const job: JobRecord = { id: randomUUID(), userId, fileName, phase: "queued", progress: 0, summary: null, error: null, startedAt: new Date().toISOString(), finishedAt: null };
  jobs.set(job.id, job);
  void importAnkiPackage(userId, bytes, {
    offThread: true,
    onProgress: (phase, fraction) => {
      if (phase === "done" || phase === "failed" || phase === "queued") return;
      const [from, to] = PHASE_SHARE[phase];
      job.phase = phase;
      job.progress = from + (to - from) * Math.min(1, Math.max(0, fraction));
    },
  }).then(
    (summary) => {
      Object.assign(job, { phase: "done", progress: 1, summary, finishedAt: Date.now() });
    },
    (e: unknown) => {
      const message =
        e instanceof AnkiImportError ? e.message : "The import failed and nothing was saved. Try again; if it fails again, the package may be damaged.";
      if (!(e instanceof AnkiImportError)) console.error("[recall] Anki import failed", e);
      Object.assign(job, { phase: "failed", error: message, finishedAt: Date.now() });
    },
  );
  return { ok: true, job: view(job) };
}

/** The learner's import job; null for an unknown id or another learner's job. */
export function getAnkiImportJob(userId: string, jobId: string): AnkiImportJob | null {
  const job = jobs.get(jobId);
  return job && job.userId === userId ? view(job) : null;
}

/** The account id for an email (the import CLI names the learner by email); null when there is none. */
export async function userIdByEmail(email: string): Promise<string | null> {
  const row = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  return row?.id ?? null;
}

/** The learner's running import, or their last one still remembered (finished under an hour ago); null when none. */
export function latestAnkiImportJob(userId: string): AnkiImportJob | null {
  forgetOld(Date.now());
  const mine = [...jobs.values()].filter((j) => j.userId === userId);
  const running = mine.find((j) => j.finishedAt === null);
  return running ? view(running) : mine.length ? view(mine.at(-1)!) : null;
}
