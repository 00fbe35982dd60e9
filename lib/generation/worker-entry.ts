// Runs the card generator off the main thread (see generate-off-thread.ts).
import { parentPort } from "node:worker_threads";
import { generate } from "../extract";

parentPort?.on("message", (msg: { id: number; text: string; publishedAt: string | null }) => {
  try {
    parentPort!.postMessage({ id: msg.id, result: generate(msg.text, { publishedAt: msg.publishedAt }) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) });
  }
});
