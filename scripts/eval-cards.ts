// Recall of generated cards against a gold list of facts, and automatically detected malformed cards.
//   npx tsx scripts/eval-cards.ts <file> <gold.tsv> [--published YYYY-MM-DD]
//   npx tsx scripts/eval-cards.ts --dir <folder>   (every NAME.txt with a NAME.gold.tsv beside it;
//        the header lines "title:" and "published:" at the top of each text are read by the generator)
//   add --misses to list the gold facts no card covers, --malformed to list the malformed cards.
// The last line of a single-file run is always "recall: N/M (P%)".
import fs from "node:fs";
import path from "node:path";
import { generate } from "../lib/extract";
import { evaluate, formatReport, parseGoldTsv, type EvalReport } from "../lib/extract/eval";
import { malformedReasons } from "../lib/extract/malformed";
import { quizItems, type QuizItem } from "../lib/extract/views";

export function runEval(text: string, goldTsv: string, published: string | null): EvalReport & { items: QuizItem[] } {
  const g = generate(text, { publishedAt: published });
  const items = quizItems(g);
  return { ...evaluate(items, parseGoldTsv(goldTsv)), items };
}

export interface Malformed {
  item: QuizItem;
  reasons: string[];
}

/** Every quiz item (cloze, question, multiple choice, true/false) that an automatic check rejects. */
export function malformedItems(items: QuizItem[]): Malformed[] {
  const trueOf = new Map(items.filter((i) => i.type === "true-false" && i.answer === "true").map((i) => [i.factKey, i.prompt]));
  return items.flatMap((item) => {
    const reasons = malformedReasons(item, trueOf.get(item.factKey));
    return reasons.length ? [{ item, reasons }] : [];
  });
}

function pct(n: number, d: number): string {
  return d ? `${((100 * n) / d).toFixed(0)}%` : "-";
}

function runDir(dir: string, opts: { misses: boolean; malformed: boolean }, readFile: (p: string) => string, list: (d: string) => string[]): string {
  const names = list(dir)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => f.slice(0, -4))
    .filter((n) => list(dir).includes(`${n}.gold.tsv`))
    .sort();
  const rows: string[] = ["text\trecall\tcards\tquiz items\tmalformed"];
  const details: string[] = [];
  let [cov, tot, cards, items, bad] = [0, 0, 0, 0, 0];
  for (const n of names) {
    const text = readFile(path.join(dir, `${n}.txt`));
    const r = runEval(text, readFile(path.join(dir, `${n}.gold.tsv`)), null);
    const nCards = r.items.filter((i) => i.type === "cloze" || i.type === "question").length;
    const mal = malformedItems(r.items);
    rows.push(`${n}\t${r.covered}/${r.total} (${pct(r.covered, r.total)})\t${nCards}\t${r.items.length}\t${mal.length} (${pct(mal.length, r.items.length)})`);
    [cov, tot, cards, items, bad] = [cov + r.covered, tot + r.total, cards + nCards, items + r.items.length, bad + mal.length];
    if (opts.misses) {
      const missed = r.results.filter((x) => x.covering.length === 0);
      if (missed.length) details.push(`## ${n}: misses`, ...missed.map((x) => `${x.gold.id}\t${x.gold.answer}\t${x.gold.fact}`));
    }
    if (opts.malformed && mal.length) details.push(`## ${n}: malformed`, ...mal.map((m) => `[${m.reasons.join(",")}] ${m.item.type}: ${m.item.prompt}  => ${m.item.answer}`));
  }
  rows.push(`all\t${cov}/${tot} (${pct(cov, tot)})\t${cards}\t${items}\t${bad} (${pct(bad, items)})`);
  return [...details, ...(details.length ? [""] : []), ...rows].join("\n");
}

/** Returns the report text; never sets an exit code, so tests can call it. */
export function main(
  argv: string[],
  readFile: (p: string) => string = (p) => fs.readFileSync(p, "utf8"),
  list: (d: string) => string[] = (d) => fs.readdirSync(d),
): { output: string; ok: boolean; report?: EvalReport } {
  const positional: string[] = [];
  let published: string | null = null;
  let dir: string | null = null;
  const opts = { misses: false, malformed: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--published") published = argv[++i] ?? null;
    else if (argv[i].startsWith("--published=")) published = argv[i].slice("--published=".length);
    else if (argv[i] === "--dir") dir = argv[++i] ?? null;
    else if (argv[i] === "--misses") opts.misses = true;
    else if (argv[i] === "--malformed") opts.malformed = true;
    else positional.push(argv[i]);
  }
  if (dir) return { output: runDir(dir, opts, readFile, list), ok: true };
  if (positional.length < 2) return { output: "usage: tsx scripts/eval-cards.ts <file> <gold.tsv> [--published YYYY-MM-DD] | --dir <folder> [--misses] [--malformed]", ok: false };
  const report = runEval(readFile(positional[0]), readFile(positional[1]), published);
  const extra: string[] = [];
  if (opts.malformed) for (const m of malformedItems(report.items)) extra.push(`[${m.reasons.join(",")}] ${m.item.type}: ${m.item.prompt}  => ${m.item.answer}`);
  return { output: [...extra, formatReport(report)].join("\n"), ok: true, report };
}

if (process.argv[1] && /scripts[\\/]eval-cards\.ts$/.test(process.argv[1])) {
  const { output, ok } = main(process.argv.slice(2));
  (ok ? process.stdout : process.stderr).write(output + "\n");
  if (!ok) process.exitCode = 2;
}
