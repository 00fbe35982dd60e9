import { requireUser } from "@/lib/dal/session";
import { getReviewQueue } from "@/lib/dal/review";
import { lastUndo } from "@/lib/dal/undo";
import { toQueueView } from "./queue-view";
import { ReviewSession } from "./review-session";

export const metadata = { title: "Review" };

export default async function ReviewPage() {
  const user = await requireUser("/review");
  const now = new Date();
  const [queue, undo] = await Promise.all([getReviewQueue(user.id, now), lastUndo(user.id, now)]);
  return <ReviewSession initial={toQueueView(queue)} initialUndo={undo} />;
}
