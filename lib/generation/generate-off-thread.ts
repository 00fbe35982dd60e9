import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { generate } from "@/lib/extract";
import type { Generated } from "@/lib/extract/types";

// Generating cards from a 200,000-character document takes over a second of
// CPU; on the server's main thread that would stall every other user's
// requests. One long-lived worker thread does it instead (docs/decisions/011).
// The worker loads the TypeScript generator through tsx, a runtime dependency.

type Pending = { resolve: (g: Generated) => void; reject: (e: Error) => void };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function getWorker(): Worker {
  if (worker) return worker;
  const entry = path.join(process.cwd(), "lib", "generation", "worker-entry.ts");
  // tsx's CommonJS hook compiles the TypeScript generator inside the worker.
  const w = new Worker(`require("tsx/cjs"); require(${JSON.stringify(entry)});`, { eval: true });
  w.on("message", (m: { id: number; result?: Generated; error?: string }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    // An idle worker must not keep the process alive; a busy one must.
    if (pending.size === 0) w.unref();
    if (m.error !== undefined) p?.reject(new Error(m.error));
    else p?.resolve(m.result!);
  });
  w.on("error", (e) => fail(e));
  w.on("exit", () => fail(new Error("the card generator stopped")));
  w.unref();
  worker = w;
  return w;
}

function fail(e: Error): void {
  worker = null;
  for (const p of pending.values()) p.reject(e);
  pending.clear();
}

/** The same result as `generate`, computed on a worker thread. */
export function generateOffThread(text: string, publishedAt: Date | null): Promise<Generated> {
  // Short texts are cheaper to do here than to copy to the worker.
  if (text.length < 20_000) return Promise.resolve(generate(text, { publishedAt }));
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    try {
      const w = getWorker();
      w.ref();
      w.postMessage({ id, text, publishedAt: publishedAt?.toISOString() ?? null });
    } catch (e) {
      pending.delete(id);
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
