// Transitional: the optimizer's queries are in lib/dal/optimizer-runs.ts and
// its in-process runner in lib/jobs/optimizer-runner.ts. app/(app)/settings
// still imports from here; once it imports from those two, delete this file.
export {
  countOptimizerReviews,
  dismissOptimizerJob,
  getOptimizerJob,
  loadOptimizerItems,
  saveOptimizerResult,
  STOPPED_MESSAGE,
  type JobStatus,
  type OptimizerJobView,
  type SaveOutcome,
} from "./optimizer-runs";
export { cancelOptimizerJob, startOptimizerJob, type StartOutcome } from "@/lib/jobs/optimizer-runner";
