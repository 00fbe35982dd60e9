import Link from "next/link";
import { requireUser } from "@/lib/dal/session";
import { browseCards, browserFacets, CARD_SORTS, CARD_STATES, DUE_FILTERS, type CardQuery } from "@/lib/dal/card-browser";
import { bulkCardAction } from "./actions";

export const metadata = { title: "Cards" };

const STATE_LABEL: Record<(typeof CARD_STATES)[number], string> = {
  new: "New",
  learning: "Learning",
  review: "Review",
  relearning: "Relearning",
  suspended: "Suspended",
  buried: "Buried",
  leech: "Leeches",
  edited: "Edited",
};
const DUE_LABEL: Record<(typeof DUE_FILTERS)[number], string> = { overdue: "Overdue", today: "Due today", week: "Due within 7 days" };
const SORT_LABEL: Record<(typeof CARD_SORTS)[number], string> = { position: "Document order", due: "Due date", prompt: "Prompt A–Z", lapses: "Most lapses" };
// The quick filters kept from the earlier page (links like /cards?filter=suspended).
const QUICK: { filter: string; state: (typeof CARD_STATES)[number]; label: string }[] = [
  { filter: "suspended", state: "suspended", label: "Suspended" },
  { filter: "leeches", state: "leech", label: "Leeches" },
  { filter: "buried", state: "buried", label: "Buried" },
  { filter: "edited", state: "edited", label: "Edited" },
];

type Params = Partial<Record<"q" | "doc" | "kind" | "state" | "due" | "sort" | "page" | "filter" | "notice", string>>;

const pick = <T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined => (allowed as readonly string[]).includes(value ?? "") ? (value as T) : undefined;

function stateName(state: number | null): string {
  return ["new", "learning", "review", "relearning"][state ?? 0] ?? "new";
}

export default async function CardsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requireUser("/cards");
  const sp = await searchParams;
  const quick = QUICK.find((f) => f.filter === sp.filter);
  const query: CardQuery = {
    text: sp.q?.slice(0, 200),
    documentId: sp.doc || undefined,
    kind: sp.kind || undefined,
    state: quick?.state ?? pick(sp.state, CARD_STATES),
    due: pick(sp.due, DUE_FILTERS),
    sort: pick(sp.sort, CARD_SORTS),
    page: Number(sp.page) || 1,
  };
  const now = new Date();
  const [result, facets] = await Promise.all([browseCards(user.id, query, now), browserFacets(user.id)]);
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ q: query.text, doc: query.documentId, kind: query.kind, state: query.state, due: query.due, sort: query.sort })) if (v) params.set(k, v);
  const pageHref = (page: number) => `/cards?${new URLSearchParams({ ...Object.fromEntries(params), page: String(page) })}`;
  const back = `/cards?${new URLSearchParams({ ...Object.fromEntries(params), page: String(result.page) })}`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Cards</h1>
      {sp.notice && (
        <p role="status" className="rounded-md bg-green-50 p-3 text-green-900">
          {sp.notice.slice(0, 300)}
        </p>
      )}
      <nav aria-label="Card filters" className="flex flex-wrap gap-2">
        {QUICK.map((f) => (
          <Link key={f.filter} href={`/cards?filter=${f.filter}`} aria-current={query.state === f.state ? "page" : undefined} className={query.state === f.state ? "btn-primary px-3 py-1" : "btn-secondary px-3 py-1"}>
            {f.label}
          </Link>
        ))}
      </nav>
      <form method="get" action="/cards" role="search" className="card grid gap-3 sm:grid-cols-3">
        <div className="sm:col-span-3">
          <label htmlFor="q" className="field-label">
            Search prompts and answers
          </label>
          <input id="q" name="q" type="search" defaultValue={query.text} maxLength={200} className="field-input" />
        </div>
        <Select id="doc" label="Document or deck" value={query.documentId} options={facets.documents.map((d) => [d.id, d.title])} />
        <Select id="kind" label="Kind" value={query.kind} options={facets.kinds.map((k) => [k, k])} />
        <Select id="state" label="State" value={query.state} options={CARD_STATES.map((s) => [s, STATE_LABEL[s]])} />
        <Select id="due" label="Due" value={query.due} options={DUE_FILTERS.map((d) => [d, DUE_LABEL[d]])} />
        <Select id="sort" label="Sort by" value={query.sort ?? "position"} options={CARD_SORTS.map((s) => [s, SORT_LABEL[s]])} all={false} />
        <div className="flex items-end gap-2">
          <button type="submit" className="btn-primary">
            Search
          </button>
          <Link href="/cards" className="btn-secondary">
            Clear
          </Link>
        </div>
      </form>

      <p role="status" data-testid="card-count">
        {result.total.toLocaleString("en")} {result.total === 1 ? "card" : "cards"}
        {result.pages > 1 && ` · page ${result.page} of ${result.pages}`}
      </p>

      {result.cards.length > 0 && (
        <form action={bulkCardAction} className="space-y-3">
          <input type="hidden" name="back" value={back} />
          <fieldset className="flex flex-wrap items-center gap-2">
            <legend className="sr-only">With the selected cards</legend>
            <span className="text-sm text-slate-700">With the selected cards:</span>
            <button type="submit" name="action" value="suspend" className="btn-secondary px-3 py-1 text-sm">
              Suspend
            </button>
            <button type="submit" name="action" value="unsuspend" className="btn-secondary px-3 py-1 text-sm">
              Unsuspend
            </button>
            <button type="submit" name="action" value="reset" className="btn-secondary px-3 py-1 text-sm">
              Reset to new
            </button>
            <button type="submit" name="action" value="delete" className="btn-secondary px-3 py-1 text-sm text-red-800">
              Delete (your own cards only, with their history)
            </button>
          </fieldset>
          <ul className="space-y-2" data-testid="card-list">
            {result.cards.map((c) => (
              <li key={c.id} className="card flex gap-3 py-3">
                <input type="checkbox" name="cardId" value={c.id} aria-label={`Select: ${c.prompt.slice(0, 80)}`} className="mt-1.5 h-4 w-4 shrink-0" />
                <div className="min-w-0">
                  <Link href={`/cards/${c.id}`} className="break-words text-blue-800 underline-offset-2 hover:underline">
                    {c.prompt}
                  </Link>
                  <p className="break-words text-sm text-slate-600">
                    {[
                      c.answer,
                      c.documentTitle,
                      c.kind,
                      stateName(c.state),
                      c.due ? `due ${c.due.toISOString().slice(0, 10)}` : null,
                      c.leech ? `leech (${c.lapses} lapses)` : c.lapses ? `${c.lapses} lapses` : null,
                      c.suspended ? "suspended" : null,
                      c.buried ? "buried" : null,
                      c.edited ? "edited" : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        </form>
      )}
      {result.total === 0 && <p className="text-slate-600">No cards match.</p>}
      {result.pages > 1 && (
        <nav aria-label="Pages" className="flex flex-wrap items-center gap-3">
          {result.page > 1 && (
            <Link href={pageHref(result.page - 1)} className="btn-secondary px-3 py-1">
              Previous
            </Link>
          )}
          {result.page < result.pages && (
            <Link href={pageHref(result.page + 1)} className="btn-secondary px-3 py-1">
              Next
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}

function Select({ id, label, value, options, all = true }: { id: string; label: string; value: string | undefined; options: [string, string][]; all?: boolean }) {
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select id={id} name={id} defaultValue={value ?? ""} className="field-input">
        {all && <option value="">All</option>}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
