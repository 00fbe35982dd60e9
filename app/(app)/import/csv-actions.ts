"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/dal/session";
import { saveCsvCards } from "@/lib/dal/csv-cards";
import { MAX_CSV_BYTES, parseCardsCsv, type CsvCardRow, type CsvRowError } from "@/lib/csv/cards-csv";

export interface CsvPreview {
  error?: string;
  rows?: CsvCardRow[];
  total?: number;
  errors?: CsvRowError[];
}

const TextSchema = z.string().max(MAX_CSV_BYTES, `The file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB.`);
const DeckSchema = z.string().trim().min(1, "Name the deck.").max(200, "The deck name is too long (200 characters at most).");

/** Step 1: checks every row; nothing is saved. Shows the first rows and every problem by row. */
export async function previewCsvAction(text: unknown): Promise<CsvPreview> {
  await requireUser("/import");
  const parsed = TextSchema.safeParse(text);
  if (!parsed.success) return { error: parsed.error.issues[0]!.message };
  try {
    const r = parseCardsCsv(parsed.data);
    return { rows: r.rows.slice(0, 20), total: r.rows.length, errors: r.errors.slice(0, 200) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** Step 2: saves the rows without problems into the named deck (checked again here: the browser is not trusted). */
export async function saveCsvAction(input: unknown): Promise<{ error?: string; saved?: number; skipped?: number; documentId?: string }> {
  const user = await requireUser("/import");
  const parsed = z.object({ text: TextSchema, deck: DeckSchema }).safeParse(input);
  if (!parsed.success) return { error: parsed.error.issues[0]!.message };
  try {
    const r = parseCardsCsv(parsed.data.text);
    if (r.rows.length === 0) return { error: "No row can be imported: fix the rows listed and try again." };
    const saved = await saveCsvCards(user.id, parsed.data.deck, r.rows);
    revalidatePath("/documents");
    return { saved: saved.cards, skipped: r.errors.length, documentId: saved.documentId };
  } catch (e) {
    if (e instanceof Error && !("code" in e)) return { error: e.message };
    throw e;
  }
}
