import { exportAccountData } from "@/lib/dal/account";
import { getCurrentUser } from "@/lib/dal/session";

/**
 * GET /account/export — "Download my data": everything the signed-in learner
 * owns as one JSON file (lib/dal/account.ts exportAccountData).
 */
export async function GET(): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in first." }, { status: 401, headers: { "Cache-Control": "no-store" } });
  const now = new Date();
  const data = await exportAccountData(user.id, now);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="recall-export-${now.toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
