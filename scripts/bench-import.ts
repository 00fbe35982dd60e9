// npm run bench:import — how long a 200,000-character document stalls the
// server's event loop (what other users' requests would wait) when its cards
// are generated inline vs on the worker thread. Last line: `stall_ms_worker: X`.
import fs from "node:fs";
import path from "node:path";
import { generate } from "../lib/extract";
import { generateOffThread } from "../lib/generation/generate-off-thread";

const dir = path.join(__dirname, "..", "tests", "fixtures", "documents");
const base = fs.readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((f) => fs.readFileSync(path.join(dir, f), "utf8")).join("\n\n");
let text = "";
while (text.length < 200_000) text += base + "\n\n";
text = text.slice(0, 200_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The longest gap between ticks of a 2 ms timer while `run` works: how long a request would have waited. */
async function maxStall(run: () => Promise<unknown>): Promise<{ stall: number; total: number }> {
  let last = performance.now();
  let stall = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 2);
  await sleep(20);
  const t = performance.now();
  await sleep(0).then(run);
  const total = performance.now() - t;
  await sleep(20);
  clearInterval(ticker);
  return { stall, total };
}

async function main() {
  await generateOffThread(text, null); // warm the worker and the generator
  generate(text);
  const inline = await maxStall(async () => generate(text));
  const worker = await maxStall(() => generateOffThread(text, null));
  console.log(`document: ${text.length} characters, ${text.split(/\s+/).length} words`);
  console.log(`inline: generation ${inline.total.toFixed(0)} ms, longest event-loop stall ${inline.stall.toFixed(0)} ms`);
  console.log(`worker: generation ${worker.total.toFixed(0)} ms, longest event-loop stall ${worker.stall.toFixed(0)} ms`);
  console.log(`stall_ms_inline: ${inline.stall.toFixed(0)}`);
  console.log(`stall_ms_worker: ${worker.stall.toFixed(0)}`);
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
