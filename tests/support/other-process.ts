// Runs one of Recall's DAL functions in a separate Node process on the test's
// database (DATABASE_URL), as another process of a multi-process server
// (RECALL_WORKERS, docs/decisions/012) would, and returns its JSON result.
// The child is tests/support/other-process-main.ts.
import { execFile } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");

/** What `call` (one of the names other-process-main.ts knows) returned in a fresh process, parsed from JSON. */
export function inOtherProcess<T>(call: string, args: unknown[]): Promise<T> {
  return new Promise((resolve, reject) => {
    execFile(
      path.join(root, "node_modules", ".bin", "tsx"),
      ["--conditions=react-server", path.join(root, "tests", "support", "other-process-main.ts"), call, JSON.stringify(args)],
      { cwd: root, env: process.env, timeout: 60_000 },
      (err, stdout, stderr) => {
        if (err) return reject(new Error(`${call} in another process failed: ${err.message}\n${stderr}`));
        const last = stdout.trim().split("\n").pop() ?? "";
        resolve(JSON.parse(last) as T);
      },
    );
  });
}
