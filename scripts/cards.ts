// Print the facts and cards generated from a text file.
//   npx tsx scripts/cards.ts <file> [--published YYYY-MM-DD] [--json]
import fs from "node:fs";
import { generate } from "../lib/extract";
import { quizItems } from "../lib/extract/views";

export interface CliArgs {
  file: string;
  published: string | null;
  json: boolean;
}

export function parseArgs(argv: string[]): CliArgs | string {
  let file = "";
  let published: string | null = null;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") json = true;
    else if (a === "--published") published = argv[++i] ?? null;
    else if (a.startsWith("--published=")) published = a.slice("--published=".length);
    else if (!file) file = a;
  }
  if (!file) return "usage: tsx scripts/cards.ts <file> [--published YYYY-MM-DD] [--json]";
  if (published !== null && !/^\d{4}-\d{2}-\d{2}$/.test(published)) return `--published must be YYYY-MM-DD, got ${published}`;
  return { file, published, json };
}

/** Returns the text to print; the caller decides how to exit. */
export function main(argv: string[], readFile: (p: string) => string = (p) => fs.readFileSync(p, "utf8")): { output: string; ok: boolean } {
  const args = parseArgs(argv);
  if (typeof args === "string") return { output: args, ok: false };
  const g = generate(readFile(args.file), { publishedAt: args.published });
  const items = quizItems(g);
  if (args.json) {
    const view = items.map((i) => ({
      type: i.type,
      kind: i.kind,
      prompt: i.prompt,
      answer: i.answer,
      ...(i.options ? { options: i.options } : {}),
      source: i.source,
    }));
    return { output: JSON.stringify(view, null, 2), ok: true };
  }
  const lines: string[] = [];
  for (const f of g.facts) {
    lines.push(`[${f.kind}] ${f.answer}  (${f.start}-${f.end})`);
    lines.push(`    sentence: ${f.sentence}`);
    lines.push(`    fields:   ${JSON.stringify(f.fields)}`);
    for (const c of g.cards.filter((x) => x.factKey === f.key)) {
      lines.push(`    ${c.type}: ${c.prompt}`);
      if (c.distractors.length) lines.push(`      options: ${[c.answer, ...c.distractors].join(" | ")}`);
      if (c.accepted.length) lines.push(`      accepted: ${c.accepted.join(" | ")}`);
    }
    const first = g.cards.find((x) => x.factKey === f.key);
    if (first?.falseStatement) lines.push(`    false: ${first.falseStatement}`);
  }
  const mc = items.filter((i) => i.type === "multiple-choice").length;
  lines.push(`facts: ${g.facts.length}  cards: ${g.cards.length}  multiple-choice: ${mc}`);
  return { output: lines.join("\n"), ok: true };
}

if (process.argv[1] && /scripts[\\/]cards\.ts$/.test(process.argv[1])) {
  const { output, ok } = main(process.argv.slice(2));
  (ok ? process.stdout : process.stderr).write(output + "\n");
  if (!ok) process.exitCode = 2;
}
