"use client";

import { useState } from "react";
import { addDays } from "@/lib/progress/calendar-day";
import type { Heatmap, HeatmapCell } from "@/lib/progress/heatmap";

// Arrow keys move by a day (up/down: the column is a week) or a week (left/right: the row runs in time).
const STEP: Record<string, number> = { ArrowUp: -1, ArrowDown: 1, ArrowLeft: -7, ArrowRight: 7 };

const LEVEL = ["bg-slate-200", "bg-green-200", "bg-green-400", "bg-green-600", "bg-green-800"];

const describe = (cell: HeatmapCell) => `${cell.day}: ${cell.count} review${cell.count === 1 ? "" : "s"}`;

/**
 * A calendar of reviews per day over the last year. The newest week comes
 * first in the markup and the row is laid out right to left (flex-row-reverse),
 * so the calendar reads oldest → newest yet a narrow screen opens on today and
 * scrolls back in time. Tapping, clicking or focusing a day shows its count.
 * One Tab stop for the whole calendar (today, or the day picked); the arrow
 * keys move between days, Home and End go to the first and last day.
 */
export function ActivityHeatmap({ heatmap }: { heatmap: Heatmap }) {
  const [picked, setPicked] = useState<HeatmapCell | null>(null);
  const newestFirst = [...heatmap.weeks].reverse();
  const days = heatmap.weeks.flat().filter((c): c is HeatmapCell => c !== null);
  const tabStop = picked?.day ?? days[days.length - 1]?.day;

  function onKeyDown(e: React.KeyboardEvent<HTMLDivElement>) {
    const from = (e.target as HTMLElement).dataset.day;
    if (!from) return;
    const to = e.key === "Home" ? days[0]?.day : e.key === "End" ? days[days.length - 1]?.day : STEP[e.key] ? addDays(from, STEP[e.key]) : null;
    const cell = to ? e.currentTarget.querySelector<HTMLButtonElement>(`[data-day="${to}"]`) : null;
    if (!to) return;
    e.preventDefault();
    cell?.focus();
  }
  return (
    <div className="mt-3">
      {/* The scroll container is the row-reverse flex box itself: its scroll origin is then its right end (today). */}
      <div className="flex flex-row-reverse gap-[3px] overflow-x-auto pb-1" role="group" aria-label="Reviews per day over the last year, newest week first" data-testid="heatmap-scroller" onKeyDown={onKeyDown}>
        {newestFirst.map((week) => (
          <div key={week.find((c) => c)?.day} className="flex flex-none flex-col gap-[3px]">
            {week.map((cell, d) =>
              cell ? (
                <button
                  key={d}
                  type="button"
                  aria-label={describe(cell)}
                  aria-pressed={picked?.day === cell.day}
                  tabIndex={cell.day === tabStop ? 0 : -1}
                  data-day={cell.day}
                  data-count={cell.count}
                  onClick={() => setPicked(cell)}
                  onFocus={() => setPicked(cell)}
                  className={`block h-3.5 w-3.5 rounded-sm ${LEVEL[cell.level]} aria-pressed:ring-2 aria-pressed:ring-slate-900`}
                />
              ) : (
                <span key={d} aria-hidden="true" className="block h-3.5 w-3.5" />
              ),
            )}
          </div>
        ))}
      </div>
      <p className="mt-2 text-sm text-slate-700" aria-live="polite" data-testid="heatmap-day">
        {picked ? describe(picked) : "Tap or select a day to see its count."}
      </p>
      <p className="text-xs text-slate-600">Busiest day: {heatmap.max} reviews.</p>
    </div>
  );
}
