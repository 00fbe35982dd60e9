import Link from "next/link";
import { requireUser } from "@/lib/dal/session";
import { listCards, type CardFilter } from "@/lib/dal/card-actions";

export const metadata = { title: "Cards" };

const FILTERS: { value: CardFilter; label: string }[] = [
  { value: "suspended", label: "Suspended" },
  { value: "leeches", label: "Leeches" },
  { value: "buried", label: "Buried" },
  { value: "edited", label: "Edited" },
];

export default async function CardsPage({ searchParams }: { searchParams: Promise<{ filter?: string }> }) {
  const user = await requireUser("/cards");
  const requested = (await searchParams).filter;
  const filter = FILTERS.find((f) => f.value === requested)?.value ?? "suspended";
  const cards = await listCards(user.id, filter, new Date());
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Cards</h1>
      <nav aria-label="Card filters" className="flex flex-wrap gap-2">
        {FILTERS.map((f) => (
          <Link key={f.value} href={`/cards?filter=${f.value}`} aria-current={f.value === filter ? "page" : undefined} className={f.value === filter ? "btn-primary px-3 py-1" : "btn-secondary px-3 py-1"}>
            {f.label}
          </Link>
        ))}
      </nav>
      {cards.length === 0 ? (
        <p className="text-slate-600">No {FILTERS.find((f) => f.value === filter)!.label.toLowerCase()} cards.</p>
      ) : (
        <ul className="space-y-3" data-testid="card-list">
          {cards.map((c) => (
            <li key={c.id} className="card py-4">
              <Link href={`/cards/${c.id}`} className="text-blue-800 underline-offset-2 hover:underline">
                {c.prompt}
              </Link>
              <p className="text-sm text-slate-600">
                {[c.answer, c.documentTitle, c.leech ? `leech (${c.lapses} lapses)` : null, c.suspended ? "suspended" : null].filter(Boolean).join(" · ")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
