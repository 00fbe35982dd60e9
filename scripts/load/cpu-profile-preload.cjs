/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file, loaded by node --require */
// Preloaded into a server's processes by bench:profile (NODE_OPTIONS=--require,
// since Node refuses --cpu-prof there). SIGUSR2 starts V8's CPU profiler in
// the process that receives it; the next SIGUSR2 stops it and writes
// RECALL_PROFILE_DIR/<pid>-<n>.cpuprofile. Only the process signalled profiles,
// so the start-up and the warm-up stay out of the profile. Beside the profile
// it writes <pid>-<n>.memory.json (process.memoryUsage() and V8's heap spaces,
// after the profiled run) and, with RECALL_HEAP_SNAPSHOT=1 (bench:profile --heap-snapshot), a heap snapshot.
// A benchmark's tool: nothing in the app loads it.
const fs = require("node:fs");
const path = require("node:path");
const inspector = require("node:inspector");
const v8 = require("node:v8");

const dir = process.env.RECALL_PROFILE_DIR;
if (dir) {
  let session = null;
  let n = 0;
  process.on("SIGUSR2", () => {
    if (!session) {
      session = new inspector.Session();
      session.connect();
      session.post("Profiler.enable");
      session.post("Profiler.setSamplingInterval", { interval: 1000 });
      session.post("Profiler.start");
      return;
    }
    const s = session;
    session = null;
    s.post("Profiler.stop", (err, result) => {
      s.disconnect();
      const base = path.join(dir, `${process.pid}-${++n}`);
      const memory = { usage: process.memoryUsage(), heapSpaces: v8.getHeapSpaceStatistics(), heap: v8.getHeapStatistics() };
      fs.writeFileSync(`${base}.memory.json`, JSON.stringify(memory, null, 1));
      if (process.env.RECALL_HEAP_SNAPSHOT === "1") v8.writeHeapSnapshot(`${base}.heapsnapshot`);
      // Written last: its presence tells bench:profile that everything is there.
      if (!err) fs.writeFileSync(`${base}.cpuprofile`, JSON.stringify(result.profile));
    });
  });
}
