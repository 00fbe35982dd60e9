// A learner's full backup: one gzip-compressed JSON file with everything they
// have (settings, their documents and decks with facts and cards, card states,
// review logs, edits, quizzes). Cards are named by (document, key), never by
// database id, so a backup restores on another instance and engine: a shipped
// document by its `sourcePath`, the learner's own by its id inside the backup.
import { gunzipSync, gzipSync } from "fflate";
import { z } from "zod";

export const BACKUP_FORMAT = "recall-backup";
export const BACKUP_VERSION = 1;
/** Largest backup file accepted (compressed), bytes. */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;
/** Largest backup once decompressed, bytes (a gzip bomb stops here). */
export const MAX_BACKUP_JSON_BYTES = 512 * 1024 * 1024;

const date = z.coerce.date();
const nullableDate = z.coerce.date().nullable();

/** A card named portably: a shipped document's sourcePath or an own document's backup id, and the card's key in it. */
export const CardRefSchema = z.object({ library: z.boolean(), document: z.string().min(1), key: z.string().min(1) });
export type CardRef = z.infer<typeof CardRefSchema>;

const SettingsSchema = z.object({
  desiredRetention: z.number(),
  maxInterval: z.number().int(),
  newPerDay: z.number().int(),
  reviewsPerDay: z.number().int(),
  learningSteps: z.string(),
  relearningSteps: z.string(),
  enableFuzz: z.boolean(),
  dayStartHour: z.number().int(),
  timeZone: z.string(),
  timeZoneAuto: z.boolean(),
  fsrsParams: z.string().nullable(),
  quizFeedsSchedule: z.boolean(),
});

const FactSchema = z.object({
  id: z.string(),
  key: z.string(),
  kind: z.string(),
  answer: z.string(),
  sentence: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  fields: z.string(),
  position: z.number().int(),
  tags: z.string(),
  ankiGuid: z.string().nullable(),
});

const CardSchema = z.object({
  factId: z.string(),
  key: z.string(),
  type: z.string(),
  prompt: z.string(),
  answer: z.string(),
  accepted: z.string(),
  distractors: z.string(),
  trueStatement: z.string(),
  falseStatement: z.string().nullable(),
  position: z.number().int(),
  createdAt: date,
});

const DocumentSchema = z.object({
  id: z.string(),
  title: z.string(),
  source: z.string().nullable(),
  language: z.string(),
  publishedAt: nullableDate,
  text: z.string(),
  contentHash: z.string(),
  kind: z.string(),
  importKey: z.string().nullable(),
  createdAt: date,
  facts: z.array(FactSchema),
  cards: z.array(CardSchema),
});

const StateSchema = z.object({
  card: CardRefSchema,
  due: date,
  stability: z.number(),
  difficulty: z.number(),
  elapsedDays: z.number().int(),
  scheduledDays: z.number().int(),
  learningSteps: z.number().int(),
  reps: z.number().int(),
  lapses: z.number().int(),
  state: z.number().int(),
  lastReview: nullableDate,
  introducedAt: nullableDate,
  suspended: z.boolean(),
  leech: z.boolean(),
  buriedUntil: nullableDate,
});

const LogSchema = z.object({
  card: CardRefSchema,
  rating: z.number().int(),
  state: z.number().int(),
  due: date,
  previousDue: date,
  stability: z.number(),
  difficulty: z.number(),
  elapsedDays: z.number().int(),
  lastElapsedDays: z.number().int(),
  scheduledDays: z.number().int(),
  learningSteps: z.number().int(),
  review: date,
  day: z.string(),
  durationMs: z.number().int().nullable(),
  source: z.string(),
  kind: z.string().nullable(),
});

const OverrideSchema = z.object({ card: CardRefSchema, prompt: z.string(), answer: z.string() });

const QuestionSchema = z.object({
  card: CardRefSchema,
  position: z.number().int(),
  type: z.string(),
  prompt: z.string(),
  options: z.string(),
  statement: z.string().nullable(),
  expected: z.string(),
  accepted: z.string(),
  rejected: z.string(),
  given: z.string().nullable(),
  verdict: z.string().nullable(),
  correct: z.boolean().nullable(),
  answeredAt: nullableDate,
  timeMs: z.number().int().nullable(),
});

const QuizSchema = z.object({
  /** The quiz's document (null: all documents), named like a card's document. */
  document: z.object({ library: z.boolean(), document: z.string() }).nullable(),
  types: z.string(),
  mode: z.string(),
  seed: z.string(),
  startedAt: date,
  finishedAt: nullableDate,
  questions: z.array(QuestionSchema),
});

export const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: date,
  settings: SettingsSchema,
  documents: z.array(DocumentSchema),
  states: z.array(StateSchema),
  logs: z.array(LogSchema),
  overrides: z.array(OverrideSchema),
  quizzes: z.array(QuizSchema),
});

export type Backup = z.infer<typeof BackupSchema>;
export type BackupInput = z.input<typeof BackupSchema>;

export class BackupError extends Error {}

/** The backup as the file's bytes (gzip of JSON). */
export function encodeBackup(backup: BackupInput): Uint8Array {
  return gzipSync(new TextEncoder().encode(JSON.stringify(backup)), { level: 6 });
}

/** Reads a backup file. Throws BackupError with a learner-facing message for anything else. */
export function decodeBackup(bytes: Uint8Array, maxJsonBytes = MAX_BACKUP_JSON_BYTES): Backup {
  if (bytes.length > MAX_BACKUP_BYTES) throw new BackupError(`This file is larger than ${MAX_BACKUP_BYTES / 1024 / 1024} MB.`);
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) throw new BackupError("This is not a Recall backup: choose the .json.gz file made by “Download a full backup”.");
  // The gzip trailer states the uncompressed size (mod 2^32): refuse a bomb before inflating it.
  const declared = (bytes[bytes.length - 4]! | (bytes[bytes.length - 3]! << 8) | (bytes[bytes.length - 2]! << 16) | (bytes[bytes.length - 1]! << 24)) >>> 0;
  if (declared > maxJsonBytes) throw new BackupError(`This backup unpacks to more than ${Math.round(maxJsonBytes / 1024 / 1024)} MB.`);
  let json: unknown;
  try {
    const raw = gunzipSync(bytes, { out: new Uint8Array(declared) });
    json = JSON.parse(new TextDecoder().decode(raw));
  } catch {
    throw new BackupError("This backup is damaged: it cannot be unpacked or read.");
  }
  const format = (json as { format?: unknown } | null)?.format;
  const version = (json as { version?: unknown } | null)?.version;
  if (format !== BACKUP_FORMAT) throw new BackupError("This is not a Recall backup.");
  if (version !== BACKUP_VERSION) throw new BackupError(`This backup is version ${String(version)}; this Recall reads version ${BACKUP_VERSION}.`);
  const parsed = BackupSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BackupError(`This backup is damaged (${issue.path.join(".")}: ${issue.message}).`);
  }
  return parsed.data;
}
