import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { getUserSummary, type UserSummary } from "./users";

/** The signed-in user (checked against the database), or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<UserSummary | null> => {
  const session = await auth();
  const id = session?.user?.id;
  return id ? getUserSummary(id) : null;
});

/** The signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<UserSummary> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return user;
}
