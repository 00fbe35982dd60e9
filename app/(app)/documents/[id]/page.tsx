import { notFound } from "next/navigation";
import { requireUser } from "@/lib/dal/session";
import { getDocument } from "@/lib/dal/documents";
import { NotFoundError } from "@/lib/dal/errors";
import { segmentText } from "@/lib/content/segment-text";
import { documentDeletionImpact } from "@/lib/dal/own-cards";
import { OwnDocumentForms } from "./own-document-forms";
import { newCardsOutlook } from "@/lib/dal/review";
import { NewCardsToday } from "@/app/(app)/review/new-cards-today";

export const metadata = { title: "Document" };

export default async function DocumentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/documents/${encodeURIComponent(id)}`);
  const doc = await getDocument(user.id, id).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const saved = Number((await searchParams).saved);
  const impact = doc.mine ? await documentDeletionImpact(user.id, doc.id) : null;
  const segments = segmentText(doc.text, doc.facts.map((f) => ({ id: f.id, start: f.start, end: f.end })));
  const factsById = new Map(doc.facts.map((f) => [f.id, f]));
  return (
    <article className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{doc.title}</h1>
        <p className="text-sm text-slate-600">{[doc.source, doc.publishedAt?.toISOString().slice(0, 10), doc.mine ? "private to you" : "shared library"].filter(Boolean).join(" · ")}</p>
      </header>
      {saved > 0 && <NewCardsToday saved={saved} outlook={await newCardsOutlook(user.id, doc.id, new Date())} />}
      {doc.kind !== "deck" && (
        <section aria-labelledby="text-heading" className="card">
          <h2 id="text-heading" className="sr-only">
            Text
          </h2>
          <div className="whitespace-pre-wrap leading-relaxed">
            {segments.map((s, i) =>
              s.factId ? (
                <a key={i} href={`#fact-${s.factId}`} className="rounded bg-yellow-100 underline decoration-yellow-600 decoration-2 underline-offset-2">
                  {s.text}
                </a>
              ) : (
                <span key={i}>{s.text}</span>
              ),
            )}
          </div>
        </section>
      )}
      {impact && <OwnDocumentForms documentId={doc.id} title={doc.title} impact={impact} />}
      <section aria-labelledby="facts-heading" className="space-y-3">
        <h2 id="facts-heading" className="text-xl font-semibold">
          {doc.facts.length} {doc.kind === "deck" ? "notes" : "facts"}
        </h2>
        <ol className="space-y-3">
          {[...factsById.values()].map((f) => (
            <li key={f.id} id={`fact-${f.id}`} className="card scroll-mt-4 py-4">
              <p className="text-xs uppercase tracking-wide text-slate-600">
                {f.kind} · answer: <span className="normal-case">{f.answer}</span>
              </p>
              <ul className="mt-2 list-disc space-y-1 pl-5">
                {f.cards.map((c) => (
                  <li key={c.id}>
                    {c.prompt} <span className="text-slate-600">→ {c.answer}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
