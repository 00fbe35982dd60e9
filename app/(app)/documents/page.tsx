import Link from "next/link";
import { requireUser } from "@/lib/dal/session";
import { listDocuments } from "@/lib/dal/documents";
import { DocumentList } from "./document-list";

export const metadata = { title: "Documents" };

export default async function DocumentsPage() {
  const user = await requireUser("/documents");
  const documents = await listDocuments(user.id);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Documents</h1>
        <Link href="/documents/new" className="btn-primary">
          Add a document
        </Link>
      </div>
      <DocumentList documents={documents} />
    </div>
  );
}
