// Anki package → import plan (pure: bytes in, rows out). See package.ts,
// collection.ts, render.ts, replay.ts, convert.ts.
import type { SchedulerSettings } from "../srs/settings";
import { AnkiImportError } from "./errors";
import { isLegacyStub, readCollection } from "./collection";
import { DEFAULT_LIMITS, openPackage, type PackageLimits } from "./package";
import { planImport, type ImportPlan } from "./convert";
import { makeScheduler } from "./replay";

export { AnkiImportError } from "./errors";
export type { ImportPlan, ImportSummary } from "./convert";
export { MAX_PACKAGE_BYTES, MAX_COLLECTION_BYTES, MAX_NOTES } from "./limits";
import { MAX_NOTES } from "./limits";

export interface BuildOptions {
  settings: SchedulerSettings & { timeZone: string; dayStartHour: number };
  knownGuids: ReadonlySet<string>;
  now: Date;
  buriedUntil: Date;
  onProgress?: (phase: "reading" | "converting", fraction: number) => void;
  /** Size limits (tests use small ones); the defaults otherwise. */
  limits?: PackageLimits;
}

/**
 * Reads an Anki package and plans its import for one learner. The newest
 * collection in the package is read; when it is only the "Please update to
 * the latest Anki version" stub and nothing newer is inside, the package is
 * refused with that explanation. Throws AnkiImportError for every bad input.
 */
export function buildImportPlan(bytes: Uint8Array, opts: BuildOptions): ImportPlan {
  opts.onProgress?.("reading", 0);
  const pkg = openPackage(bytes, opts.limits ?? DEFAULT_LIMITS);
  if (pkg.fallbacks.length === 0 && pkg.entry === "collection.anki2" && isLegacyStub(pkg.sqlite))
    throw new AnkiImportError("no-collection", "This package only holds Anki's \"Please update to the latest Anki version\" placeholder, without the collection it stands for: export it again from Anki.");
  const col = readCollection(pkg.sqlite);
  if (col.notes.length > MAX_NOTES)
    throw new AnkiImportError("too-large", `This collection has ${col.notes.length.toLocaleString("en-US")} notes; Recall imports up to ${MAX_NOTES.toLocaleString("en-US")} at a time.`);
  if (col.notes.length === 0) throw new AnkiImportError("empty", "This Anki package has no notes to import.");
  opts.onProgress?.("converting", 0);
  return planImport(col, {
    scheduler: makeScheduler(opts.settings),
    settings: opts.settings,
    knownGuids: opts.knownGuids,
    timeZone: opts.settings.timeZone,
    dayStartHour: opts.settings.dayStartHour,
    now: opts.now,
    buriedUntil: opts.buriedUntil,
    mediaFiles: pkg.mediaFiles,
    onProgress: (f) => opts.onProgress?.("converting", f),
  });
}
