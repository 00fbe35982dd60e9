// Serves the built app (or the dev server with --dev) on PORT, like `next
// start`, and tells the app each request's client address (lib/client-address.ts):
// Next gives route handlers and server actions no socket, and the address is
// what per-address sign-in and sign-up limits count (docs/decisions/021).
// Run by scripts/start.ts; listens on every interface, like `next start`.
//
// RECALL_WORKERS=N (or auto: one per core) runs N such servers with
// node:cluster, sharing PORT: this process becomes the primary
// (scripts/cluster-primary.ts), which forks the workers, replaces one that
// dies and on SIGTERM/SIGINT has every worker finish its requests before it exits. The database is migrated
// and the library imported once, by scripts/start.ts, before this starts.
// What several processes share and what each keeps: docs/decisions/012.
import cluster from "node:cluster";
import { randomBytes } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { CLIENT_ADDRESS_HEADER_ENV, clientAddressOf, trustedProxyHops } from "../lib/client-address";
import { serverEnv } from "../lib/env";
import { workerCount } from "../lib/workers";
import { runPrimary } from "./cluster-primary";
import { reviewFastPath } from "./review-fast-path";

const dev = process.argv.includes("--dev");

/**
 * Server actions' body limit, from next.config.js. Next refuses a larger body
 * only once it has read past the limit, and then answers 500 (a known gap in
 * its action handler); a Content-Length over the limit is refused here with
 * 413 before anything is read.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const actionLimit: string = require("../next.config.js").experimental?.serverActions?.bodySizeLimit ?? "1mb";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const actionMaxBytes: number = (require("next/dist/compiled/bytes") as { parse(v: string): number }).parse(actionLimit);
const port = Number(process.env.PORT ?? 3000);
const workers = workerCount(serverEnv().RECALL_WORKERS, { dev });
/** How long a stopping server waits for the requests in flight (ms). */
const DRAIN_MS = 10_000;

async function main() {
  // tsx (which runs this file) turns Node's source maps on; `next start` runs
  // without them. On, Node reads and keeps the map of every module it loads —
  // each chunk of the built app and of Next — which held tens of MiB of the
  // serving process (decision 012). Off before Next loads anything: errors
  // are logged with the built files' positions, as under `next start`.
  if (!dev) process.setSourceMapsEnabled(false);
  const hops = trustedProxyHops();
  // Random per process: a client cannot name the header, so only this server sets it.
  const header = `x-recall-client-${randomBytes(8).toString("hex")}`;
  process.env[CLIENT_ADDRESS_HEADER_ENV] = header;

  // Loaded here, not at the top: the cluster's primary serves nothing and stays small.
  const { default: next } = await import("next");
  const server = http.createServer();
  const app = next({ dev, dir: path.resolve(__dirname, ".."), port, hostname: "localhost", httpServer: server });
  await app.prepare();
  const handle = app.getRequestHandler();
  // The two requests of every reviewed card skip Next's pipeline (same handlers: scripts/review-fast-path.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fastPath = dev ? null : await reviewFastPath(path.resolve(__dirname, ".."), require("../next.config.js"), (m) => console.log(`[recall] ${m}`));
  server.on("request", (req, res) => {
    const address = clientAddressOf(req, hops);
    delete req.headers[header];
    if (address) req.headers[header] = address;
    if (req.method === "POST" && req.headers["next-action"] && Number(req.headers["content-length"] ?? 0) > actionMaxBytes) {
      res.writeHead(413, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
      res.end(`The request is too large (at most ${actionLimit.toUpperCase().replace("MB", " MB")}).`);
      req.resume(); // read the rest and drop it, so the client gets the answer instead of a broken pipe
      return;
    }
    if (fastPath?.(req, res)) return;
    void handle(req, res);
  });
  server.listen(port, () => {
    const who = cluster.isWorker ? `worker ${cluster.worker!.id} (pid ${process.pid}) ` : "";
    console.log(`[recall] ${who}listening on port ${port}${hops ? ` (trusting ${hops} proxy hop${hops === 1 ? "" : "s"} in X-Forwarded-For)` : ""}`);
  });
  // Finish the requests in flight, then exit; give up on them after DRAIN_MS.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), DRAIN_MS).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

if (workers > 1 && cluster.isPrimary) {
  console.log(`[recall] starting ${workers} worker processes on port ${port}`);
  runPrimary({ workers, drainMs: DRAIN_MS });
} else {
  main().catch((e) => {
    console.error(`[recall] serve failed: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  });
}
