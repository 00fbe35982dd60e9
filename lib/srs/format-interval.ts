const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A short human interval as shown on a grade button: "<1m", "10m", "3h", "4d", "2.5mo", "1.2y". */
export function formatInterval(ms: number): string {
  if (ms < MINUTE) return "<1m";
  if (ms < HOUR) return `${Math.round(ms / MINUTE)}m`;
  if (ms < DAY) return `${Math.round(ms / HOUR)}h`;
  const days = ms / DAY;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${trim(days / 30)}mo`;
  return `${trim(days / 365)}y`;
}

function trim(n: number): string {
  return n >= 10 ? String(Math.round(n)) : n.toFixed(1).replace(/\.0$/, "");
}

/**
 * The label on a grade button: a review outcome in whole local days ("3d",
 * from `days`, so the label does not depend on the hour it is read at), a
 * learning step in minutes or hours from `intervalMs`.
 */
export function formatPreviewInterval(p: { days: number | null; intervalMs: number }): string {
  return formatInterval(p.days !== null ? p.days * DAY : p.intervalMs);
}
