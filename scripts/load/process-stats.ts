// CPU time and resident memory of a server's processes, read from Linux's
// /proc (bench:load, bench:floor, bench:profile). A server started by the
// harness is a process group: the tsx wrapper, the start script, the serving
// node process or, with RECALL_WORKERS=N, the cluster's primary and its N
// workers (and esbuild's helper); all of them are counted for CPU, each for memory.
import fs from "node:fs";

export interface GroupSample {
  /** User + system CPU time of every process in the group (ms). */
  cpuMs: number;
  /** Resident memory of the group's largest process, the one serving (MiB). */
  servingRssMiB: number;
  /** Resident memory of each cluster worker of the group (RECALL_WORKERS > 1: a process whose environment has NODE_UNIQUE_ID), largest first (MiB). */
  workerRssMiB: number[];
  /** Resident memory of every process of the group together (MiB; pages shared between processes counted in each). */
  allRssMiB: number;
}

const TICKS_PER_S = 100; // USER_HZ: 100 on every Linux this runs on (sysconf(_SC_CLK_TCK))

/** Samples the process group `pgid`; throws off Linux (no /proc). */
export function sampleGroup(pgid: number): GroupSample {
  let cpuTicks = 0;
  let rssPages = 0;
  let allPages = 0;
  const workerPages: number[] = [];
  for (const f of groupStats(pgid)) {
    cpuTicks += Number(f[11]) + Number(f[12]);
    const pages = Number(f[21]);
    rssPages = Math.max(rssPages, pages);
    allPages += pages;
    if (isClusterWorker(f.pid)) workerPages.push(pages);
  }
  const mib = (pages: number) => (pages * 4096) / 1024 / 1024;
  return { cpuMs: (cpuTicks * 1000) / TICKS_PER_S, servingRssMiB: mib(rssPages), workerRssMiB: workerPages.map(mib).sort((a, b) => b - a), allRssMiB: mib(allPages) };
}

/** The pid of the group's largest process (by resident memory): the one serving (with RECALL_WORKERS > 1, one of the workers). */
export function servingPid(pgid: number): number {
  let best = { pid: 0, rss: -1 };
  for (const f of groupStats(pgid)) if (Number(f[21]) > best.rss) best = { pid: Number(f.pid), rss: Number(f[21]) };
  if (!best.pid) throw new Error(`no process in group ${pgid}`);
  return best.pid;
}

/** /proc/<pid>/stat of every process in the group, as fields from field 3 (state) on, with the pid. */
function groupStats(pgid: number): (string[] & { pid: string })[] {
  const out: (string[] & { pid: string })[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // Fields after the command name (which may hold spaces) start after the last ")".
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // f[0] is field 3 (state): pgrp is field 5, utime 14, stime 15, rss 24.
    if (Number(f[2]) !== pgid) continue;
    out.push(Object.assign(f, { pid: entry }));
  }
  return out;
}

/** True for a node:cluster worker: Node sets NODE_UNIQUE_ID in the environment of the processes cluster.fork() starts. */
function isClusterWorker(pid: string): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").some((v) => v.startsWith("NODE_UNIQUE_ID="));
  } catch {
    return false;
  }
}
