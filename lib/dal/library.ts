import "server-only";
import { db } from "@/lib/db";
import type { Generated } from "@/lib/extract/types";
import type { ContentFile } from "@/lib/content/parse-content-file";
import { contentHash } from "@/lib/content/content-hash";
import { saveGenerated } from "./save-generated";

// The shipped library is shared by every user, so this module is the one part
// of the DAL with no user in its queries: it writes documents with ownerId null.

export interface LibraryImportResult {
  imported: number;
  updated: number;
  unchanged: number;
  cards: number;
}

/**
 * Imports shipped documents, idempotently: an unchanged file is skipped; a changed
 * one is regenerated in one transaction, keeping cards (and users' progress on
 * them) whose key is unchanged. `generatorVersion` identifies the card
 * generator's rules: when they change, every document is regenerated the same way.
 */
export async function importLibrary(
  files: { path: string; raw: string; content: ContentFile }[],
  generate: (doc: ContentFile) => Generated,
  generatorVersion: string,
): Promise<LibraryImportResult> {
  const result: LibraryImportResult = { imported: 0, updated: 0, unchanged: 0, cards: 0 };
  for (const file of files) {
    const hash = contentHash(`${generatorVersion}\n${file.raw}`);
    const existing = await db.document.findUnique({ where: { sourcePath: file.path }, select: { id: true, contentHash: true } });
    if (existing?.contentHash === hash) {
      result.unchanged++;
      continue;
    }
    const generated = generate(file.content);
    const meta = {
      contentHash: hash,
      title: file.content.title,
      source: file.content.source,
      language: file.content.language,
      publishedAt: file.content.publishedAt,
      text: file.content.text,
    };
    await db.$transaction(async (tx) => {
      const doc = existing
        ? await tx.document.update({ where: { id: existing.id }, data: meta, select: { id: true } })
        : await tx.document.create({ data: { ...meta, sourcePath: file.path, ownerId: null }, select: { id: true } });
      await saveGenerated(tx, doc.id, generated, { replace: Boolean(existing) });
    });
    if (existing) result.updated++;
    else result.imported++;
    result.cards += generated.cards.length;
  }
  return result;
}
