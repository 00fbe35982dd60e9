"use client";

import { Bar, BarChart, CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// Colours are the theme's CSS variables (app/theme.css), so a chart follows
// the light or dark theme like the rest of the page.
const INK = "var(--color-slate-700)";
const SERIES = "var(--color-blue-700)";
const TARGET = "var(--color-amber-700)";
const GRID = "var(--color-slate-300)";
const TICK = { fontSize: 11, fill: INK };
const TOOLTIP = {
  contentStyle: { background: "var(--color-white)", borderColor: GRID, color: "var(--color-slate-900)" },
  cursor: { fill: "var(--color-slate-100)" },
} as const;

interface Point {
  label: string;
  value: number | null;
  detail?: string;
}

function DataTable({ title, data, unit = "" }: { title: string; data: Point[]; unit?: string }) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-blue-800">Show “{title}” as a table</summary>
      <table className="mt-2 w-full text-left">
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.label}>
              <th scope="row" className="font-normal">
                {d.label}
              </th>
              <td>
                {d.value === null ? "—" : `${d.value}${unit}`}
                {d.detail ? ` (${d.detail})` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export function BarChartWithTable({ title, data, testId }: { title: string; data: Point[]; testId?: string }) {
  return (
    <figure data-testid={testId}>
      <figcaption className="mb-2 text-sm font-medium">{title}</figcaption>
      {/* The chart is for sighted users; the table below carries the same data for everyone. */}
      <div className="h-48" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={GRID} />
            <XAxis dataKey="label" stroke={GRID} tick={TICK} interval="preserveStartEnd" />
            <YAxis allowDecimals={false} width={32} stroke={GRID} tick={TICK} />
            <Tooltip {...TOOLTIP} />
            <Bar dataKey="value" fill={SERIES} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <DataTable title={title} data={data} />
    </figure>
  );
}

export function LineChartWithTable({ title, data, target, unit }: { title: string; data: Point[]; target?: number; unit?: string }) {
  return (
    <figure>
      <figcaption className="mb-2 text-sm font-medium">{title}</figcaption>
      {/* The chart is for sighted users; the table below carries the same data for everyone. */}
      <div className="h-48" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={GRID} />
            <XAxis dataKey="label" stroke={GRID} tick={TICK} interval="preserveStartEnd" />
            <YAxis domain={[0, 100]} width={32} stroke={GRID} tick={TICK} />
            <Tooltip {...TOOLTIP} />
            {target !== undefined && <ReferenceLine y={target} stroke={TARGET} strokeDasharray="4 4" label={{ value: `target ${target}${unit ?? ""}`, fontSize: 11, fill: INK }} />}
            <Line dataKey="value" stroke={SERIES} connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <DataTable title={title} data={data} unit={unit} />
    </figure>
  );
}
