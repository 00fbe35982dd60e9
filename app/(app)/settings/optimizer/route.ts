import { json } from "@/lib/api-request";
import { getCurrentUser } from "@/lib/dal/session";
import { getOptimizerJob } from "@/lib/dal/optimizer-runs";

// Polled by the settings page while the signed-in user's optimizer runs: only
// ever that user's own run (the row is read by the session's user id), wherever
// it was started.
export async function GET(): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return json({ error: "Sign in first." }, 401);
  return json({ job: await getOptimizerJob(user.id) });
}
