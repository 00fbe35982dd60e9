// Generation time per 1,000 words, warm, median of repeated runs, on the shipped document
// and on a ~20,000-word text built here from varied news paragraphs.
//   npx tsx scripts/bench-extract.ts
//   npx tsx scripts/bench-extract.ts --adversarial   (pathological texts: worst ms per 1,000 characters)
// The last line is "ms_per_1k_words: X" (the slower of the two texts).
import { mulberry32 } from "../lib/seeded";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { generate } from "../lib/extract";
import { PATHOLOGICAL } from "../lib/extract/pathological";

const SHIPPED = path.resolve(__dirname, "../tests/fixtures/shipped/russian-presence-in-latin-america.txt");

const COUNTRIES = ["Brazil", "Kenya", "Vietnam", "Poland", "Chile", "Egypt", "Canada", "India", "Ghana", "Norway", "Peru", "Turkey"];
const PEOPLE = ["Maria Lopez", "John Carter", "Amina Bello", "Pierre Martin", "Ana Souza", "David Kim", "Laura Rossi", "Omar Haddad"];
const ROLES = ["Foreign Minister", "Finance Minister", "President", "Prime Minister", "economist", "political scientist"];
const ORGS = ["World Bank", "African Union", "European Union", "Global Energy Group", "National Science Institute", "Harbor Shipping Company"];
const TEMPLATES = [
  "In {year}, {c1} and {c2} signed an agreement that allows {d1} companies to use {d2} ports. A similar agreement was signed with {c3} two years later.",
  "{role} {p1} said on Monday that {n}% of the electricity in {c1} comes from hydropower. The {o1} expects growth of {s} percent in {year}.",
  "The {o1} was founded in {year} and now employs {big} people. Over the past {w} years, it has opened offices in {c1}, {c2} and {c3}.",
  "{p1} is a {role2} at the {o2}. According to her, {c1} is the {ord} largest exporter of coffee in the world.",
  "What will happen next? I think nobody knows. In {month} {year}, protests against the government of {p2} spread to {c2}.",
  "{c1} and {c2} are partners of the {o1}. Their cooperation rests on two pillars: trade and security, but also culture.",
  "The deal, worth ${m} billion, was concluded on {monthName} {day}, {year}. It is the {ord} largest deal in the region.",
  "I recall that in {year}, {c3} became the main supplier of gas to {c1} and overtook {c2}. {c1}'s main strategy now is to diversify its suppliers.",
];
const MONTHS = ["January", "March", "May", "July", "September", "November"];
const ORDS = ["second", "third", "fourth", "fifth"];
const DEMONYMS: Record<string, string> = {
  Brazil: "Brazilian", Kenya: "Kenyan", Vietnam: "Vietnamese", Poland: "Polish", Chile: "Chilean", Egypt: "Egyptian",
  Canada: "Canadian", India: "Indian", Ghana: "Ghanaian", Norway: "Norwegian", Peru: "Peruvian", Turkey: "Turkish",
};

/** A deterministic ~`words`-word text of varied news paragraphs. */
export function syntheticText(words: number, seed = 7): string {
  const rand = mulberry32(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const paras: string[] = [];
  let count = 0;
  while (count < words) {
    const [c1, c2, c3] = [...COUNTRIES].sort(() => rand() - 0.5);
    const text = pick(TEMPLATES).replace(/\{(\w+)\}/g, (_, k: string) => {
      switch (k) {
        case "c1": return c1;
        case "c2": return c2;
        case "c3": return c3;
        case "d1": return DEMONYMS[c1];
        case "d2": return DEMONYMS[c2];
        case "p1": return pick(PEOPLE);
        case "p2": return pick(PEOPLE);
        case "role": return pick(ROLES.slice(0, 4));
        case "role2": return pick(ROLES.slice(4));
        case "o1": return pick(ORGS);
        case "o2": return pick(ORGS);
        case "year": return String(1990 + Math.floor(rand() * 33));
        case "n": return String(10 + Math.floor(rand() * 80));
        case "s": return String(1 + Math.floor(rand() * 5));
        case "big": return (1000 * (1 + Math.floor(rand() * 20))).toLocaleString("en-US");
        case "w": return pick(["five", "ten", "twenty"]);
        case "ord": return pick(ORDS);
        case "month": return pick(MONTHS);
        case "monthName": return pick(MONTHS);
        case "day": return String(1 + Math.floor(rand() * 28));
        case "m": return String(1 + Math.floor(rand() * 30));
        default: return k;
      }
    });
    paras.push(text);
    count += text.split(/\s+/).length;
  }
  return paras.join("\n\n");
}

function wordCount(t: string): number {
  return t.split(/\s+/).filter(Boolean).length;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export function bench(text: string, runs: number): { words: number; medianMs: number; msPer1k: number } {
  generate(text, { publishedAt: "2022-02-02" }); // warm: models loaded, JIT warmed on this text
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    generate(text, { publishedAt: "2022-02-02" });
    times.push(performance.now() - t0);
  }
  const words = wordCount(text);
  const m = median(times);
  return { words, medianMs: m, msPer1k: (m / words) * 1000 };
}

/**
 * Pathological texts (lib/extract/pathological.ts) at 2,500 to 40,000
 * characters: per kind, the ms per 1,000 characters at each size and the
 * growth from the smallest to the largest (1 = linear). The last line is the
 * worst ms per 1,000 characters of any kind at any size.
 */
export function adversarial(): string {
  const lines: string[] = [];
  const sizes = [2_500, 10_000, 40_000];
  let worst = 0;
  let worstKind = "";
  generate(PATHOLOGICAL["commas"](2_000), { publishedAt: null }); // warm
  for (const [kind, build] of Object.entries(PATHOLOGICAL)) {
    const perK = sizes.map((chars) => {
      const text = build(chars);
      const times = [0, 1, 2].map(() => {
        const t0 = performance.now();
        generate(text, { publishedAt: null });
        return performance.now() - t0;
      });
      return (median(times) / text.length) * 1000;
    });
    const top = Math.max(...perK);
    if (top > worst) [worst, worstKind] = [top, kind];
    const growth = perK[perK.length - 1] / Math.max(perK[0], 1e-3);
    lines.push(`${kind.padEnd(16)} ${perK.map((x, i) => `${sizes[i]}: ${x.toFixed(2)}`).join("  ")} ms/1k chars  (growth ×${growth.toFixed(1)})`);
  }
  lines.push(`worst: ${worstKind}`);
  lines.push(`worst_ms_per_1k_chars: ${worst.toFixed(2)}`);
  return lines.join("\n");
}

export function main(): string {
  const lines: string[] = [];
  const shipped = fs.readFileSync(SHIPPED, "utf8");
  const big = `${shipped}\n\n${syntheticText(20_000 - wordCount(shipped))}`;
  const r1 = bench(shipped, 15);
  lines.push(`shipped: ${r1.words} words, median ${r1.medianMs.toFixed(1)} ms, ${r1.msPer1k.toFixed(1)} ms/1k words`);
  const r2 = bench(big, 5);
  lines.push(`synthetic: ${r2.words} words, median ${r2.medianMs.toFixed(1)} ms, ${r2.msPer1k.toFixed(1)} ms/1k words`);
  lines.push(`ms_per_1k_words: ${Math.max(r1.msPer1k, r2.msPer1k).toFixed(1)}`);
  return lines.join("\n");
}

if (process.argv[1] && /scripts[\\/]bench-extract\.ts$/.test(process.argv[1])) {
  process.stdout.write((process.argv.includes("--adversarial") ? adversarial() : main()) + "\n");
}
