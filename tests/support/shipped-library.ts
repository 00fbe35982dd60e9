import fs from "node:fs";
import path from "node:path";
import { importLibrary } from "@/lib/dal/library";
import { parseContentFile } from "@/lib/content/parse-content-file";
import { generate } from "@/lib/extract";

const root = path.resolve(import.meta.dirname, "../..");

/** Imports content/ exactly as `npm start` does. */
export function importShippedLibrary(transform: (raw: string) => string = (r) => r) {
  const dir = path.join(root, "content");
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .map((f) => {
      const raw = transform(fs.readFileSync(path.join(dir, f), "utf8"));
      return { path: `content/${f}`, raw, content: parseContentFile(raw, f) };
    });
  return importLibrary(files, (doc) => generate(doc.text, { publishedAt: doc.publishedAt }), "test");
}
