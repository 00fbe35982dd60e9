// The bad-input corpus (tests/fixtures/bad-input) through every form and
// upload, calling the server actions directly. Each input gets a clear message
// with nothing stored, or is stored exactly and reads back; no action throws.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CredentialsSignin } from "@auth/core/errors";
import { db } from "@/lib/db";
import { getCardDetail } from "@/lib/dal/card-actions";
import { getDocument } from "@/lib/dal/documents";
import { getQuiz, startQuiz } from "@/lib/dal/quiz";
import { verifyUserCredentials } from "@/lib/dal/users";
import { importShippedLibrary } from "../support/shipped-library";
import { sessionCookie } from "../support/session-cookie";
import { makeUser } from "../support/factories";
import { badInputs, FACT_SENTENCE, type BadInput } from "../fixtures/bad-input";

const session = vi.hoisted(() => ({ userId: null as string | null }));
const redirectError = vi.hoisted(() => (to: string) => Object.assign(new Error(`REDIRECT ${to}`), { digest: `NEXT_REDIRECT;replace;${to};307;` }));
vi.mock("@/lib/auth", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId } } : null),
  // next-auth's signIn as the actions see it: CredentialsSignin on a wrong
  // password, Next's redirect on success (it sets the session cookie too).
  signIn: async (_provider: string, opts: { email: string; password: string; redirectTo: string }) => {
    const user = await verifyUserCredentials(opts.email, opts.password);
    if (!user) throw new CredentialsSignin();
    throw redirectError(opts.redirectTo);
  },
}));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw redirectError(to);
  },
}));
// next-auth's entry imports next/server, which Vitest cannot resolve outside
// Next; the actions only need its error classes, which come from @auth/core.
vi.mock("next-auth", async () => {
  const { AuthError, CredentialsSignin } = await import("@auth/core/errors");
  return { AuthError, CredentialsSignin };
});
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const auth = () => import("@/app/(auth)/actions");
const docs = () => import("@/app/(app)/documents/new/actions");
const cards = () => import("@/app/(app)/cards/actions");
const quiz = () => import("@/app/(app)/quiz/actions");
const settings = () => import("@/app/(app)/settings/actions");
const review = () => import("@/app/(app)/review/actions");

const CORPUS = badInputs();
const VALID_PASSWORD = "correct horse battery";
const VALID_TEXT = `${FACT_SENTENCE} It allows ships to dock in Beta's ports.`;

let user: string;
let sharedCardId: string;
let typedQuizId: string;
let nextQuestion = 0;
let n = 0;

beforeAll(async () => {
  await importShippedLibrary();
  user = await makeUser("bad-input");
  sharedCardId = (await db.card.findFirstOrThrow({ where: { document: { ownerId: null } }, orderBy: { position: "asc" }, select: { id: true } })).id;
  typedQuizId = await startQuiz(user, { mode: "chosen", documentId: null, length: "all", types: ["typed"] }, new Date());
  const questions = await db.quizQuestion.count({ where: { attemptId: typedQuizId } });
  expect(questions).toBeGreaterThanOrEqual(CORPUS.length);
});

beforeEach(() => {
  session.userId = user;
});

function form(fields: Record<string, string | Blob>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

/** How a string comes back from the database: a lone surrogate cannot be stored as UTF-8. */
const stored = (s: string) => s.toWellFormed();

/** Calls an action; a Next redirect is an outcome (success), anything else thrown fails the test. */
async function outcome<T>(call: () => Promise<T>): Promise<{ redirect: string } | { result: T }> {
  try {
    return { result: await call() };
  } catch (e) {
    if (typeof (e as { digest?: unknown }).digest === "string") return { redirect: (e as { digest: string }).digest.split(";")[2] };
    throw e;
  }
}

/** A message a person can read: a sentence, not an error dump. */
function expectClearMessage(message: unknown) {
  expect(typeof message).toBe("string");
  const m = message as string;
  expect(m.length).toBeGreaterThan(10);
  expect(m.length).toBeLessThan(300);
  expect(m).not.toMatch(/Error:|\bat .+:\d+|undefined|\[object|prisma|SQLITE/i);
}

async function counts() {
  const [users, documents, cardsN, overrides, answered] = await Promise.all([
    db.user.count(),
    db.document.count(),
    db.card.count(),
    db.cardOverride.count(),
    db.quizQuestion.count({ where: { given: { not: null } } }),
  ]);
  return { users, documents, cards: cardsN, overrides, answered };
}


/** One test per corpus input; `%s` in the title is the input's name. */
function corpus(id: string, title: string, fn: (name: string, input: BadInput) => Promise<void>) {
  for (const input of CORPUS) {
    it(title.replace("%s", input.name), () => fn(input.name, input));
  }
}

describe("sign-up", () => {
  corpus("signup.email", "email field: %s is refused with a message, no account created", async (_name, input) => {
    const before = await counts();
    const r = await outcome(async () => (await auth()).signUpAction({}, form({ email: input.text, password: VALID_PASSWORD })));
    if (!("result" in r)) throw new Error(`signed up with email ${JSON.stringify(input.text.slice(0, 40))}`);
    expectClearMessage(r.result.fieldErrors?.email);
    expect(r.result.email?.length ?? 0).toBeLessThanOrEqual(254);
    expect(await counts()).toEqual(before);
  });

  corpus("signup.password", "password field: %s gets a message, or the account works with exactly that password", async (name, input) => {
    const email = `pw-${++n}-${name.replace(/\W/g, "")}@example.com`;
    const before = await counts();
    const r = await outcome(async () => (await auth()).signUpAction({}, form({ email, password: input.text })));
    if ("result" in r) {
      expectClearMessage(r.result.fieldErrors?.password);
      expect(await counts()).toEqual(before);
    } else {
      expect(r.redirect).toBe("/");
      expect(await counts()).toEqual({ ...before, users: before.users + 1 });
      expect(await verifyUserCredentials(email, input.text)).toMatchObject({ email });
      expect(await verifyUserCredentials(email, VALID_PASSWORD)).toBeNull();
    }
    if (["empty.txt", "5mb.txt", "long-word.txt"].includes(name)) expect("result" in r).toBe(true);
  });

  corpus("signin", "sign-in with %s as email or password answers with a message", async (_name, input) => {
    const a = await auth();
    for (const fields of [
      { email: input.text, password: VALID_PASSWORD },
      { email: `nobody-${++n}@example.com`, password: input.text },
    ]) {
      const r = await outcome(() => a.signInAction({}, form(fields)));
      if (!("result" in r)) throw new Error("signed in with a bad input");
      expectClearMessage(r.result.error ?? r.result.fieldErrors?.email ?? r.result.fieldErrors?.password);
    }
  });
});

describe("new document: paste", () => {
  corpus("preview.text", "text %s: a message, or a preview whose text is the input; nothing stored", async (name, input) => {
    const before = await counts();
    const r = await (await docs()).previewDocumentAction({}, form({ title: "Bad input", publishedAt: "", text: input.text }));
    if (r.draft) {
      expect(r.draft.text).toBe(input.text.replace(/\r\n?/g, "\n"));
      expect(r.draft.cards.length).toBeGreaterThan(0);
    } else expectClearMessage(r.fieldErrors?.text);
    expect(await counts()).toEqual(before);
    if (["empty.txt", "whitespace.txt", "image.png", "nul-bytes.txt", "script.html", "img-onerror.html", "5mb.txt"].includes(name)) expect(r.draft).toBeUndefined();
  });

  corpus("preview.title", "title %s: a message, or a preview with that title; nothing stored", async (name, input) => {
    const before = await counts();
    const r = await (await docs()).previewDocumentAction({}, form({ title: input.text, publishedAt: "", text: VALID_TEXT }));
    if (r.draft) expect(r.draft.title).toBe(stored(input.text)); // FormData carries well-formed strings only
    else expectClearMessage(r.fieldErrors?.title);
    expect(r.values?.title.length ?? 0).toBeLessThanOrEqual(300);
    expect(await counts()).toEqual(before);
    if (["empty.txt", "whitespace.txt", "script.html", "img-onerror.html", "5mb.txt", "long-word.txt", "nul-bytes.txt"].includes(name)) expect(r.draft).toBeUndefined();
  });

  corpus("preview.date", "published date %s is refused with a message", async (_name, input) => {
    const r = await (await docs()).previewDocumentAction({}, form({ title: "T", publishedAt: input.text, text: VALID_TEXT }));
    if (input.text.trim() === "") expect(r.draft).toBeDefined(); // optional field
    else expectClearMessage(r.fieldErrors?.publishedAt);
  });
});

describe("new document: upload", () => {
  corpus("upload", "file %s (as .txt): a message, or a preview of its UTF-8 text; nothing stored", async (name, input) => {
    const before = await counts();
    const file = new File([input.bytes], `${name}.txt`, { type: "text/plain" });
    const r = await (await docs()).previewDocumentAction({}, form({ title: "Upload", publishedAt: "", file }));
    if (r.draft) expect(r.draft.text).toBe(new TextDecoder("utf-8", { fatal: true }).decode(input.bytes));
    else expectClearMessage(r.fieldErrors?.text);
    expect(await counts()).toEqual(before);
    if (["empty.txt", "image.png", "invalid-utf8.txt", "nul-bytes.txt", "5mb.txt", "script.html", "img-onerror.html"].includes(name)) expect(r.draft).toBeUndefined();
  });

  it("a PNG under its own name is refused as not a text file", async () => {
    const png = CORPUS.find((c) => c.name === "image.png")!;
    const r = await (await docs()).previewDocumentAction({}, form({ title: "Image", publishedAt: "", file: new File([png.bytes], "image.png", { type: "image/png" }) }));
    expect(r.fieldErrors?.text).toBe("Upload a .txt or .md file.");
  });
});

describe("new document: save (step 2, what the browser posts)", () => {
  async function draftCards(text: string) {
    const r = await (await docs()).previewDocumentAction({}, form({ title: "Draft", publishedAt: "", text }));
    if (!r.draft) throw new Error(`no draft for ${r.fieldErrors?.text}`);
    return r.draft.cards.map((c) => ({ key: c.key, keep: true, prompt: c.prompt, answer: c.answer }));
  }

  async function save(input: unknown) {
    return outcome(async () => (await docs()).saveDocumentAction(input));
  }

  corpus("save.text", "text %s inside a document with facts: an error and nothing stored, or stored exactly", async (_name, input) => {
    const text = `${VALID_TEXT}\n\n${input.text}`;
    // The cards the preview offered for this text (as the browser would send them back), if it offered any.
    const preview = await (await docs()).previewDocumentAction({}, form({ title: "Draft", publishedAt: "", text }));
    const offered = preview.draft?.cards.map((c) => ({ key: c.key, keep: true, prompt: c.prompt, answer: c.answer })) ?? (await draftCards(VALID_TEXT));
    // The browser saves the text the preview sent back (form data turns a lone surrogate into U+FFFD).
    const sent = preview.draft?.text ?? text;
    const before = await counts();
    const r = await save({ title: "Saved", publishedAt: "", text: sent, cards: offered });
    if ("result" in r) {
      expectClearMessage(r.result.error);
      expect(await counts()).toEqual(before);
    } else {
      const id = /^\/documents\/([^?]+)\?saved=\d+$/.exec(r.redirect)?.[1];
      expect(id).toBeDefined();
      const doc = await getDocument(user, id!);
      expect(doc.text).toBe(stored(sent));
      expect(doc.facts.length).toBeGreaterThan(0);
    }
    expect("result" in r).toBe(preview.draft === undefined);
  });

  corpus("save.title", "title %s: an error and nothing stored, or stored exactly", async (_name, input) => {
    const before = await counts();
    const r = await save({ title: input.text, publishedAt: "", text: VALID_TEXT, cards: await draftCards(VALID_TEXT) });
    if ("result" in r) {
      expectClearMessage(r.result.error);
      expect(await counts()).toEqual(before);
    } else {
      const id = /^\/documents\/([^?]+)/.exec(r.redirect)![1];
      expect((await getDocument(user, id)).title).toBe(stored(input.text.trim()));
    }
  });

  corpus("save.cardPrompt", "an edited card prompt %s: an error on that card and nothing stored, or stored exactly", async (_name, input) => {
    const before = await counts();
    const [first, ...rest] = await draftCards(VALID_TEXT);
    const r = await save({ title: "Edited", publishedAt: "", text: VALID_TEXT, cards: [{ ...first, prompt: input.text }, ...rest] });
    if ("result" in r) {
      expectClearMessage(r.result.error);
      expectClearMessage(r.result.cardErrors?.["0"]);
      expect(await counts()).toEqual(before);
    } else {
      const id = /^\/documents\/([^?]+)/.exec(r.redirect)![1];
      const prompts = (await getDocument(user, id)).facts.flatMap((f) => f.cards.map((c) => c.prompt));
      expect(prompts).toContain(stored(input.text.trim()));
    }
  });

  it("a text over the length limit is refused with the length message and nothing stored", async () => {
    const before = await counts();
    const r = await save({ title: "Long", publishedAt: "", text: CORPUS.find((c) => c.name === "5mb.txt")!.text, cards: await draftCards(VALID_TEXT) });
    expect(await counts()).toEqual(before);
    expect(r).toEqual({ result: { error: expect.stringMatching(/^The document is too long \([\d,]+ characters\): the limit is 200,000\.$/) } });
  });

  it.each([null, 42, "text", [], { title: 1 }, { title: "T", publishedAt: "", text: VALID_TEXT, cards: "all" }])("a malformed body %j gets a message", async (body) => {
    const before = await counts();
    const r = await save(body);
    if (!("result" in r)) throw new Error("saved a malformed body");
    expectClearMessage(r.result.error);
    expect(await counts()).toEqual(before);
  });
});

describe("card edit", () => {
  beforeEach(async () => {
    await db.cardOverride.deleteMany({ where: { userId: user } });
  });

  corpus("edit.prompt", "prompt %s: a field message and nothing stored, or stored exactly and shown back", async (name, input) => {
    const r = await (await cards()).editCardAction({}, form({ cardId: sharedCardId, prompt: input.text, answer: "1990" }));
    const override = await db.cardOverride.findFirst({ where: { userId: user, cardId: sharedCardId } });
    if (r.saved) {
      expect(override?.prompt).toBe(stored(input.text.trim()));
      expect((await getCardDetail(user, sharedCardId)).prompt).toBe(stored(input.text.trim()));
    } else {
      expectClearMessage(r.fieldErrors?.prompt);
      expect(override).toBeNull();
    }
    if (["empty.txt", "whitespace.txt", "5mb.txt", "long-word.txt"].includes(name)) expect(r.saved).toBeUndefined();
  });

  corpus("edit.answer", "answer %s: a field message and nothing stored, or stored exactly", async (_name, input) => {
    const r = await (await cards()).editCardAction({}, form({ cardId: sharedCardId, prompt: "When did Alpha and Beta sign?", answer: input.text }));
    const override = await db.cardOverride.findFirst({ where: { userId: user, cardId: sharedCardId } });
    if (r.saved) expect(override?.answer).toBe(stored(input.text.trim()));
    else {
      expectClearMessage(r.fieldErrors?.answer);
      expect(override).toBeNull();
    }
  });

  corpus("edit.cardId", "card id %s: a message, nothing stored", async (_name, input) => {
    const r = await (await cards()).editCardAction({}, form({ cardId: input.text, prompt: "P", answer: "A" }));
    expect(r.saved).toBeUndefined();
    expect(await db.cardOverride.count({ where: { userId: user } })).toBe(0);
    // A malformed id is reported on no field; a well-formed unknown one as not found.
    if (r.error) expectClearMessage(r.error);
  });
});

describe("typed quiz answer", () => {
  corpus("quiz.answer", "answer %s: a message and nothing recorded, or recorded exactly and shown back", async (name, input) => {
    const position = nextQuestion++;
    const before = await counts();
    const r = await (await quiz()).answerAction({ attemptId: typedQuizId, position, given: input.text, timeMs: 1000, final: true });
    const row = await db.quizQuestion.findFirstOrThrow({ where: { attemptId: typedQuizId, position }, select: { given: true } });
    if ("error" in r) {
      expectClearMessage(r.error);
      expect(row.given).toBeNull();
      expect(await counts()).toEqual(before);
    } else {
      expect(r.nearMiss).toBe(false);
      expect(row.given).toBe(stored(input.text));
      const shown = (await getQuiz(user, typedQuizId)).questions.find((q) => q.position === position);
      expect(shown?.answer?.given).toBe(stored(input.text));
    }
    if (["empty.txt", "whitespace.txt", "5mb.txt", "long-word.txt"].includes(name)) expect("error" in r).toBe(true);
  });

  it.each([null, "answer", { attemptId: 5 }, { attemptId: "x", position: -1, given: "a", timeMs: 0, final: true }])("a malformed call %j gets a message", async (body) => {
    const r = await (await quiz()).answerAction(body);
    expect("error" in r).toBe(true);
    if ("error" in r) expectClearMessage(r.error);
  });
});

describe("settings", () => {
  const VALID = {
    desiredRetention: "0.85",
    maxInterval: "3650",
    newPerDay: "15",
    reviewsPerDay: "150",
    learningSteps: "1m 10m",
    relearningSteps: "10m",
    enableFuzz: "on",
    dayStartHour: "3",
    timeZone: "Europe/Paris",
    quizFeedsSchedule: "on",
  };
  const userRow = () =>
    db.user.findUniqueOrThrow({
      where: { id: user },
      select: { desiredRetention: true, maxInterval: true, newPerDay: true, reviewsPerDay: true, learningSteps: true, relearningSteps: true, dayStartHour: true, timeZone: true },
    });

  it("control: the valid form saves", async () => {
    const r = await (await settings()).saveSettingsAction({}, form(VALID));
    expect(r).toMatchObject({ saved: true });
    expect(await userRow()).toMatchObject({ desiredRetention: 0.85, timeZone: "Europe/Paris", learningSteps: "1m 10m" });
  });

  for (const field of ["desiredRetention", "maxInterval", "newPerDay", "reviewsPerDay", "learningSteps", "relearningSteps", "dayStartHour", "timeZone"] as const) {
    corpus(`settings.${field}`, `${field} %s: a message on that field and nothing saved, or saved`, async (name, input) => {
      await (await settings()).saveSettingsAction({}, form(VALID));
      const before = await userRow();
      const r = await (await settings()).saveSettingsAction({}, form({ ...VALID, [field]: input.text }));
      if (r.saved) {
        // Only the steps fields can take free text; what they keep is normalized.
        expect(["learningSteps", "relearningSteps"]).toContain(field);
        expect((await userRow())[field]).toMatch(/^(\d+[mhd]( \d+[mhd])*)?$/);
      } else {
        expectClearMessage(r.error);
        expectClearMessage(r.fieldErrors?.[field]);
        expect(await userRow()).toEqual(before);
      }
      if (!["empty.txt", "whitespace.txt"].includes(name) || !field.endsWith("Steps")) expect(r.saved).toBeUndefined();
    });
  }
});

describe("ids with a lone surrogate (JSON-argument actions and routes)", () => {
  // A malformed id is refused as unreadable before it reaches the database.
  const BAD_ID = "card\uD83D";
  const rows: { name: string; call: () => Promise<unknown> }[] = [
    { name: "review gradeAction", call: async () => (await review()).gradeAction({ cardId: BAD_ID, version: 0, grade: "good" }) },
    { name: "review cardAction", call: async () => (await review()).cardAction({ cardId: BAD_ID, action: "bury" }) },
    { name: "quiz answerAction attemptId", call: async () => (await quiz()).answerAction({ attemptId: BAD_ID, position: 0, given: "x", timeMs: 1, final: true }) },
  ];
  it.each(rows)("$name answers with an error and changes nothing", async (row) => {
    const before = await counts();
    const r = (await row.call()) as { error?: string };
    expectClearMessage(r.error);
    expect(await counts()).toEqual(before);
  });

  it("POST /api/review/grade answers 400 and changes nothing", async () => {
    const before = await counts();
    const res = await (await import("@/app/api/review/grade/route")).POST(
      new Request("http://localhost:3000/api/review/grade", { method: "POST", headers: { "content-type": "application/json", ...(await sessionCookie(session.userId)) }, body: JSON.stringify({ cardId: BAD_ID, version: 0, grade: "good" }) }),
    );
    expect(res.status).toBe(400);
    expect(await counts()).toEqual(before);
  });
});

describe("study more new cards today", () => {
  it.each([0, -3, 1.5, 10_000, "5", null, Number.NaN, { extra: 5 }])("%j answers with an error and changes nothing", async (extra) => {
    const before = await db.user.findUniqueOrThrow({ where: { id: session.userId! }, select: { extraNewCards: true, extraNewDay: true } });
    const r = (await (await review()).studyMoreNewAction(extra)) as { error?: string };
    expectClearMessage(r.error);
    expect(await db.user.findUniqueOrThrow({ where: { id: session.userId! }, select: { extraNewCards: true, extraNewDay: true } })).toEqual(before);
  });
});
