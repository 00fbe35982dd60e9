// Fits FSRS-6 parameters to one learner's review history with the fsrs-rs
// optimizer (@open-spaced-repetition/binding), and says whether they predict
// that learner's recall better than the parameters in use. No I/O: the caller
// loads the logs (lib/dal/optimizer-runs.ts, run by lib/jobs/optimizer-runner.ts) and decides what to store.
// See docs/decisions/008-optimizer-and-reschedule.md.

import { computeParameters, evaluateWithTimeSeriesSplits, FSRSBinding, FSRSBindingItem, FSRSBindingReview } from "@open-spaced-repetition/binding";
import { daysBetween } from "@/lib/progress/calendar-day";
import { toFsrsParameters, type SchedulerSettings } from "./settings";

/**
 * Below this many reviews the optimizer is not offered. Measured on simulated
 * learners (decision 008): with fewer, fsrs-rs mostly returns its defaults
 * untouched, and fits that do move are as often worse than the defaults on
 * later reviews as better.
 */
export const MIN_REVIEWS = 400;

/** What the page says when the history is too short, e.g. "You have 37 reviews; the optimizer needs at least 400." */
export function notEnoughReviewsMessage(reviews: number, needed = MIN_REVIEWS): string {
  return `You have ${reviews.toLocaleString("en")} review${reviews === 1 ? "" : "s"}; the optimizer needs at least ${needed.toLocaleString("en")}.`;
}

/** One ReviewLog row, as much of it as the optimizer reads. */
export interface OptimizerLog {
  cardId: string;
  rating: number;
  /** ts-fsrs state before the review: 0 new, 1 learning, 2 review, 3 relearning. */
  state: number;
  review: Date;
  /** The learner's local day of the review (YYYY-MM-DD, from their day-start hour). */
  day: string;
}

export interface ItemReview {
  rating: number;
  /** Whole local days since the card's previous review (0 for the first, or the same day). */
  deltaT: number;
}

/**
 * One training example: a card's reviews up to and including the one to
 * predict, i.e. the first `length` of `history` (shared by all the items of
 * a card, so a long history is not copied once per review).
 */
export interface OptimizerItem {
  history: readonly ItemReview[];
  length: number;
  /** When the predicted (last) review happened: orders items in time. */
  at: number;
}

export function itemReviews(item: OptimizerItem): ItemReview[] {
  return item.history.slice(0, item.length);
}

const LEARNING_STATES = new Set([0, 1]);

/**
 * Review logs → fsrs-rs training items, with the same rules as the binding's
 * own `convertCsvToFsrsItems` (and Anki's): per card in time order, only the
 * reviews from its last (re)start as a new card; `deltaT` counts the learner's
 * local days (so a review at 01:30 belongs to the evening before); one item
 * per review after the first that came on a later day than the one before it
 * (same-day steps are context for later items, not predictions of their own).
 * Items come back in the time order of the review they predict.
 */
export function toOptimizerItems(logs: readonly OptimizerLog[]): OptimizerItem[] {
  const byCard = new Map<string, { log: OptimizerLog; order: number }[]>();
  logs.forEach((log, order) => {
    if (!Number.isInteger(log.rating) || log.rating < 1 || log.rating > 4) return;
    const list = byCard.get(log.cardId);
    if (list) list.push({ log, order });
    else byCard.set(log.cardId, [{ log, order }]);
  });

  // A learner's log spans far fewer days than reviews: parse each day once.
  const dayNumbers = new Map<string, number>();
  const dayNumber = (day: string) => {
    let n = dayNumbers.get(day);
    if (n === undefined) dayNumbers.set(day, (n = daysBetween("1970-01-01", day)));
    return n;
  };
  const items: OptimizerItem[] = [];
  for (const list of byCard.values()) {
    list.sort((a, b) => a.log.review.getTime() - b.log.review.getTime() || a.order - b.order);
    const history = sinceLastStart(list.map((e) => e.log));
    const reviews: ItemReview[] = history.map((log, i) => ({
      rating: log.rating,
      deltaT: i === 0 ? 0 : Math.max(0, dayNumber(log.day) - dayNumber(history[i - 1].day)),
    }));
    for (let i = 1; i < reviews.length; i++) {
      if (reviews[i].deltaT > 0) items.push({ history: reviews, length: i + 1, at: history[i].review.getTime() });
    }
  }
  // Stable: items of the same instant keep the order above.
  return items.sort((a, b) => a.at - b.at);
}

/**
 * The reviews from the start of the card's last block of new/learning reviews:
 * a card reset to new starts a fresh history, and a card whose history starts
 * mid-way (no learning block at all) has nothing the model can start from.
 */
function sinceLastStart(logs: OptimizerLog[]): OptimizerLog[] {
  let start = -1;
  for (let i = logs.length - 1; i >= 0; i--) {
    if (LEARNING_STATES.has(logs[i].state)) start = i;
    else if (start >= 0) break;
  }
  return start < 0 ? [] : logs.slice(start);
}

/** The binding's objects for `items`: each card's reviews become binding objects once, shared by its items. */
export function toBindingItems(items: readonly OptimizerItem[]): FSRSBindingItem[] {
  const perCard = new Map<readonly ItemReview[], FSRSBindingReview[]>();
  return items.map((item) => {
    let refs = perCard.get(item.history);
    if (!refs) perCard.set(item.history, (refs = item.history.map((r) => new FSRSBindingReview(r.rating, r.deltaT))));
    return new FSRSBindingItem(refs.slice(0, item.length));
  });
}

export interface Metrics {
  /** Mean binary cross-entropy of the predicted recall probability: lower is better. */
  logLoss: number;
  /** RMSE between predicted and actual recall over bins of similar reviews (fsrs-rs "RMSE (bins)"). */
  rmse: number;
}

export interface OptimizeResult {
  params: number[];
  /** Reviews predicted (items), i.e. the reviews that came a day or more after the one before. */
  items: number;
  /** On all items: the current parameters, and the new ones (fitted on these same items). */
  current: Metrics;
  proposed: Metrics;
  /**
   * The guard against overfitting: the optimizer re-run on the earliest 80% of
   * items, both parameter sets scored on the latest 20% that fit never saw.
   */
  heldOut: { items: number; current: Metrics; proposed: Metrics } | null;
  /** fsrs-rs time-series cross-validation of the optimizer on these items (its expected accuracy on future reviews). */
  crossValidated: Metrics | null;
  /** New parameters predict better on all items and on the held-out ones. */
  better: boolean;
  /** fsrs-rs returned the parameters it started from: too little long-term history to learn from. */
  unchanged: boolean;
}

export type OptimizerPhase = "fitting" | "checking" | "cross-validating";

export interface OptimizeOptions {
  /** The weights the learner's schedule uses now (ts-fsrs defaults when they never optimized). */
  currentParams: readonly number[];
  numRelearningSteps: number;
  onProgress?: (fraction: number, phase: OptimizerPhase) => void;
  /** Polled by the binding's progress callback: true stops training within one poll. */
  isCancelled?: () => boolean;
  /** Skip the time-series cross-validation (the most expensive part). */
  crossValidate?: boolean;
}

export class OptimizerCancelled extends Error {
  constructor() {
    super("optimizer cancelled");
    this.name = "OptimizerCancelled";
  }
}

/** fsrs-rs found too few reviews on a later day to score any parameters. */
export class NotEnoughHistory extends Error {
  constructor() {
    super("Not enough of your reviews came a day or more after the one before for the optimizer to learn from. Keep reviewing and try again in a few days.");
    this.name = "NotEnoughHistory";
  }
}

const HELD_OUT_SHARE = 0.2;
/**
 * How often (ms) the binding reports progress, and so how quickly a cancel
 * takes effect. fsrs-rs only returns at one of these polls, so it is also the
 * rounding of every run's duration: its default, 500 ms, adds up to half a
 * second to a fit that takes 0.15 s on 10,000 reviews.
 */
export const BINDING_POLL_MS = 20;
const PHASES: { phase: OptimizerPhase; from: number; to: number }[] = [
  { phase: "fitting", from: 0, to: 0.45 },
  { phase: "checking", from: 0.45, to: 0.65 },
  { phase: "cross-validating", from: 0.65, to: 1 },
];

/** Fits parameters to `items` (from toOptimizerItems) and compares them with the current ones on the same reviews. */
export async function optimizeParameters(items: readonly OptimizerItem[], opts: OptimizeOptions): Promise<OptimizeResult> {
  const all = toBindingItems(items);
  const current = [...opts.currentParams];
  const report = (phase: OptimizerPhase, fraction: number) => {
    const p = PHASES.find((x) => x.phase === phase)!;
    opts.onProgress?.(p.from + (p.to - p.from) * Math.min(1, Math.max(0, fraction)), phase);
  };
  const fit = (set: FSRSBindingItem[], phase: OptimizerPhase) => guard(() => computeParameters(set, bindingOptions(opts, phase, report)), opts);

  report("fitting", 0);
  const params = await fit(all, "fitting");
  const proposed = evaluate(params, all);
  const now = evaluate(current, all);
  if (!proposed || !now) throw new NotEnoughHistory();

  report("checking", 0);
  const split = Math.floor(all.length * (1 - HELD_OUT_SHARE));
  let heldOut: OptimizeResult["heldOut"] = null;
  if (split > 0 && split < all.length) {
    const early = await fit(all.slice(0, split), "checking");
    const late = all.slice(split);
    const [c, p] = [evaluate(current, late), evaluate(early, late)];
    if (c && p) heldOut = { items: late.length, current: c, proposed: p };
  }

  let crossValidated: Metrics | null = null;
  if (opts.crossValidate !== false) {
    report("cross-validating", 0);
    crossValidated = await guard(
      () => evaluateWithTimeSeriesSplits(all, bindingOptions(opts, "cross-validating", report)).then(toMetrics),
      opts,
    ).catch((e) => {
      if (e instanceof OptimizerCancelled) throw e;
      return null; // too few items for five splits: the held-out check still stands
    });
  }
  report("cross-validating", 1);

  const unchanged = params.length === current.length && params.every((w, i) => Math.abs(w - current[i]) < 1e-6);
  const verdict = { current: now, proposed, heldOut, unchanged };
  return { params, items: all.length, ...verdict, crossValidated, better: isImprovement(verdict) };
}

/**
 * New parameters are worth saving when they predict the learner's reviews
 * better (lower log loss) both on all of them and on the recent ones the
 * held-out fit never saw: winning only on the reviews they were fitted to is
 * what an overfit looks like.
 */
export function isImprovement(r: Pick<OptimizeResult, "current" | "proposed" | "heldOut" | "unchanged">): boolean {
  if (r.unchanged || !(r.proposed.logLoss < r.current.logLoss)) return false;
  return r.heldOut === null || r.heldOut.proposed.logLoss < r.heldOut.current.logLoss;
}

function bindingOptions(opts: OptimizeOptions, phase: OptimizerPhase, report: (phase: OptimizerPhase, fraction: number) => void) {
  return {
    enableShortTerm: true,
    numRelearningSteps: opts.numRelearningSteps,
    timeout: BINDING_POLL_MS,
    // Returning false asks fsrs-rs to stop; it then rejects with "Interrupted".
    progress: (done: number, total: number) => {
      if (opts.isCancelled?.()) return false;
      report(phase, total > 0 ? done / total : 0);
      return true;
    },
  };
}

async function guard<T>(run: () => Promise<T>, opts: OptimizeOptions): Promise<T> {
  if (opts.isCancelled?.()) throw new OptimizerCancelled();
  try {
    const value = await run();
    if (opts.isCancelled?.()) throw new OptimizerCancelled();
    return value;
  } catch (e) {
    if (opts.isCancelled?.() || /Interrupted/.test(String(e))) throw new OptimizerCancelled();
    throw e;
  }
}

/** Log loss and RMSE of `params` on `items`; null when fsrs-rs has nothing to score. */
export function evaluate(params: readonly number[], items: FSRSBindingItem[]): Metrics | null {
  if (items.length === 0) return null;
  try {
    return toMetrics(new FSRSBinding([...params]).evaluate(items));
  } catch {
    return null;
  }
}

function toMetrics(m: { logLoss: number; rmseBins: number }): Metrics {
  return { logLoss: m.logLoss, rmse: m.rmseBins };
}

/** The weights a user's schedule uses now: their own, or ts-fsrs's FSRS-6 defaults. */
export function paramsInUse(settings: SchedulerSettings): number[] {
  return [...toFsrsParameters(settings).w];
}
