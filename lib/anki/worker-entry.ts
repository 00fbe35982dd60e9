// Plans an Anki import off the main thread (see plan-off-thread.ts).
import { parentPort } from "node:worker_threads";
import { buildImportPlan, type BuildOptions } from "./index";
import { AnkiImportError } from "./errors";

type Request = { id: number; bytes: Uint8Array; opts: Omit<BuildOptions, "knownGuids" | "onProgress"> & { knownGuids: string[] } };

parentPort?.on("message", (msg: Request) => {
  try {
    const plan = buildImportPlan(msg.bytes, {
      ...msg.opts,
      knownGuids: new Set(msg.opts.knownGuids),
      onProgress: (phase, fraction) => parentPort!.postMessage({ id: msg.id, progress: { phase, fraction } }),
    });
    parentPort!.postMessage({ id: msg.id, plan });
  } catch (e) {
    const problem = e instanceof AnkiImportError ? e.problem : null;
    parentPort!.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e), problem });
  }
});
