import { requireUser } from "@/lib/dal/session";
import { getSettingsView } from "@/lib/dal/settings";
import { countOptimizerReviews, getOptimizerJob } from "@/lib/dal/optimizer-runs";
import { MIN_REVIEWS, notEnoughReviewsMessage } from "@/lib/srs/optimizer";
import { SettingsForm } from "./settings-form";
import { OptimizerPanel } from "./optimizer-panel";
import { AppearanceSection } from "./appearance-section";

export const metadata = { title: "Settings" };

// What each FSRS-6 weight does, for the table of parameters in use.
const WEIGHTS = [
  "Initial stability after Again (days)",
  "Initial stability after Hard (days)",
  "Initial stability after Good (days)",
  "Initial stability after Easy (days)",
  "Initial difficulty",
  "How much the first grade sets difficulty",
  "How much each grade changes difficulty",
  "How far difficulty drifts back to its start",
  "Stability growth after a successful review",
  "How growth slows for cards already stable",
  "How much more stability grows when nearly forgotten",
  "Stability after forgetting",
  "How difficulty affects stability after forgetting",
  "How prior stability carries over after forgetting",
  "How forgetting later helps stability after forgetting",
  "Penalty for Hard",
  "Bonus for Easy",
  "Same-day review: stability change",
  "Same-day review: effect of the grade",
  "Same-day review: effect of stability",
  "Forgetting-curve decay",
];

export default async function SettingsPage() {
  const user = await requireUser("/settings");
  const [view, reviews, job] = await Promise.all([getSettingsView(user.id), countOptimizerReviews(user.id), getOptimizerJob(user.id)]);
  const zones = Intl.supportedValuesOf("timeZone");
  if (!zones.includes("UTC")) zones.unshift("UTC");

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <SettingsForm initial={view.settings} zones={zones} />
      <AppearanceSection />

      <section aria-labelledby="model-h" className="card space-y-4">
        <h2 id="model-h" className="text-lg font-semibold">
          Your memory model
        </h2>
        <p className="text-sm text-slate-700">
          FSRS predicts when you are about to forget each card from 21 parameters.{" "}
          <span data-testid="params-source">
            {view.customParams
              ? "The ones in use were fitted to your own reviews."
              : "The ones in use are FSRS’s defaults, fitted to the reviews of many other learners."}
          </span>
        </p>
        <details>
          <summary className="cursor-pointer text-sm text-blue-800">Show the parameters in use</summary>
          <table className="mt-2 w-full max-w-xl text-left text-sm" data-testid="params-in-use">
            <caption className="sr-only">The FSRS-6 parameters your schedule uses now</caption>
            <thead>
              <tr>
                <th scope="col">Parameter</th>
                <th scope="col">What it sets</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {view.params.map((w, i) => (
                <tr key={i}>
                  <th scope="row" className="font-mono font-normal">
                    w{i}
                  </th>
                  <td>{WEIGHTS[i] ?? ""}</td>
                  <td className="font-mono">{w.toFixed(4)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
        <OptimizerPanel notEnough={reviews < MIN_REVIEWS ? notEnoughReviewsMessage(reviews) : null} initialJob={job} customParams={view.customParams} />
      </section>
    </div>
  );
}
