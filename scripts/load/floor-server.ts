// THE FLOOR: a benchmark, never imported by the app (npm run bench:floor,
// npm run bench:load; docs/decisions/012). The least a server can do for
// Recall's two review requests, to measure Recall against: node:http,
// better-sqlite3 with every statement prepared once, WAL with synchronous
// FULL, an HMAC-signed session cookie, the same queue rules (the SQL text of
// lib/dal/queue-sql.ts), the same scheduler (lib/srs on ts-fsrs) and the same
// one-transaction versioned grade (state, review log, undo entry). It speaks
// just enough of Recall's HTTP surface for scripts/load/harness.ts to drive it
// unchanged: GET /sign-in, GET /api/auth/csrf, POST /api/auth/callback/credentials,
// GET /api/review/next, POST /api/review/grade. SQLite only.
//
// Run: DATABASE_URL=file:… PORT=… AUTH_SECRET=… tsx --conditions=react-server scripts/load/floor-server.ts
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import http from "node:http";
import Database, { type Statement } from "better-sqlite3";
import { Prisma as P } from "../../lib/generated/prisma/client";
import { verifyPassword } from "../../lib/password";
import { endOfLocalDay, localDay } from "../../lib/progress/local-day";
import { applyGrade, becomesLeech, GRADES, newMemoryState, previewGrades, State, type GradeName, type MemoryState } from "../../lib/srs";
import { countUpTo, DUE_ORDER, learningDue, NEW_CARD_ORDER, newCards, reviewsDue, type QueueScope } from "../../lib/dal/queue-sql";

const url = process.env.DATABASE_URL ?? "";
if (!url.startsWith("file:")) throw new Error("the floor server serves SQLite only (DATABASE_URL=file:…)");
const secret = process.env.AUTH_SECRET ?? "";
if (secret.length < 16) throw new Error("AUTH_SECRET must be set");
const port = Number(process.env.PORT ?? 3400);

const sqlite = new Database(url.slice("file:".length), { timeout: 10_000 });
sqlite.pragma("journal_mode = WAL");
sqlite.pragma("synchronous = FULL");

// Values as Prisma's SQLite adapter stores them, so both servers read each other's rows.
const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");
const arg = (v: unknown) => (v instanceof Date ? iso(v) : typeof v === "boolean" ? (v ? 1 : 0) : v === undefined ? null : v);
const toDate = (v: unknown) => (v == null ? null : new Date(v as string));

// Fixed statements, prepared once.
const S = {
  userByEmail: sqlite.prepare(`SELECT "id", "passwordHash" FROM "User" WHERE "email" = ?`),
  settings: sqlite.prepare(`SELECT "desiredRetention", "maxInterval", "learningSteps", "relearningSteps", "enableFuzz", "fsrsParams",
      "newPerDay", "reviewsPerDay", "dayStartHour", "timeZone" FROM "User" WHERE "id" = ?`),
  today: sqlite.prepare(`SELECT COUNT(*) AS total, COALESCE(SUM(CASE WHEN "state" = ${State.New} AND "source" = 'review' THEN 1 ELSE 0 END), 0) AS introduced,
      COALESCE(SUM(CASE WHEN "state" = ${State.Review} AND "source" = 'review' THEN 1 ELSE 0 END), 0) AS reviewed,
      (SELECT CASE WHEN u."extraNewDay" = ? THEN u."extraNewCards" ELSE 0 END FROM "User" u WHERE u."id" = ?) AS extra
    FROM "ReviewLog" WHERE "userId" = ? AND "day" = ?`),
  item: sqlite.prepare(`SELECT c."id", c."type", c."prompt", c."answer", f."kind", f."sentence", d."title",
      o."id" AS "overrideId", o."prompt" AS "editedPrompt", o."answer" AS "editedAnswer",
      s."id" AS "stateId", s."version", s."due", s."stability", s."difficulty", s."elapsedDays", s."scheduledDays",
      s."learningSteps", s."reps", s."lapses", s."state", s."lastReview"
    FROM "Card" c JOIN "Document" d ON d."id" = c."documentId" JOIN "Fact" f ON f."id" = c."factId"
      LEFT JOIN "CardOverride" o ON o."userId" = ? AND o."cardId" = c."id"
      LEFT JOIN "CardState" s ON s."userId" = ? AND s."cardId" = c."id"
    WHERE c."id" = ? AND (d."ownerId" IS NULL OR d."ownerId" = ?)`),
  state: sqlite.prepare(`SELECT * FROM "CardState" WHERE "userId" = ? AND "cardId" = ?`),
  canSee: sqlite.prepare(`SELECT 1 AS one FROM "Card" c JOIN "Document" d ON d."id" = c."documentId" WHERE c."id" = ? AND (d."ownerId" IS NULL OR d."ownerId" = ?)`),
  update: sqlite.prepare(`UPDATE "CardState" SET "due" = ?, "stability" = ?, "difficulty" = ?, "elapsedDays" = ?, "scheduledDays" = ?, "learningSteps" = ?,
      "reps" = ?, "lapses" = ?, "state" = ?, "lastReview" = ?, "introducedAt" = ?, "leech" = ?, "suspended" = ?, "version" = ?
    WHERE "id" = ? AND "userId" = ? AND "version" = ?`),
  insert: sqlite.prepare(`INSERT INTO "CardState" ("id", "userId", "cardId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps",
      "reps", "lapses", "state", "lastReview", "introducedAt", "suspended", "leech", "version") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`),
  log: sqlite.prepare(`INSERT INTO "ReviewLog" ("id", "userId", "cardId", "rating", "state", "due", "previousDue", "stability", "difficulty", "elapsedDays",
      "lastElapsedDays", "scheduledDays", "learningSteps", "review", "day", "durationMs", "source", "stateVersion")
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'review', ?)`),
  undoPurge: sqlite.prepare(`DELETE FROM "UndoEntry" WHERE "userId" = ? AND "createdAt" <= ?`),
  undo: sqlite.prepare(`INSERT INTO "UndoEntry" ("id", "userId", "cardId", "action", "stateBefore", "versionAfter", "logId", "createdAt")
    VALUES (?, ?, ?, 'grade', ?, ?, ?, ?)`),
};

// The queue's questions are built by lib/dal/queue-sql.ts; their text varies
// only with the sibling rule (reviewed today or not), so each text is
// prepared once and kept.
const byText = new Map<string, Statement>();
function rows(q: P.Sql): Record<string, unknown>[] {
  let stmt = byText.get(q.sql);
  if (!stmt) byText.set(q.sql, (stmt = sqlite.prepare(q.sql)));
  return stmt.all(...q.values.map(arg)) as Record<string, unknown>[];
}

interface Settings {
  desiredRetention: number;
  maxInterval: number;
  learningSteps: string;
  relearningSteps: string;
  enableFuzz: boolean;
  fsrsParams: string | null;
  newPerDay: number;
  reviewsPerDay: number;
  dayStartHour: number;
  timeZone: string;
}

function settingsOf(userId: string): Settings | null {
  const r = S.settings.get(userId) as (Omit<Settings, "enableFuzz"> & { enableFuzz: number }) | undefined;
  return r ? { ...r, enableFuzz: Boolean(r.enableFuzz) } : null;
}

function memoryOf(r: Record<string, unknown>): MemoryState {
  return {
    due: toDate(r.due)!,
    stability: Number(r.stability),
    difficulty: Number(r.difficulty),
    elapsedDays: Number(r.elapsedDays),
    scheduledDays: Number(r.scheduledDays),
    learningSteps: Number(r.learningSteps),
    reps: Number(r.reps),
    lapses: Number(r.lapses),
    state: Number(r.state) as State,
    lastReview: toDate(r.lastReview),
  };
}

const LEARN_AHEAD_MS = 20 * 60_000;

/** The next card and today's counts, by Recall's rules (lib/dal/review.ts getReviewQueue, without the "when is the next card" answer). */
function nextCard(userId: string, now: Date) {
  const settings = settingsOf(userId);
  if (!settings) return null;
  const day = localDay(now, settings.timeZone, settings.dayStartHour);
  const t = S.today.get(day, userId, userId, day) as { total: number; introduced: number; reviewed: number; extra: number };
  const dayEnd = endOfLocalDay(now, settings.timeZone, settings.dayStartHour);
  const q: QueueScope = { userId, now, day, dayEnd, reviewedToday: t.total > 0 };
  const newLeft = Math.max(0, settings.newPerDay + Number(t.extra ?? 0) - t.introduced);
  const reviewsLeft = Math.max(0, settings.reviewsPerDay - t.reviewed);
  const ahead = new Date(now.getTime() + LEARN_AHEAD_MS);
  const [h] = rows(P.sql`SELECT ${countUpTo(learningDue(q, ahead), 9999)} AS learning,
      ${countUpTo(reviewsDue(q), reviewsLeft)} AS reviews,
      ${countUpTo(newCards(q), newLeft)} AS fresh,
      (SELECT MIN(s."due") FROM ${learningDue(q, ahead)}) AS "firstLearningDue",
      (SELECT s."cardId" FROM ${reviewsDue(q)} ${DUE_ORDER} LIMIT 1) AS "firstDue",
      (SELECT c."id" FROM ${newCards(q)} ${NEW_CARD_ORDER} LIMIT 1) AS "firstNew"`);
  const firstLearningDue = toDate(h.firstLearningDue);
  const firstLearning = () =>
    (rows(P.sql`SELECT s."cardId" FROM ${learningDue(q, ahead)} AND s."due" = ${firstLearningDue} ${DUE_ORDER} LIMIT 1`)[0]?.cardId as string | undefined) ?? null;
  const pick =
    firstLearningDue && firstLearningDue <= now
      ? firstLearning()
      : Number(h.reviews) > 0 && h.firstDue
        ? (h.firstDue as string)
        : Number(h.fresh) > 0 && h.firstNew
          ? (h.firstNew as string)
          : firstLearningDue && firstLearning();
  const remaining = { new: Number(h.fresh), learning: Number(h.learning), reviews: Number(h.reviews) };
  if (!pick) return { next: null, remaining, nextDue: null };
  const r = S.item.get(userId, userId, pick, userId) as Record<string, unknown> | undefined;
  if (!r) return { next: null, remaining, nextDue: null };
  const memory = r.stateId ? memoryOf(r) : newMemoryState(now);
  const isNew = !r.stateId || memory.state === State.New;
  return {
    next: {
      cardId: r.id,
      version: r.stateId ? Number(r.version) : 0,
      type: r.type,
      kind: r.kind,
      prompt: r.overrideId ? r.editedPrompt : r.prompt,
      answer: r.overrideId ? r.editedAnswer : r.answer,
      edited: Boolean(r.overrideId),
      source: r.sentence,
      documentTitle: r.title,
      isNew,
      stage: isNew ? "new" : memory.state === State.Review ? "review" : "learning",
      previews: previewGrades(memory, settings, now, r.id as string),
    },
    remaining,
    nextDue: null,
  };
}

const UNDO_WINDOW_MS = 24 * 3_600_000;
let undoCounter = 0;

/** Recall's grade (lib/dal/grading.ts gradeCard): one transaction, applied only at the version shown. */
const grade = sqlite.transaction((userId: string, cardId: string, version: number, gradeName: GradeName, now: Date) => {
  const settings = settingsOf(userId);
  if (!settings) return { status: "not-found" } as const;
  const current = S.state.get(userId, cardId) as Record<string, unknown> | undefined;
  if (!current && !S.canSee.get(cardId, userId)) return { status: "not-found" } as const;
  if ((current ? Number(current.version) : 0) !== version) return { status: "duplicate" } as const;
  const before = current ? memoryOf(current) : newMemoryState(now);
  const { memory: m, log } = applyGrade(before, gradeName, settings, now, cardId);
  const leech = becomesLeech(before, m);
  const next = version + 1;
  if (current) {
    const changed = S.update.run(
      iso(m.due), m.stability, m.difficulty, m.elapsedDays, m.scheduledDays, m.learningSteps, m.reps, m.lapses, m.state, arg(m.lastReview),
      (current.introducedAt as string | null) ?? iso(now), current.leech || leech ? 1 : 0, current.suspended || leech ? 1 : 0, next,
      current.id, userId, current.version,
    ).changes;
    if (changed === 0) return { status: "duplicate" } as const;
  } else {
    S.insert.run(randomUUID(), userId, cardId, iso(m.due), m.stability, m.difficulty, m.elapsedDays, m.scheduledDays, m.learningSteps,
      m.reps, m.lapses, m.state, arg(m.lastReview), iso(now), leech ? 1 : 0, leech ? 1 : 0);
  }
  const logId = randomUUID();
  S.log.run(logId, userId, cardId, log.rating, log.state, iso(log.due), iso(log.previousDue), log.stability, log.difficulty, log.elapsedDays,
    log.lastElapsedDays, log.scheduledDays, log.learningSteps, iso(log.review), localDay(now, settings.timeZone, settings.dayStartHour), null, next);
  S.undoPurge.run(userId, iso(new Date(now.getTime() - UNDO_WINDOW_MS)));
  undoCounter = (undoCounter + 1) % 1_000_000;
  const undoId = `${Date.now().toString().padStart(15, "0")}-${String(undoCounter).padStart(6, "0")}-${randomUUID()}`;
  S.undo.run(undoId, userId, cardId, current ? JSON.stringify({ ...memoryOf(current), version: Number(current.version) }) : null, next, logId, iso(now));
  return { status: "applied", due: m.due, scheduledDays: m.scheduledDays, logId, leech, lapses: m.lapses } as const;
});

// The session: base64url(JSON {sub, exp}) "." HMAC-SHA256 of it.
const COOKIE = "authjs.session-token";
const sign = (payload: string) => createHmac("sha256", secret).update(payload).digest("base64url");
function sessionUser(req: http.IncomingMessage): string | null {
  const cookie = req.headers.cookie ?? "";
  const start = cookie.indexOf(`${COOKIE}=`);
  if (start < 0) return null;
  const end = cookie.indexOf(";", start);
  const value = cookie.slice(start + COOKIE.length + 1, end < 0 ? undefined : end);
  const dot = value.lastIndexOf(".");
  if (dot < 0) return null;
  const payload = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1), "base64url");
  const expected = Buffer.from(sign(payload), "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as { sub: string; exp: number };
  return claims.exp > Date.now() / 1000 ? claims.sub : null;
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

function readBody(req: http.IncomingMessage, max = 8192): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= max) chunks.push(c);
    });
    req.on("end", () => resolve(size > max ? null : Buffer.concat(chunks).toString()));
    req.on("error", () => resolve(null));
  });
}

const GRADE_NAMES = new Set<string>(GRADES.map((g) => g.name));

async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const path = (req.url ?? "/").split("?")[0];
  if (req.method === "GET" && path === "/sign-in") return send(res, 200, { ok: true });
  if (req.method === "GET" && path === "/api/auth/csrf") {
    const token = randomBytes(16).toString("hex");
    return send(res, 200, { csrfToken: token }, { "set-cookie": `floor-csrf=${token}; Path=/; HttpOnly` });
  }
  if (req.method === "POST" && path === "/api/auth/callback/credentials") {
    const form = new URLSearchParams((await readBody(req)) ?? "");
    const user = S.userByEmail.get(form.get("email") ?? "") as { id: string; passwordHash: string } | undefined;
    if (!user || !(await verifyPassword(user.passwordHash, form.get("password") ?? ""))) return send(res, 401, { error: "bad credentials" });
    const payload = Buffer.from(JSON.stringify({ sub: user.id, exp: Math.floor(Date.now() / 1000) + 30 * 86_400 })).toString("base64url");
    res.writeHead(302, { location: "/", "set-cookie": `${COOKIE}=${payload}.${sign(payload)}; Path=/; HttpOnly; SameSite=Lax` });
    return void res.end();
  }
  if (path === "/api/review/next" && req.method === "GET") {
    const userId = sessionUser(req);
    if (!userId) return send(res, 401, { error: "Sign in first." });
    return send(res, 200, nextCard(userId, new Date()));
  }
  if (path === "/api/review/grade" && req.method === "POST") {
    const userId = sessionUser(req);
    if (!userId) return send(res, 401, { error: "Sign in first." });
    const text = await readBody(req);
    type Body = { cardId?: unknown; version?: unknown; grade?: unknown } | null;
    let b: Body = null;
    try {
      b = text === null ? null : (JSON.parse(text) as Body);
    } catch {
      /* not JSON: refused below */
    }
    if (!b || typeof b.cardId !== "string" || !Number.isInteger(b.version) || (b.version as number) < 0 || !GRADE_NAMES.has(b.grade as string)) {
      return send(res, 400, { error: "Send {cardId, version, grade}." });
    }
    // BEGIN IMMEDIATE: the write lock is taken at once, no read lock to upgrade.
    const outcome = grade.immediate(userId, b.cardId, b.version as number, b.grade as GradeName, new Date());
    if (outcome.status === "not-found") return send(res, 404, { error: "Card not found." });
    return send(res, 200, outcome);
  }
  send(res, 404, { error: "not found" });
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((e) => {
    console.error(e);
    if (!res.headersSent) send(res, 500, { error: "server error" });
  });
});
server.listen(port, () => console.log(`[floor] listening on port ${port}`));
// Like scripts/serve.ts: finish the requests in flight, close idle keep-alive
// connections (close() alone waits for the client to drop them), give up after 10 s.
for (const sig of ["SIGTERM", "SIGINT"] as const)
  process.on(sig, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
