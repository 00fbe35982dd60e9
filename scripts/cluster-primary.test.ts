// The cluster primary of RECALL_WORKERS (scripts/cluster-primary.ts), driven
// in a real process tree: two workers share one port, a worker that dies is
// replaced, SIGTERM lets a request in flight finish and then ends every process.
import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const PORT = 3105; // this worktree's own port (not an app port any suite uses)

/** GET on a new connection (no keep-alive: the primary hands each connection to a worker in turn). */
function get(pathname: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port: PORT, path: pathname, agent: false }, (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until<T>(what: string, f: () => T | undefined | Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("RECALL_WORKERS: the cluster primary", () => {
  it("two workers share the port, a dead worker is replaced, and SIGTERM drains the requests in flight before everything exits", async () => {
    const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/cluster-primary.fixture.ts"], {
      cwd: root,
      env: { ...process.env, PORT: String(PORT) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout!.on("data", (d) => (out += d));
    child.stderr!.on("data", (d) => (out += d));
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    const workers = () => [...out.matchAll(/listening (\d+)/g)].map((m) => Number(m[1]));
    try {
      const [a, b] = await until("two workers", () => (workers().length >= 2 ? workers() : undefined));
      const seen = new Set<number>();
      for (let i = 0; i < 20 && seen.size < 2; i++) seen.add(Number((await get("/")).body));
      expect(seen).toEqual(new Set([a, b]));

      process.kill(a, "SIGKILL");
      const c = await until("a replacement", () => workers().find((p) => p !== a && p !== b));
      expect(out).toMatch(new RegExp(`pid ${a}\\) exited \\(SIGKILL\\); starting another`));
      const after = new Set<number>();
      for (let i = 0; i < 20 && after.size < 2; i++) after.add(Number((await get("/")).body));
      expect(after).toEqual(new Set([b, c]));

      const slow = get("/slow");
      await until("the slow request in a worker's hands", () => (out.includes("slow request in") ? true : undefined));
      child.kill("SIGTERM");
      expect((await slow).status).toBe(200);
      expect(await exited).toBe(0);
      expect([b, c].filter(alive)).toEqual([]);
    } finally {
      child.kill("SIGKILL");
    }
  }, 90_000);
});
