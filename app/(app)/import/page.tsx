import { requireUser } from "@/lib/dal/session";
import { MAX_PACKAGE_BYTES } from "@/lib/anki/limits";
import { AnkiImportForm } from "./anki-import-form";

export const metadata = { title: "Import" };

export default async function ImportPage() {
  await requireUser("/import");
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">Import from Anki</h1>
        <p className="text-slate-700">
          Bring your Anki decks with their whole review history. In Anki, use <em>File → Export</em> and choose “Anki Deck Package (.apkg)” with
          “Include scheduling information”, or “Anki Collection Package (.colpkg)”. Recall keeps your notes, cards, decks (nested names such as
          “Languages::Spanish”), tags, suspended and buried cards, and every review; each card’s next review is then computed by FSRS from that
          history with your settings.
        </p>
        <p className="text-sm text-slate-600">
          Files up to {MAX_PACKAGE_BYTES / 1024 / 1024} MB. Images and sounds are not imported (you are told how many). Importing the same package
          again adds only notes that are not there yet.
        </p>
      </header>
      <AnkiImportForm maxBytes={MAX_PACKAGE_BYTES} />
    </div>
  );
}
