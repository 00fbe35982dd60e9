import path from "node:path";
import { Worker } from "node:worker_threads";
import { AnkiImportError, type AnkiImportProblem } from "./errors";
import type { BuildOptions } from "./index";
import type { ImportPlan } from "./convert";

// Unpacking, reading and converting a collection, and replaying every card's
// history with ts-fsrs, is synchronous CPU work (about a second for the
// 6,779-review fixture, far more for a 50,000-note deck): a worker thread does
// it so the server's other requests are not held up. One long-lived worker,
// started on first use and unref'd while idle, loads the TypeScript through
// tsx's CommonJS hook, as lib/generation does (docs/decisions/011); starting
// it costs about a second, so it is kept. A crash rejects what is pending and
// the next import starts a new one.

export type PlanProgress = { phase: "reading" | "converting"; fraction: number };

type Pending = { resolve: (p: ImportPlan) => void; reject: (e: Error) => void; onProgress?: (p: PlanProgress) => void };
type Message = { id: number; progress?: PlanProgress; plan?: ImportPlan; error?: string; problem?: AnkiImportProblem | null };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function getWorker(): Worker {
  if (worker) return worker;
  const entry = path.join(process.cwd(), "lib", "anki", "worker-entry.ts");
  const w = new Worker(`require("tsx/cjs"); require(${JSON.stringify(entry)});`, { eval: true });
  w.on("message", (m: Message) => {
    const p = pending.get(m.id);
    if (!p) return;
    if (m.progress) return p.onProgress?.(m.progress);
    pending.delete(m.id);
    if (pending.size === 0) w.unref();
    if (m.plan) p.resolve(m.plan);
    else p.reject(m.problem ? new AnkiImportError(m.problem, m.error ?? "") : new Error(m.error));
  });
  w.on("error", (e) => fail(w, e));
  w.on("exit", (code) => fail(w, new Error(`the import worker stopped (exit code ${code})`)));
  w.unref();
  worker = w;
  return w;
}

function fail(w: Worker, e: Error): void {
  if (worker === w) worker = null;
  for (const p of pending.values()) p.reject(e);
  pending.clear();
}

/** buildImportPlan on the worker thread; the bytes are transferred, not copied (the caller's array is emptied). */
export function planOffThread(bytes: Uint8Array, opts: Omit<BuildOptions, "onProgress">, onProgress?: (p: PlanProgress) => void): Promise<ImportPlan> {
  return new Promise<ImportPlan>((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject, onProgress });
    try {
      const w = getWorker();
      w.ref();
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
      w.postMessage({ id, bytes: own, opts: { ...opts, knownGuids: [...opts.knownGuids] } }, [own.buffer as ArrayBuffer]);
    } catch (e) {
      pending.delete(id);
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
