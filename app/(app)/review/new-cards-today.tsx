import Link from "next/link";
import type { NewCardsOutlook } from "@/lib/dal/review";
import { StudyMoreButton } from "./study-more-button";

const cards = (n: number) => `${n} ${n === 1 ? "card" : "cards"}`;

/**
 * What a document's new cards do today, truthfully (issue 12 rule 8): all of
 * them, some, or none because today's new-card allowance is used up or taken
 * by earlier documents; with Anki's offer to study more new cards today, or
 * to start tomorrow.
 */
export function NewCardsToday({ saved, outlook }: { saved: number; outlook: NewCardsOutlook }) {
  const { waiting, today, newLeft, newPerDay, ahead } = outlook;
  const later = waiting - today;
  const why =
    newLeft === 0
      ? `today's ${newPerDay} new cards are already used`
      : ahead >= newLeft
        ? `today's ${newLeft} remaining new ${newLeft === 1 ? "card goes" : "cards go"} to documents you added earlier`
        : `your new-card limit (${newPerDay} a day) and one card per fact a day leave room for ${today}`;
  return (
    <div role="status" className="space-y-2 rounded-md bg-green-50 p-3 text-green-900" data-testid="new-cards-today">
      <p>
        Saved with {cards(saved)}.{" "}
        {later <= 0 ? (
          <>They are in your reviews today. </>
        ) : today > 0 ? (
          <>
            {cards(today)} come today; {why}, so the other {later} start tomorrow or later.{" "}
          </>
        ) : (
          <>None come today: {why}. They start tomorrow. </>
        )}
        {today > 0 && (
          <Link href="/review" className="underline">
            Start reviewing
          </Link>
        )}
      </p>
      {later > 0 && (
        <p className="flex flex-wrap items-center gap-3">
          <StudyMoreButton extra={later} />
          <span>or start tomorrow: nothing to do.</span>
        </p>
      )}
    </div>
  );
}
