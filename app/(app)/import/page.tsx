import { requireUser } from "@/lib/dal/session";
import { MAX_PACKAGE_BYTES } from "@/lib/anki/limits";
import { MAX_CSV_BYTES } from "@/lib/csv/cards-csv";
import { AnkiImportForm } from "./anki-import-form";
import { CsvImportForm } from "./csv-import-form";
import { BackupForm } from "./backup-form";

export const metadata = { title: "Import and export" };

export default async function ImportPage() {
  await requireUser("/import");
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">Import and export</h1>
        <h2 className="text-xl font-semibold">From Anki</h2>
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

      <section aria-labelledby="csv-heading" className="space-y-3">
        <h2 id="csv-heading" className="text-xl font-semibold">
          Import a CSV
        </h2>
        <p className="text-slate-700">Cards from a spreadsheet: you see every row and every problem before anything is saved.</p>
        <CsvImportForm maxBytes={MAX_CSV_BYTES} />
      </section>

      <section aria-labelledby="export-heading" className="space-y-3">
        <h2 id="export-heading" className="text-xl font-semibold">
          Export your cards
        </h2>
        <p className="text-slate-700">
          Everything you study, one Anki deck per document, to open in Anki (<em>File → Import</em>) or keep as a copy. Only your own progress is
          included.
        </p>
        <ul className="flex flex-wrap gap-3">
          <li>
            <a href="/api/export/anki" className="btn-primary" download>
              Anki package with history (.apkg)
            </a>
          </li>
          <li>
            <a href="/api/export/anki?scheduling=0" className="btn-secondary" download>
              Anki package, cards only
            </a>
          </li>
          <li>
            <a href="/api/export/csv" className="btn-secondary" download>
              CSV with each card’s state
            </a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="backup-heading" className="space-y-3">
        <h2 id="backup-heading" className="text-xl font-semibold">
          Full backup
        </h2>
        <p className="text-slate-700">
          One file with everything you have — your documents and decks, cards and edits, schedule, every review, quizzes and settings — to restore
          into a new account here or on another Recall server.
        </p>
        <BackupForm />
      </section>
    </div>
  );
}
