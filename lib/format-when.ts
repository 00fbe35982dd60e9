import { formatInterval } from "@/lib/srs/format-interval";

/** "in 10m", "in 3d", or "now" — for telling a learner when their next card comes. */
export function formatWhen(when: Date, now: Date): string {
  const ms = when.getTime() - now.getTime();
  return ms <= 0 ? "now" : `in ${formatInterval(ms)}`;
}
