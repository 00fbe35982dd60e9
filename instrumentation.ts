// Next calls register() once when a server starts: the configuration is
// validated there too, so `next start` run on its own (a second instance, the
// load tests) refuses a bad variable at start-up, as `npm start` does.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { serverEnv } = await import("./lib/env");
  serverEnv();
}
