import fs from "node:fs";
import os from "node:os";

// Which process owns a piece of work recorded in the database (an Anki import
// job, lib/dal/anki-import.ts), and whether that process still runs. Several
// processes may serve one database (RECALL_WORKERS, docs/decisions/012): a job
// row names its process so that any of them can tell a job still running from
// one whose process died.

/**
 * The process's start time in clock ticks since boot (field 22 of
 * /proc/<pid>/stat), or null off Linux or when the process does not exist.
 * With the pid it names one process: a pid reused later has another start time.
 */
function startTicks(pid: number | "self"): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) start after the last ")"; field 3 is the first.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

let self: string | undefined;

/** This process as an owner: "host/pid/start" (start is "-" off Linux). */
export function processOwner(): string {
  return (self ??= `${os.hostname()}/${process.pid}/${startTicks("self") ?? "-"}`);
}

/**
 * Whether the owner `owner` (from processOwner, maybe in another process) still
 * runs: "alive" or "gone" when it is a process of this host, "unknown" for
 * another host's (the caller falls back on a heartbeat) or a malformed value.
 */
export function ownerState(owner: string): "alive" | "gone" | "unknown" {
  const [host, pidText, start] = owner.split("/");
  const pid = Number(pidText);
  if (host !== os.hostname() || !Number.isInteger(pid) || pid <= 0 || start === undefined) return "unknown";
  if (start !== "-") {
    const now = startTicks(pid);
    return now === start ? "alive" : now === null && !fs.existsSync("/proc/self/stat") ? "unknown" : "gone";
  }
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return "alive";
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM" ? "alive" : "gone";
  }
}
