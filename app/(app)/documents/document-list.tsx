import Link from "next/link";
import type { DocumentSummary } from "@/lib/dal/documents";

export function DocumentList({ documents }: { documents: DocumentSummary[] }) {
  if (documents.length === 0) return <p className="text-slate-600">No documents yet.</p>;
  return (
    <ul className="space-y-3">
      {documents.map((d) => (
        <li key={d.id} className="card py-4">
          <Link href={`/documents/${d.id}`} className="font-medium text-blue-800 underline-offset-2 hover:underline">
            {d.title}
          </Link>
          <p className="text-sm text-slate-600">
            {[d.source, d.publishedAt?.toISOString().slice(0, 10), `${d.cards} cards`, d.mine ? "yours (private)" : "shared library"].filter(Boolean).join(" · ")}
          </p>
        </li>
      ))}
    </ul>
  );
}
