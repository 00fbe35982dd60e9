import path from "node:path";
import { Worker } from "node:worker_threads";
import { AnkiImportError, type AnkiImportProblem } from "./errors";
import type { BuildOptions } from "./index";
import type { ImportPlan } from "./convert";

// Unpacking, reading and converting a collection, and replaying every card's
// history with ts-fsrs, is synchronous CPU work (about a second for the
// 6,779-review fixture, far more for a 50,000-note deck): one worker thread per
// import does it so the server's other requests are not held up. The worker
// loads the TypeScript through tsx's CommonJS hook, as lib/generation does
// (docs/decisions/011).

export type PlanProgress = { phase: "reading" | "converting"; fraction: number };

/** buildImportPlan on a worker thread; the bytes are transferred, not copied. */
export function planOffThread(
  bytes: Uint8Array,
  opts: Omit<BuildOptions, "onProgress">,
  onProgress?: (p: PlanProgress) => void,
): Promise<ImportPlan> {
  const entry = path.join(process.cwd(), "lib", "anki", "worker-entry.ts");
  const worker = new Worker(`require("tsx/cjs"); require(${JSON.stringify(entry)});`, { eval: true });
  return new Promise<ImportPlan>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on("message", (m: { progress?: PlanProgress; plan?: ImportPlan; error?: string; problem?: AnkiImportProblem | null }) => {
      if (m.progress) onProgress?.(m.progress);
      else if (m.plan) finish(() => resolve(m.plan!));
      else if (m.error !== undefined) finish(() => reject(m.problem ? new AnkiImportError(m.problem, m.error!) : new Error(m.error)));
    });
    worker.on("error", (e) => finish(() => reject(e)));
    worker.on("exit", (code) => finish(() => reject(new Error(`the import worker stopped (exit code ${code})`))));
    const copy = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    worker.postMessage({ id: 1, bytes: copy, opts: { ...opts, knownGuids: [...opts.knownGuids] } }, [copy.buffer as ArrayBuffer]);
  });
}
