// The child of tests/support/other-process.ts: calls one DAL function on
// DATABASE_URL and prints its result as JSON on the last line of stdout.
import { getAnkiImportJob, latestAnkiImportJob } from "@/lib/dal/anki-import";
import { isSessionLive, revokeSession } from "@/lib/dal/session-check";
import { db } from "@/lib/db";

const calls: Record<string, (...args: never[]) => Promise<unknown>> = {
  getAnkiImportJob: (userId: string, jobId: string) => getAnkiImportJob(userId, jobId),
  latestAnkiImportJob: (userId: string) => latestAnkiImportJob(userId),
  isSessionLive: (claims: { sub: string; sid: string; sv: number }) => isSessionLive(claims),
  revokeSession: async (claims: { sub: string; sid: string; sv: number }, expiresAt: string) => {
    await revokeSession(claims, new Date(expiresAt));
    return null;
  },
};

async function main() {
  const [name, args] = [process.argv[2], JSON.parse(process.argv[3] ?? "[]") as never[]];
  const call = calls[name];
  if (!call) throw new Error(`unknown call ${name}`);
  const result = await call(...args);
  await db.$disconnect();
  console.log(JSON.stringify(result ?? null));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
