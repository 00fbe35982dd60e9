import { notFound } from "next/navigation";
import Link from "next/link";
import { requireUser } from "@/lib/dal/session";
import { getCardDetail } from "@/lib/dal/card-actions";
import { NotFoundError } from "@/lib/dal/errors";
import { CardEditor, CardStateButtons } from "./card-forms";

export const metadata = { title: "Card" };

const STATE = ["new", "learning", "review", "relearning"];

export default async function CardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/cards/${encodeURIComponent(id)}`);
  const card = await getCardDetail(user.id, id).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const s = card.state;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Card</h1>
      <section className="card space-y-2" aria-labelledby="about-h">
        <h2 id="about-h" className="sr-only">
          About this card
        </h2>
        <p className="text-sm text-slate-600">
          {card.kind} ·{" "}
          <Link href={`/documents/${card.document.id}`} className="text-blue-800 underline">
            {card.document.title}
          </Link>
        </p>
        <blockquote className="border-l-4 border-slate-300 pl-3 text-slate-700">{card.source}</blockquote>
        <p className="text-sm text-slate-700" data-testid="card-status">
          {s ? `${STATE[s.state]} · ${s.reps} reviews · ${s.lapses} lapses${s.leech ? " · leech" : ""}${s.suspended ? " · suspended" : ""}` : "new · not studied yet"}
        </p>
      </section>
      <section className="card space-y-4" aria-labelledby="edit-h">
        <h2 id="edit-h" className="text-lg font-semibold">
          Your wording
        </h2>
        <p className="text-sm text-slate-700">Edits are yours alone: other learners keep the generated card.</p>
        <CardEditor cardId={card.id} prompt={card.prompt} answer={card.answer} />
      </section>
      <section className="card space-y-3" aria-labelledby="state-h">
        <h2 id="state-h" className="text-lg font-semibold">
          Scheduling
        </h2>
        <CardStateButtons cardId={card.id} suspended={s?.suspended ?? false} edited={card.edited} />
      </section>
    </div>
  );
}
