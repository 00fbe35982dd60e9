import { requireUser } from "@/lib/dal/session";
import { NewDocumentForm } from "./new-document-form";

export const metadata = { title: "Add a document" };

export default async function NewDocumentPage() {
  await requireUser("/documents/new");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Add a document</h1>
      <p className="text-slate-700">Recall finds the dates, agreements, people, organizations and numbers in your text and makes cards from them. Only you can see your documents.</p>
      <NewDocumentForm />
    </div>
  );
}
