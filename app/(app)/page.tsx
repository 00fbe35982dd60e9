import Link from "next/link";
import { requireUser } from "@/lib/dal/session";
import { getReviewQueue } from "@/lib/dal/review";
import { listDocuments } from "@/lib/dal/documents";
import { formatWhen } from "@/lib/format-when";
import { DocumentList } from "./documents/document-list";
import { FirstRunTour } from "@/app/components/first-run-tour";

export const metadata = { title: "Today" };

export default async function HomePage() {
  const user = await requireUser("/");
  const now = new Date();
  const [queue, documents] = await Promise.all([getReviewQueue(user.id, now), listDocuments(user.id)]);
  // Anki's three counts: learning steps are neither reviews nor new cards, but they are due too.
  const total = queue.remaining.reviews + queue.remaining.learning + queue.remaining.new;
  return (
    <>
      {/* Here rather than in the layout: its script then loads on Today only (docs/decisions/024). */}
      <FirstRunTour userId={user.id} />
      <div className="space-y-8">
        <section aria-labelledby="today-heading" className="card">
          <h1 id="today-heading" className="text-2xl font-semibold">
            Today
          </h1>
          <dl className="mt-4 grid grid-cols-2 gap-4 sm:max-w-sm">
            <div>
              <dt className="text-sm text-slate-600">Reviews due</dt>
              <dd className="text-3xl font-bold" data-testid="due-reviews">
                {queue.remaining.reviews}
              </dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">New cards</dt>
              <dd className="text-3xl font-bold" data-testid="due-new">
                {queue.remaining.new}
              </dd>
            </div>
          </dl>
          {queue.remaining.learning > 0 && (
            <p className="mt-2 text-sm text-slate-700" data-testid="due-learning">
              and {queue.remaining.learning} {queue.remaining.learning === 1 ? "card" : "cards"} in learning, due now
            </p>
          )}
          <div className="mt-6">
            {total > 0 ? (
              <Link href="/review" className="btn-primary">
                Start reviewing
              </Link>
            ) : (
              <p>
                You are done for today.
                {queue.nextDue && <> The next card comes {formatWhen(queue.nextDue, now)}.</>}
              </p>
            )}
          </div>
        </section>

        <section aria-labelledby="library-heading">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="library-heading" className="text-xl font-semibold">
              Library
            </h2>
            <Link href="/documents/new" className="btn-secondary">
              Add a document
            </Link>
          </div>
          <div className="mt-3">
            <DocumentList documents={documents} />
          </div>
        </section>
      </div>
    </>
  );
}
