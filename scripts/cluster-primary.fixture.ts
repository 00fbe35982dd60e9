// A stand-in for scripts/serve.ts in scripts/cluster-primary.test.ts: the
// primary from cluster-primary.ts, and workers that answer with their pid
// (GET /slow after 1.5 s) and drain on SIGTERM as serve.ts's do.
import cluster from "node:cluster";
import http from "node:http";
import { runPrimary } from "./cluster-primary";

const port = Number(process.env.PORT);
if (cluster.isPrimary) {
  runPrimary({ workers: 2, drainMs: 10_000 });
} else {
  const server = http.createServer((req, res) => {
    const answer = () => res.end(String(process.pid));
    if (req.url === "/slow") {
      console.log(`slow request in ${process.pid}`);
      setTimeout(answer, 1_500);
    }
    else answer();
  });
  server.listen(port, () => console.log(`listening ${process.pid}`));
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}
