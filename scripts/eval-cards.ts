// Recall of generated cards against a gold list of facts.
//   npx tsx scripts/eval-cards.ts <file> <gold.tsv> [--published YYYY-MM-DD]
// The last line is always "recall: N/M (P%)".
import fs from "node:fs";
import { generate } from "../lib/extract";
import { evaluate, formatReport, parseGoldTsv, type EvalReport } from "../lib/extract/eval";
import { quizItems } from "../lib/extract/views";

export function runEval(text: string, goldTsv: string, published: string | null): EvalReport {
  const items = quizItems(generate(text, { publishedAt: published }));
  return evaluate(items, parseGoldTsv(goldTsv));
}

/** Returns the report text; never sets an exit code, so tests can call it. */
export function main(argv: string[], readFile: (p: string) => string = (p) => fs.readFileSync(p, "utf8")): { output: string; ok: boolean; report?: EvalReport } {
  const positional: string[] = [];
  let published: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--published") published = argv[++i] ?? null;
    else if (argv[i].startsWith("--published=")) published = argv[i].slice("--published=".length);
    else positional.push(argv[i]);
  }
  if (positional.length < 2) return { output: "usage: tsx scripts/eval-cards.ts <file> <gold.tsv> [--published YYYY-MM-DD]", ok: false };
  const report = runEval(readFile(positional[0]), readFile(positional[1]), published);
  return { output: formatReport(report), ok: true, report };
}

if (process.argv[1] && /scripts[\\/]eval-cards\.ts$/.test(process.argv[1])) {
  const { output, ok } = main(process.argv.slice(2));
  (ok ? process.stdout : process.stderr).write(output + "\n");
  if (!ok) process.exitCode = 2;
}
