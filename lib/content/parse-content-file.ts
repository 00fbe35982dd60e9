import matter from "gray-matter";
import { z } from "zod";

const FrontMatter = z.object({
  title: z.string().trim().min(1),
  source: z.string().trim().optional(),
  published: z.coerce.date().optional(),
  language: z.string().trim().default("en"),
});

export interface ContentFile {
  title: string;
  source: string | null;
  publishedAt: Date | null;
  language: string;
  /** The document body (front matter removed), the text facts are extracted from. */
  text: string;
}

/** Parses a Markdown file with front matter from content/; throws with the field at fault. */
export function parseContentFile(raw: string, fileName: string): ContentFile {
  const { data, content } = matter(raw);
  const parsed = FrontMatter.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${fileName}: front matter field "${issue.path.join(".")}": ${issue.message}`);
  }
  const text = content.replace(/^\s+/, "").replace(/\s+$/, "") + "\n";
  if (text.trim().length === 0) throw new Error(`${fileName}: the document has no text`);
  return {
    title: parsed.data.title,
    source: parsed.data.source ?? null,
    publishedAt: parsed.data.published ?? null,
    language: parsed.data.language,
    text,
  };
}
