// `npm start`: prepares the database and content, makes sure AUTH_SECRET
// exists, builds the app when its sources changed, then serves it on PORT.
import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { root, setup } from "./setup";
import { buildServiceWorker } from "./build-sw";

const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const nextBin = path.join(root, "node_modules", ".bin", "next");
const tsxBin = path.join(root, "node_modules", ".bin", "tsx");

/** AUTH_SECRET from the environment, or one generated once and kept in data/. */
function ensureAuthSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(root, "data", "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret + "\n", { mode: 0o600 });
  console.log("[recall] generated AUTH_SECRET in data/auth-secret");
  return secret;
}

const SERVICE_WORKER = path.join(root, "public", "sw.js");
const BUILD_INPUTS = ["app", "lib", "public", "next.config.js", "postcss.config.mjs", "package-lock.json", "tsconfig.json", "prisma/schema.prisma"];

function sourceHash(): string {
  const h = createHash("sha256");
  const walk = (p: string) => {
    // Outputs of the build itself (the Prisma client, the bundled service worker) are not its inputs.
    if (!fs.existsSync(p) || p.includes(`${path.sep}generated`) || p === SERVICE_WORKER) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const e of fs.readdirSync(p).sort()) walk(path.join(p, e));
    else h.update(path.relative(root, p)).update(fs.readFileSync(p));
  };
  for (const input of BUILD_INPUTS) walk(path.join(root, input));
  return h.digest("hex");
}

function buildIfChanged(): void {
  const stamp = path.join(root, ".next", "recall-source-hash");
  const hash = sourceHash();
  if (fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === hash) {
    console.log("[recall] build is up to date");
    return;
  }
  const t0 = Date.now();
  console.log("[recall] building the app (service worker, next build)…");
  buildServiceWorker();
  const r = spawnSync(nextBin, ["build"], { cwd: root, stdio: "inherit", env: process.env });
  if (r.status !== 0) throw new Error("next build failed");
  fs.writeFileSync(stamp, hash);
  console.log(`[recall] built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/**
 * V8 flags for the production server: a young generation of at most 2 × 8 MiB
 * (Node's default on 64-bit is 2 × 16 MiB, which a busy server keeps
 * committed; a review request's garbage dies young either way). Flags already
 * in NODE_OPTIONS come after, so they win. Measured in decision 012.
 */
function serverNodeOptions(): string {
  return ["--max-semi-space-size=8", process.env.NODE_OPTIONS ?? ""].join(" ").trim();
}

async function main() {
  const t0 = Date.now();
  process.env.AUTH_SECRET = ensureAuthSecret();
  await setup();
  if (!dev) buildIfChanged();
  console.log(`[recall] ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: serving http://localhost:${port}`);
  // Next's own server, started by scripts/serve.ts so that the app learns each client's address.
  const child = spawn(tsxBin, ["scripts/serve.ts", ...(dev ? ["--dev"] : [])], { cwd: root, stdio: "inherit", env: { ...process.env, PORT: port, ...(dev ? {} : { NODE_OPTIONS: serverNodeOptions() }) } });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((e) => {
  console.error(`[recall] start failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
