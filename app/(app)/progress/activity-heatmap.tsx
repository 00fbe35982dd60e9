import type { Heatmap } from "@/lib/progress/heatmap";

const LEVEL = ["bg-slate-200", "bg-green-200", "bg-green-400", "bg-green-600", "bg-green-800"];

/** A calendar of reviews per day over the last year; each day is focusable and names its count. */
export function ActivityHeatmap({ heatmap }: { heatmap: Heatmap }) {
  return (
    <div className="mt-3 overflow-x-auto">
      <div className="flex gap-[3px]" role="list" aria-label="Reviews per day over the last year">
        {heatmap.weeks.map((week, w) => (
          <div key={w} className="flex flex-col gap-[3px]">
            {week.map((cell, d) =>
              cell ? (
                <span
                  key={d}
                  role="listitem"
                  tabIndex={0}
                  title={`${cell.day}: ${cell.count} review${cell.count === 1 ? "" : "s"}`}
                  aria-label={`${cell.day}: ${cell.count} review${cell.count === 1 ? "" : "s"}`}
                  data-day={cell.day}
                  data-count={cell.count}
                  className={`block h-3 w-3 rounded-sm ${LEVEL[cell.level]}`}
                />
              ) : (
                <span key={d} aria-hidden="true" className="block h-3 w-3" />
              ),
            )}
          </div>
        ))}
      </div>
      <p className="mt-2 text-xs text-slate-600">Busiest day: {heatmap.max} reviews. Hover or focus a day to see its count.</p>
    </div>
  );
}
