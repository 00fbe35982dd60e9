// Summarises a V8 CPU profile (`node --cpu-prof`, a .cpuprofile file) by
// package and by file, self time only: what bench:profile prints. Code that
// Next bundled into .next/ is traced back to its source file through the
// chunk's source map when there is one (node:module's SourceMap), so
// next-auth, zod or Recall's own lib/ code bundled into a route still shows
// under its own name. Usage on a saved profile:
//   npx tsx scripts/load/profile-summary.ts data/profiles/…/CPU.….cpuprofile
import fs from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Summary {
  /** Sampled time not idle (ms). */
  busyMs: number;
  /** Idle time (ms). */
  idleMs: number;
  /** Busy time with any of Recall's own functions on the stack (ms): the app's work, inclusive of what it calls. */
  inRecallMs: number;
  /** Self time by group (package, "recall", "gc", "node", "(program)"), ms, largest first. */
  groups: [string, number][];
  /** Self time by source file (or pseudo-frame), ms, largest first. */
  files: [string, number][];
  /** Self time by function (group: file: name), ms, largest first. */
  functions: [string, number][];
}

const maps = new Map<string, SourceMap | null>();

function sourceMapOf(file: string): SourceMap | null {
  if (maps.has(file)) return maps.get(file)!;
  let map: SourceMap | null = null;
  try {
    map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, "utf8")));
  } catch {
    map = null; // no map: the bundled file's own name is all there is
  }
  maps.set(file, map);
  return map;
}

/** Where a frame's code came from: a source path (project-relative or inside node_modules) or a pseudo-frame. */
function sourceOf(frame: CallFrame, root: string): string {
  const { url, functionName } = frame;
  if (!url) return functionName || "(anonymous native)";
  if (url.startsWith("node:")) return url;
  let file = url.startsWith("file://") ? fileURLToPath(url) : url;
  if (file.includes(`${path.sep}.next${path.sep}`)) {
    const map = sourceMapOf(file);
    const entry = map?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string } | undefined;
    // Sources are named relative to the map's own directory (or with a scheme).
    if (entry?.originalSource) file = /^[a-z]+:/.test(entry.originalSource) ? entry.originalSource : path.resolve(path.dirname(file), entry.originalSource);
  }
  file = file.replace(/^turbopack:\/\/\/?/, "").replace(/^\[project\]\//, "").replace(/^webpack:\/\/[^/]*\//, "");
  return file.startsWith(root) ? path.relative(root, file) : file;
}

/** The package a source belongs to (the last node_modules/ segment), "recall" for the project's own files, or the pseudo-frame's kind. */
function groupOf(source: string): string {
  if (source === "(garbage collector)") return "gc";
  if (source.startsWith("(")) return source;
  if (source.startsWith("node:")) return "node";
  const i = source.lastIndexOf("node_modules/");
  if (i >= 0) {
    const rest = source.slice(i + "node_modules/".length).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (source.includes("/.next/") || source.startsWith(".next/")) return "next (bundled, no source map)";
  return "recall";
}

function sortDesc(m: Map<string, number>): [string, number][] {
  return [...m.entries()].sort((a, b) => b[1] - a[1]);
}

/**
 * Self time of every sample, grouped; `root` is the project directory (for
 * relative paths). A native function (no script: SQLite's statement.all, a
 * socket write) is charged to the package of its nearest JavaScript caller,
 * as "<package> (native)", and listed by file as "(native) <name> from <caller's file>".
 */
export function summarise(profile: CpuProfile, root: string): Summary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const callerSource = (id: number): string | null => {
    for (let p = parent.get(id); p !== undefined; p = parent.get(p)) {
      const f = byId.get(p)!.callFrame;
      if (f.url) return sourceOf(f, root);
    }
    return null;
  };
  const selfUs = new Map<number, number>();
  // timeDeltas[i] is the time since the previous sample; charge it to sample i.
  for (let i = 0; i < profile.samples.length; i++) selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + Math.max(0, profile.timeDeltas[i] ?? 0));
  const groups = new Map<string, number>();
  const files = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  let inRecall = 0;
  const profilerOwn = new Map<number, boolean>();
  const isProfilerOwn = (id: number): boolean => {
    let v = profilerOwn.get(id);
    if (v === undefined) {
      const p = parent.get(id);
      v = byId.get(id)!.callFrame.url.endsWith("cpu-profile-preload.cjs") || (p !== undefined && isProfilerOwn(p));
      profilerOwn.set(id, v);
    }
    return v;
  };
  const underRecall = new Map<number, boolean>();
  const isUnderRecall = (id: number): boolean => {
    let v = underRecall.get(id);
    if (v === undefined) {
      const f = byId.get(id)!.callFrame;
      const p = parent.get(id);
      v = (f.url !== "" && groupOf(sourceOf(f, root)) === "recall") || (p !== undefined && isUnderRecall(p));
      underRecall.set(id, v);
    }
    return v;
  };
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    const ms = us / 1000;
    if (frame.functionName === "(idle)") {
      idle += ms;
      continue;
    }
    if (isProfilerOwn(id)) continue; // stopping the profiler (bench:profile's preload): not the server's work
    busy += ms;
    if (isUnderRecall(id)) inRecall += ms;
    let source = sourceOf(frame, root);
    let group = groupOf(source);
    const caller = !frame.url && !frame.functionName.startsWith("(") ? callerSource(id) : null;
    if (caller) {
      group = `${groupOf(caller)} (native)`;
      source = `(native) ${frame.functionName} from ${caller}`;
    }
    groups.set(group, (groups.get(group) ?? 0) + ms);
    files.set(source, (files.get(source) ?? 0) + ms);
    const fn = `${source}: ${frame.functionName || "(anonymous)"}`;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  }
  return { busyMs: busy, idleMs: idle, inRecallMs: inRecall, groups: sortDesc(groups), files: sortDesc(files), functions: sortDesc(functions) };
}

/** Prints the summary: groups, then the top files and functions, as % of busy time. */
export function printSummary(s: Summary, top = 25): void {
  const pct = (ms: number) => `${((100 * ms) / s.busyMs).toFixed(1).padStart(5)}%`;
  console.log(`busy ${(s.busyMs / 1000).toFixed(1)} s, idle ${(s.idleMs / 1000).toFixed(1)} s (self time, % of busy)`);
  console.log(`with Recall's own code on the stack (inclusive): ${pct(s.inRecallMs)}; the rest is the server around it (Next, Node's HTTP, GC)`);
  console.log("\nby package:");
  for (const [g, ms] of s.groups.slice(0, top)) console.log(`  ${pct(ms)}  ${g}`);
  console.log("\nby file:");
  for (const [f, ms] of s.files.slice(0, top)) console.log(`  ${pct(ms)}  ${f}`);
  console.log("\nby function:");
  for (const [f, ms] of s.functions.slice(0, top)) console.log(`  ${pct(ms)}  ${f}`);
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) throw new Error("usage: tsx scripts/load/profile-summary.ts FILE.cpuprofile");
  printSummary(summarise(JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile, path.resolve(__dirname, "..", "..")), Number(process.argv[3] ?? 25));
}
