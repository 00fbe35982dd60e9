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
import { isUniqueViolation } from "./errors";
import { ownerState, processOwner } from "@/lib/process-owner";
import { sqliteConnectionOf } from "@/lib/prisma-client";

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
//
// A job is a row (AnkiImportJob), so that a poll answered by any process
// serving the database sees it (RECALL_WORKERS, docs/decisions/012). The work
// runs in the process that received the upload, which writes the job's phase
// and progress every PROGRESS_WRITE_MS and its outcome at the end. The row
// names that process (lib/process-owner.ts): a running job whose process is
// gone, or, for another host's process, whose heartbeat stopped STALE_MS ago,
// is reported as failed and no longer blocks a new import.

type JobRow = {
  id: string;
  userId: string;
  fileName: string;
  phase: string;
  progress: number;
  summary: string | null;
  error: string | null;
  owner: string;
  startedAt: Date;
  heartbeatAt: Date;
  finishedAt: Date | null;
};

const KEEP_FINISHED_MS = 60 * 60_000;
/** How often the importing process writes progress (and with it the heartbeat), ms. */
const PROGRESS_WRITE_MS = 1_000;
/** A running job of another host's process not refreshed for this long belongs to a process that stopped. */
const STALE_MS = 60_000;
export const IMPORT_STOPPED_MESSAGE = "The server running this import stopped before it finished; nothing was saved. Import the file again.";
const FAILED_MESSAGE = "The import failed and nothing was saved. Try again; if it fails again, the package may be damaged.";

const PHASE_SHARE: Record<"reading" | "converting" | "saving", [number, number]> = {
  reading: [0, 0.15],
  converting: [0.15, 0.6],
  saving: [0.6, 1],
};

/**
 * Progress of the jobs this process runs, newer than their rows while a write
 * is pending (a poll answered here shows it at once). On globalThis: Next
 * bundles the two import routes separately.
 */
const globalJobs = globalThis as unknown as { ankiImportProgress?: Map<string, { phase: ImportPhase; progress: number }> };
const local = (globalJobs.ankiImportProgress ??= new Map());

/** True while the job's row says running but its process is gone (or, on another host, silent for STALE_MS). */
export function isStoppedJob(row: Pick<JobRow, "finishedAt" | "owner" | "heartbeatAt">, now = Date.now()): boolean {
  if (row.finishedAt) return false;
  const owner = ownerState(row.owner);
  return owner === "gone" || (owner === "unknown" && now - row.heartbeatAt.getTime() > STALE_MS);
}

function view(row: JobRow, now = Date.now()): AnkiImportJob {
  const stopped = isStoppedJob(row, now);
  const mine = row.finishedAt ? undefined : local.get(row.id);
  return {
    id: row.id,
    fileName: row.fileName,
    phase: stopped ? "failed" : (mine?.phase ?? (row.phase as ImportPhase)),
    progress: mine?.progress ?? row.progress,
    summary: row.summary ? (JSON.parse(row.summary) as ImportSummary) : null,
    error: stopped ? IMPORT_STOPPED_MESSAGE : row.error,
    startedAt: row.startedAt.toISOString(),
  };
}

/**
 * On SQLite, Prisma runs a statement issued while one of its interactive
 * transactions is open (another learner's import writing its rows) inside
 * that transaction: a job's own row must not be written there, or a rollback
 * of the other import would take it along. Waits until no transaction is open
 * on the shared connection (PostgreSQL: at once).
 */
async function outsideTransactions(): Promise<void> {
  while (sqliteConnectionOf(db)?.inTransaction) await new Promise((r) => setTimeout(r, 20));
}

/** Marks a running row of a stopped process failed (conditionally: only while it is still that running row). */
async function failStopped(row: JobRow, now: Date): Promise<void> {
  await db.ankiImportJob.updateMany({
    where: { id: row.id, userId: row.userId, finishedAt: null, owner: row.owner, heartbeatAt: row.heartbeatAt },
    data: { runningUserId: null, phase: "failed", error: IMPORT_STOPPED_MESSAGE, finishedAt: now },
  });
}

/**
 * Claims the learner's one running import for a new job: the insert sets
 * runningUserId, whose unique index refuses a second running job of the same
 * learner on any process. A running row whose process stopped is marked failed
 * first. The job's row or the running one.
 */
async function claimJob(userId: string, fileName: string): Promise<{ ok: true; row: JobRow } | { ok: false; running: JobRow }> {
  for (let attempt = 0; ; attempt++) {
    const now = new Date();
    try {
      await outsideTransactions();
      const row = await db.ankiImportJob.create({
        data: { id: randomUUID(), userId, runningUserId: userId, fileName, phase: "queued", progress: 0, owner: processOwner(), startedAt: now, heartbeatAt: now },
      });
      return { ok: true, row };
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= 2) throw e;
    }
    const running = await db.ankiImportJob.findUnique({ where: { runningUserId: userId } });
    if (running && !isStoppedJob(running, now.getTime())) return { ok: false, running };
    if (running) await failStopped(running, now);
  }
}

/** Writes a running job's phase, progress and heartbeat (skipped while a transaction holds the SQLite connection; the next write catches up). */
async function writeProgress(jobId: string, userId: string): Promise<void> {
  const p = local.get(jobId);
  if (!p || sqliteConnectionOf(db)?.inTransaction) return;
  await db.ankiImportJob.updateMany({ where: { id: jobId, userId, finishedAt: null }, data: { phase: p.phase, progress: p.progress, heartbeatAt: new Date() } });
}

/** Records how the job ended and frees the learner's running import. */
async function finishJob(jobId: string, userId: string, data: { phase: "done" | "failed"; progress?: number; summary?: string; error?: string }): Promise<void> {
  await outsideTransactions();
  const now = new Date();
  await db.ankiImportJob.updateMany({ where: { id: jobId, userId, finishedAt: null }, data: { ...data, runningUserId: null, finishedAt: now, heartbeatAt: now } });
}

/**
 * Starts importing a package for the learner in the background (the plan on a
 * worker thread, the write in one transaction) and returns once the job's row
 * exists; poll with getAnkiImportJob, from any process. One import per learner
 * at a time across processes: a second start while one runs is refused with
 * the running job.
 */
export async function startAnkiImport(
  userId: string,
  fileName: string,
  bytes: Uint8Array,
): Promise<{ ok: true; job: AnkiImportJob } | { ok: false; running: AnkiImportJob }> {
  const now = new Date();
  await db.ankiImportJob.deleteMany({ where: { userId, finishedAt: { lt: new Date(now.getTime() - KEEP_FINISHED_MS) } } });
  const claim = await claimJob(userId, fileName);
  if (!claim.ok) return { ok: false, running: view(claim.running) };
  const { id } = claim.row;
  local.set(id, { phase: "queued", progress: 0 });
  let writing: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    writing = writing.then(() => writeProgress(id, userId)).catch((e: unknown) => console.error("[recall] Anki import progress not written", e));
  }, PROGRESS_WRITE_MS);
  timer.unref();
  const settle = async (data: Parameters<typeof finishJob>[2]) => {
    clearInterval(timer);
    await writing;
    await finishJob(id, userId, data).catch((e: unknown) => console.error("[recall] Anki import outcome not written", e));
    local.delete(id);
  };
  void importAnkiPackage(userId, bytes, {
    offThread: true,
    onProgress: (phase, fraction) => {
      if (phase === "done" || phase === "failed" || phase === "queued") return;
      const [from, to] = PHASE_SHARE[phase];
      local.set(id, { phase, progress: from + (to - from) * Math.min(1, Math.max(0, fraction)) });
    },
  }).then(
    (summary) => settle({ phase: "done", progress: 1, summary: JSON.stringify(summary) }),
    (e: unknown) => {
      if (!(e instanceof AnkiImportError)) console.error("[recall] Anki import failed", e);
      return settle({ phase: "failed", error: e instanceof AnkiImportError ? e.message : FAILED_MESSAGE });
    },
  );
  return { ok: true, job: view(claim.row) };
}

/** The learner's import job, from whichever process runs it; null for an unknown id, another learner's job, or one finished over an hour ago. */
export async function getAnkiImportJob(userId: string, jobId: string): Promise<AnkiImportJob | null> {
  const now = Date.now();
  const row = await db.ankiImportJob.findFirst({ where: { id: jobId, userId } });
  return row && !forgotten(row, now) ? view(row, now) : null;
}

function forgotten(row: JobRow, now: number): boolean {
  return row.finishedAt !== null && now - row.finishedAt.getTime() > KEEP_FINISHED_MS;
}

/** The account id for an email (the import CLI names the learner by email); null when there is none. */
export async function userIdByEmail(email: string): Promise<string | null> {
  const row = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  return row?.id ?? null;
}

/** The learner's running import, or their last one still remembered (finished under an hour ago); null when none. */
export async function latestAnkiImportJob(userId: string): Promise<AnkiImportJob | null> {
  const now = Date.now();
  const row =
    (await db.ankiImportJob.findUnique({ where: { runningUserId: userId } })) ??
    (await db.ankiImportJob.findFirst({ where: { userId }, orderBy: [{ startedAt: "desc" }, { id: "desc" }] }));
  return row && !forgotten(row, now) ? view(row, now) : null;
}
