import { requireUser } from "@/lib/dal/session";
import { getReviewQueue } from "@/lib/dal/review";
import { toQueueView } from "./queue-view";
import { ReviewSession } from "./review-session";

export const metadata = { title: "Review" };

export default async function ReviewPage() {
  const user = await requireUser("/review");
  const queue = await getReviewQueue(user.id, new Date());
  return <ReviewSession initial={toQueueView(queue)} />;
}
