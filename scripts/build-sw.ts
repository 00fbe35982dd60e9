// Bundles the service worker (lib/offline/sw.ts, with Serwist) into
// public/sw.js. Run by scripts/start.ts before `next build`, and by `npm run build`.
import { buildSync } from "esbuild";
import path from "node:path";

const root = path.join(__dirname, "..");

export function buildServiceWorker(): void {
  buildSync({
    entryPoints: [path.join(root, "lib/offline/sw.ts")],
    outfile: path.join(root, "public/sw.js"),
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2020",
    define: { "process.env.NODE_ENV": '"production"' },
    alias: { "@": root },
    logLevel: "warning",
  });
}

if (require.main === module) {
  buildServiceWorker();
  console.log("[recall] service worker written to public/sw.js");
}
