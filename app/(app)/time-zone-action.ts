"use server";

import { z } from "zod";
import { requireUser } from "@/lib/dal/session";
import { updateTimeZone } from "@/lib/dal/users";
import { isValidTimeZone } from "@/lib/progress/local-day";

const TimeZone = z.string().max(64).refine(isValidTimeZone);

export async function updateTimeZoneAction(timeZone: unknown): Promise<void> {
  const user = await requireUser("/");
  const parsed = TimeZone.safeParse(timeZone);
  if (parsed.success) await updateTimeZone(user.id, parsed.data);
}
