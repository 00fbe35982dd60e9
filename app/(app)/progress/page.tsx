import Link from "next/link";
import { requireUser } from "@/lib/dal/session";
import { getProgress } from "@/lib/dal/progress";
import { MASTERY_KINDS } from "@/lib/progress/mastery";
import { ActivityHeatmap } from "./activity-heatmap";
import { BarChartWithTable, LineChartWithTable } from "./charts";

export const metadata = { title: "Progress" };

const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);
const minutes = (ms: number) => (ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`);

export default async function ProgressPage() {
  const user = await requireUser("/progress");
  const p = await getProgress(user.id, new Date());
  const anyReview = p.heatmap.max > 0;
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Progress</h1>

      <section aria-labelledby="today-h" className="card">
        <h2 id="today-h" className="text-lg font-semibold">
          Today
        </h2>
        <dl className="mt-3 grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
          <Stat label="Due now" value={p.today.dueNow} testId="stat-due" />
          <Stat label="Reviewed today" value={p.today.reviewed} testId="stat-reviewed" />
          <Stat label="New cards today" value={p.today.introduced} testId="stat-introduced" />
          <Stat label="Time today" value={minutes(p.today.timeMs)} />
          <Stat label="Streak" value={`${p.streak.current} day${p.streak.current === 1 ? "" : "s"}`} testId="stat-streak" />
          <Stat label="Longest streak" value={`${p.streak.longest} day${p.streak.longest === 1 ? "" : "s"}`} />
        </dl>
      </section>

      <section aria-labelledby="activity-h" className="card">
        <h2 id="activity-h" className="text-lg font-semibold">
          Activity
        </h2>
        {anyReview ? (
          <ActivityHeatmap heatmap={p.heatmap} />
        ) : (
          <EmptyState>
            Review your first cards to see your activity. <Link href="/review">Start reviewing</Link>
          </EmptyState>
        )}
      </section>

      <section aria-labelledby="retention-h" className="card space-y-3">
        <h2 id="retention-h" className="text-lg font-semibold">
          Retention
        </h2>
        <p className="text-sm text-slate-700">
          True retention, as Anki counts it: the share of reviews of cards that were due (not early practice, not learning steps) you did not answer Again; cards are young under a 21-day interval, mature from it. Your target is {pct(p.retention.desired)}.
        </p>
        <dl className="grid grid-cols-2 gap-4 sm:max-w-sm">
          <Stat label="Last 7 days" value={pct(p.retention.last7)} />
          <Stat label="Last 30 days" value={pct(p.retention.last30)} />
          <Stat label="Young, last 30 days" value={pct(p.retention.last30Young)} />
          <Stat label="Mature, last 30 days" value={pct(p.retention.last30Mature)} />
        </dl>
        {p.retention.weekly.some((w) => w.retention !== null) ? (
          <LineChartWithTable
            title="True retention per week"
            data={p.retention.weekly.map((w) => ({ label: w.weekStart, value: w.retention === null ? null : Math.round(w.retention * 1000) / 10, detail: `${w.passed} passed, ${w.failed} failed` }))}
            target={Math.round(p.retention.desired * 1000) / 10}
            unit="%"
          />
        ) : (
          <EmptyState>Review your first cards to see your retention: it appears once cards come back for review.</EmptyState>
        )}
      </section>

      <section aria-labelledby="forecast-h" className="card">
        <h2 id="forecast-h" className="text-lg font-semibold">
          Forecast
        </h2>
        {p.forecast.some((d) => d.count > 0) ? (
          <BarChartWithTable title="Reviews due per day, next 30 days" data={p.forecast.map((d) => ({ label: d.day, value: d.count }))} testId="forecast" />
        ) : (
          <EmptyState>Nothing is scheduled yet. Cards you review appear here on the day they come back.</EmptyState>
        )}
      </section>

      <section aria-labelledby="cards-h" className="card space-y-4">
        <h2 id="cards-h" className="text-lg font-semibold">
          Cards
        </h2>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5">
          <Stat label="New" value={p.cards.new} />
          <Stat label="Learning" value={p.cards.learning} />
          <Stat label="Review" value={p.cards.review} />
          <Stat label="Relearning" value={p.cards.relearning} />
          <Stat label="Suspended" value={p.cards.suspended} />
        </dl>
        {p.stability.bins.some((b) => b.count > 0) && (
          <div className="grid gap-6 md:grid-cols-2">
            <BarChartWithTable title="Stability (days)" data={p.stability.bins.map((b) => ({ label: b.to === Infinity ? `${b.from}+` : `${b.from}–${b.to}`, value: b.count }))} />
            <BarChartWithTable title="Difficulty (1–10)" data={p.difficulty.bins.map((b) => ({ label: `${b.from}–${b.to}`, value: b.count }))} />
          </div>
        )}
      </section>

      <section aria-labelledby="mastery-h" className="card space-y-3">
        <h2 id="mastery-h" className="text-lg font-semibold">
          Mastery by fact kind
        </h2>
        <p className="text-sm text-slate-700">The average chance that you would recall a card right now (cards you have not started count as 0).</p>
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Mastery by fact kind (scrolls sideways)">
        <table className="w-full min-w-[20rem] text-left text-sm">
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-2">Kind</th>
              <th scope="col">Cards</th>
              <th scope="col">Studied</th>
              <th scope="col">Mastery</th>
            </tr>
          </thead>
          <tbody>
            {MASTERY_KINDS.map((k) => (
              <tr key={k} className="border-b border-slate-100">
                <th scope="row" className="py-2 font-medium capitalize">{k}s</th>
                <td>{p.mastery[k].cards}</td>
                <td>{p.mastery[k].studied}</td>
                <td>
                  <Meter value={p.mastery[k].averageRetrievability} label={`${k} mastery`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
        <h3 className="pt-2 font-semibold">By document</h3>
        <ul className="space-y-2 text-sm">
          {p.masteryByDocument.map((d) => (
            <li key={d.documentId} className="flex flex-wrap items-center gap-3">
              <span className="min-w-0 flex-[1_1_14rem]">{d.title}</span>
              <span className="text-slate-600">
                {d.studied}/{d.cards} studied
              </span>
              <Meter value={d.averageRetrievability} label={`${d.title} mastery`} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="quizzes-h" className="card">
        <h2 id="quizzes-h" className="text-lg font-semibold">
          Quizzes
        </h2>
        {p.quizzes.length > 0 ? (
          <LineChartWithTable
            title="Score per quiz"
            data={p.quizzes.map((q) => ({ label: q.startedAt.toISOString().slice(0, 16).replace("T", " "), value: q.total ? Math.round((q.correct / q.total) * 100) : 0, detail: `${q.correct}/${q.total}` }))}
            unit="%"
          />
        ) : (
          <EmptyState>
            Take a quiz to see your scores over time. <Link href="/quiz">Take a quiz</Link>
          </EmptyState>
        )}
      </section>
    </div>
  );
}

function Stat({ label, value, testId }: { label: string; value: string | number; testId?: string }) {
  return (
    <div>
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-2xl font-bold" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

function Meter({ value, label }: { value: number | null; label: string }) {
  return (
    <span className="inline-flex items-center gap-2">
      <meter min={0} max={1} value={value ?? 0} aria-label={label} className="w-16 sm:w-24" />
      <span className="w-10 text-right">{pct(value)}</span>
    </span>
  );
}

function EmptyState({ children }: { children: React.ReactNode }) {
  return <p className="mt-2 text-slate-700 [&_a]:text-blue-800 [&_a]:underline">{children}</p>;
}
