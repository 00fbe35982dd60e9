import { isRoleWord } from "./lexicon";
// Multiple-choice distractors of the answer's type and sub-type, drawn from the document
// first and from built-in tables second (countries by region, years and numbers near the
// answer, well-known blocs). None may appear in the prompt or the source sentence.
import type { AnswerType, Candidate, DocContext } from "./candidate";
import { MONTH_NAMES, findDates } from "./dates";
import type { Entity } from "./entities";
import { type Country, countryWords, neighbours } from "./geo";
import { BLOCS } from "./data/organizations";
import { isStateName, takesThe } from "./false-statements";
import { ORDINAL_WORDS, WordIndex, numberWord, ordinalSuffix, stripAccents } from "./text";

export interface Pools {
  years: number[];
  monthYears: { year: number; month: number }[];
  entities: Entity[];
  numbers: { value: number; unit: string; format: string; answer: string }[];
  /** The same numbers keyed by "format|unit". */
  numbersByUnit: Map<string, Pools["numbers"]>;
}

export function buildPools(doc: DocContext, numberAnswers: Candidate[]): Pools {
  const years: number[] = [];
  const monthYears: Pools["monthYears"] = [];
  for (const s of doc.sentences) {
    if (s.fragment) continue;
    for (const h of findDates(s, doc)) {
      const y = "year" in h.type ? h.type.year : null;
      if (typeof y === "number" && !years.includes(y)) years.push(y);
      if (h.type.t === "month-year" && !monthYears.some((m) => m.year === (h.type as { year: number }).year && m.month === (h.type as { month: number }).month))
        monthYears.push({ year: h.type.year, month: h.type.month });
    }
  }
  const entities = [...doc.entities.entities.values()].sort((a, b) => b.count - a.count || a.first - b.first);
  const numbers = numberAnswers.flatMap((c) =>
    c.answerType.t === "number" ? [{ value: c.answerType.value, unit: c.answerType.unit, format: c.answerType.format, answer: c.answer }] : [],
  );
  const numbersByUnit = new Map<string, Pools["numbers"]>();
  for (const n of numbers) {
    const k = `${n.format}|${n.unit}`;
    const list = numbersByUnit.get(k) ?? [];
    list.push(n);
    numbersByUnit.set(k, list);
  }
  return { years, monthYears, entities, numbers, numbersByUnit };
}

function norm(s: string): string {
  return stripAccents(s).toLowerCase();
}

/** Picks up to 3 distinct options that are not the answer and do not appear in the texts. */
function pick(candidates: string[], answer: string, shown: WordIndex | null, blocked: string[] = []): string[] {
  const out: string[] = [];
  const seen = new Set([norm(answer), ...blocked.map(norm)]);
  for (const c of candidates) {
    const k = norm(c);
    if (!c || seen.has(k)) continue;
    if (shown?.has(c)) continue;
    seen.add(k);
    out.push(c);
    if (out.length === 3) break;
  }
  return out.length === 3 ? out : [];
}

function nearYears(year: number, pool: number[], max: number | null): number[] {
  const fromDoc = pool.filter((y) => y !== year && Math.abs(y - year) <= 10).sort((a, b) => Math.abs(a - year) - Math.abs(b - year) || a - b);
  const near: number[] = [];
  for (let d = 1; d <= 6; d++) for (const y of [year - d, year + d]) if (max === null || y <= max) near.push(y);
  return [...fromDoc, ...near];
}

function dayShift(y: number, m: number, d: number, days: number): { y: number; m: number; d: number } {
  const t = new Date(Date.UTC(y, m - 1, d) + days * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function countryEntities(doc: DocContext, pools: Pools): Entity[] {
  return pools.entities.filter((e) => e.type === "country" && e.country?.independent);
}

/** The Americas split where news does: Latin America and the Caribbean vs. Northern America. */
function area(c: Country): string {
  if (c.region !== "Americas") return c.region;
  return c.subregion === "North America" && c.name !== "Mexico" ? "Northern America" : "Latin America";
}

/**
 * Same-subregion and same-area countries of the document first, then the table's, then the
 * rest of the region.
 */
function countryOptions(c: Country, doc: DocContext, pools: Pools, texts: WordIndex): string[] {
  const docCountries = countryEntities(doc, pools).map((e) => e.country!);
  const table = neighbours(c);
  // Document countries of the same area before table countries of the same subregion.
  const rank = (x: Country, fromDoc: boolean): number => {
    const near = x.subregion === c.subregion ? 0 : area(x) === area(c) ? 1 : 4;
    return near === 4 ? (fromDoc ? 4 : 5) : fromDoc ? near : near + 2;
  };
  const ranked = [
    ...docCountries.filter((x) => x !== c && x.region === c.region).map((x) => ({ x, r: rank(x, true) })),
    ...table.map((x) => ({ x, r: rank(x, false) })),
  ].sort((a, b) => a.r - b.r);
  // A country whose demonym is in the prompt ("Colombian ports") would read as a hint.
  const shown = (x: Country) => countryWords(x).some((w) => texts.has(w));
  const out: string[] = [];
  for (const { x } of ranked) {
    if (out.length >= 12) break;
    if (!shown(x)) out.push(x.name);
  }
  return out;
}

/** Other blocs the document itself names, fewest, before the bloc table may complete the options. */
export const MIN_DOC_PEERS = 2;

function orgOptions(e: Entity, pools: Pools, answer: string): string[] {
  const acronymStyle = /^[A-Z&]{2,6}$/.test(answer);
  // Options in the answer's own style: acronyms for an acronym, full names for a name, so a
  // false statement reads "The North Atlantic Treaty Organization ...", not "The NATO ...".
  const label = (x: Entity): string => {
    const row = BLOCS.find(([name, acr]) => (x.acronym ?? x.name) === acr || x.name === name || x.expansion === name);
    if (acronymStyle) return x.acronym ?? (row?.[1] || x.name);
    return x.expansion ?? (/^[A-Z&]{2,6}$/.test(x.name) && row ? row[0] : x.name);
  };
  const docOrgs = pools.entities.filter((x) => x.type === "org");
  // "the European Commission" for "the EU" could also be right: an organisation that shares a
  // name word with the answer (one may be part of the other) is never offered.
  const words = (x: Entity) => new Set([x.name, x.expansion ?? "", ...x.variants].join(" ").toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length > 3));
  const own = words(e);
  // An acronym's own expansion from the bloc table ("EU" → "European Union") counts too.
  for (const w of (BLOCS.find(([, acr]) => acr === e.name)?.[0] ?? "").toLowerCase().split(/[^\p{L}]+/u)) if (w.length > 3) own.add(w);
  // Options never share a name word with each other either: "UN Security Council", "United Nations
  // Security Council" and "Security Council" are one body named three ways (blind reading, issue 11).
  const taken = new Set<string>();
  const fromDoc = docOrgs
    .filter((x) => x.id !== e.id && x.orgKind === e.orgKind && ![...words(x)].some((w) => own.has(w)))
    .filter((x) => {
      const ws = [...words(x)];
      if (ws.some((w) => taken.has(w))) return false;
      for (const w of ws) taken.add(w);
      return true;
    })
    .map(label);
  if (e.orgKind !== "bloc") return fromDoc;
  // The table of blocs only completes the document's own peers: with fewer than two other blocs in
  // the text, options from the table ("EU | UN | AU | OAS" in a text about the EU alone) are unrelated
  // to anything the learner read, so there are none (blind reading, issue 11).
  if (fromDoc.length < MIN_DOC_PEERS) return [];
  // Blocs the document already names (under either name) are not offered twice.
  const named = new Set(docOrgs.flatMap((x) => [x.name, x.acronym ?? "", x.expansion ?? "", ...x.variants]));
  const table = BLOCS.filter(([name, acr]) => !named.has(name) && !(acr && named.has(acr))).map(([name, acr]) =>
    acronymStyle && acr ? acr : name,
  );
  return [...fromDoc, ...table];
}

/** The title written right before a name ("Prime Minister ", "President "), lower-cased, or "". */
function titleBefore(masked: string, at: number): string {
  // "former prime minister ____" as well as "Prime Minister ____".
  const m = /((?:[\p{L}-]+\s+){1,3})$/u.exec(masked.slice(Math.max(0, at - 40), at));
  if (!m) return "";
  return roleTail(m[1].trim().split(/\s+/));
}

/** The title an appositive gives right after a name ("____, a great Australian Prime Minister,"), or "". */
function titleAfter(masked: string, end: number): string {
  const m = /^,\s+(?:a|an|the|then|former)\s+((?:[\p{L}-]+\s+){0,4}[\p{L}-]+)\s*[,.;]/u.exec(masked.slice(end, end + 80));
  return m ? roleTail(m[1].split(/\s+/)) : "";
}

function roleTail(words: string[]): string {
  // Keep the trailing role words only ("Former Prime Minister" → "prime minister").
  let k = words.length;
  while (k > 0 && (isRoleWord(words[k - 1]) || /^(prime|vice|deputy|foreign|trade|commerce)$/i.test(words[k - 1]))) k--;
  return words.slice(k).join(" ").toLowerCase().replace(/-/g, " ");
}

function formatNumber(value: number, like: string, style: "digits" | "words"): string | null {
  if (style === "words") return numberWord(value) ?? null;
  const decimals = Number.isInteger(value) ? 0 : like.match(/\.(\d+)/)?.[1].length ?? 1;
  const fixed = value.toFixed(decimals);
  if (/\d,\d{3}/.test(like)) {
    const [int, dec] = fixed.split(".");
    return int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (dec ? `.${dec}` : "");
  }
  return fixed;
}

/** Nearby values of the same magnitude: 3,000 -> 2,000 / 4,000 / 5,000; 80% -> 70% / 90% / 60%. */
function nearValues(v: number, format: string): number[] {
  let step: number;
  if (format === "percent") step = v % 10 === 0 ? 10 : v % 5 === 0 ? 5 : v >= 20 ? 5 : 1;
  else if (format === "ordinal") step = 1;
  else if (Number.isInteger(v) && v >= 10) {
    const mag = 10 ** Math.floor(Math.log10(v));
    step = v % mag === 0 ? mag : mag / 2 >= 1 && v % (mag / 2) === 0 ? mag / 2 : mag / 10 >= 1 ? mag / 10 : 1;
    if (format === "duration" && v <= 20) step = 5;
  } else if (Number.isInteger(v)) step = 1;
  else step = Number.isInteger(v * 2) ? 0.5 : 10 ** Math.floor(Math.log10(Math.abs(v)) - 1);
  const out: number[] = [];
  for (const k of [-1, 1, -2, 2, -3, 3, 4]) {
    const x = Math.round((v + k * step) * 1e6) / 1e6;
    if (x > 0 && (format !== "percent" || x <= 100) && !out.includes(x)) out.push(x);
  }
  return out;
}

function numberOptions(c: Candidate, ty: Extract<AnswerType, { t: "number" }>, pools: Pools): string[] {
  const ans = c.answer;
  if (ty.format === "ordinal") {
    const words = !/\d/.test(ans);
    // "the second largest economy" → never "the first largest": before a superlative, first is "the largest".
    const next = c.sentence.tokens.find((t) => t.start >= c.end)?.lower ?? "";
    const superlative = /^(most|least)$|[a-z]{2,}est$/.test(next);
    return nearValues(ty.value, "ordinal").filter((n) => !(superlative && n === 1)).map((n) => (words ? ORDINAL_WORDS[n] ?? "" : ordinalSuffix(n)));
  }
  const sameDoc = (pools.numbersByUnit.get(`${ty.format}|${ty.unit}`) ?? [])
    .filter((n) => n.value !== ty.value && n.value / ty.value <= 3 && ty.value / n.value <= 3)
    .slice(0, 12)
    .map((n) => n.answer);
  // Vary the number as written ("1.5" in "1.5 million tonnes", "19" in "$19 billion"), keeping the
  // scale word and unit around it.
  const numPart = ans.match(/\d[\d,]*(?:\.\d+)?|[A-Za-z]+(?:-[A-Za-z]+)?/)?.[0] ?? ans;
  const literal = /\d/.test(numPart) ? Number(numPart.replace(/,/g, "")) : ty.value;
  // "two great democracies" → never "one great democracies": a count above one keeps its plural noun.
  const near = nearValues(literal, ty.format).filter((v) => !(literal > 1 && v <= 1)).flatMap((v) => {
    const f = formatNumber(v, numPart, ty.style);
    return f ? [ans.replace(numPart, f)] : [];
  });
  return [...sameDoc, ...near];
}

function listOptions(ty: Extract<AnswerType, { t: "entity-list" }>, doc: DocContext, pools: Pools, texts: WordIndex): string[] {
  const items = ty.entityIds.map((id) => doc.entities.entities.get(id));
  if (items.some((e) => !e || e.type !== "country" || !e.country)) return [];
  const names = items.map((e) => e!.name);
  const replacements = countryOptions(items[0]!.country!, doc, pools, texts).filter((n) => !names.includes(n));
  const out: string[] = [];
  const joinList = (xs: string[]) =>
    xs.length === 2 ? `${xs[0]} ${ty.conj === "," ? "and" : ty.conj} ${xs[1]}` : `${xs.slice(0, -1).join(", ")} ${ty.conj === "," ? "and" : ty.conj} ${xs[xs.length - 1]}`;
  for (let j = 0; j < 3 && replacements.length > j * 2 + 1; j++) {
    const variant = [...names];
    variant[j % names.length] = replacements[j * 2];
    if (names.length > 2) variant[(j + 1) % names.length] = replacements[j * 2 + 1];
    out.push(joinList(variant));
  }
  return out;
}

export function distractorsFor(c: Candidate, doc: DocContext, pools: Pools, texts: string[]): string[] {
  const ty = c.answerType;
  const published = doc.published;
  const all = new WordIndex([c.sentence.text, ...texts]);
  switch (ty.t) {
    case "year":
      return pick(nearYears(ty.year, pools.years, published && ty.year <= published.year ? published.year : null).map(String), c.answer, all);
    case "month-year": {
      const fromDoc = pools.monthYears.filter((m) => !(m.year === ty.year && m.month === ty.month) && Math.abs(m.year - ty.year) <= 2);
      const near = [-1, 1, -2, 2, -3, 3].map((d) => {
        const idx = ty.year * 12 + ty.month - 1 + d;
        return { year: Math.floor(idx / 12), month: (idx % 12) + 1 };
      });
      return pick([...fromDoc, ...near].map((m) => `${MONTH_NAMES[m.month - 1]} ${m.year}`), c.answer, all);
    }
    case "day-month": {
      const y = ty.year ?? 2001;
      // A week apart keeps the weekday a sentence may give ("this Wednesday") true for every option.
      const opts = [-7, 7, 14, -14, 21].map((d) => {
        const x = dayShift(y, ty.month, ty.day, d);
        const md = ty.style === "md" ? `${MONTH_NAMES[x.m - 1]} ${x.d}` : `${x.d} ${MONTH_NAMES[x.m - 1]}`;
        return ty.withYear ? (ty.style === "md" ? `${md}, ${x.y}` : `${md} ${x.y}`) : md;
      });
      return pick(opts, c.answer, all);
    }
    case "entity": {
      const e = doc.entities.entities.get(ty.entityId);
      if (!e) return [];
      if (e.type === "country" && e.country) return pick(countryOptions(e.country, doc, pools, all), c.answer, all, e.variants);
      if (e.type === "org") {
        // A state written like an organisation ("the Soviet Union") has no organisation distractors,
        // and is none. Options that read right after the blank's article ("the ____": "the UN", not
        // "the NATO") come first.
        if (isStateName(e.name)) return [];
        const theBefore = /(?:^|[^\p{L}])the\s+$/iu.test(doc.masked.slice(Math.max(0, c.start - 5), c.start));
        const options = orgOptions(e, pools, c.answer).filter((x) => !isStateName(x));
        const ordered = theBefore ? [...options.filter(takesThe), ...options.filter((x) => !takesThe(x))] : options;
        return pick(ordered, c.answer, all, e.variants);
      }
      if (e.type === "person") {
        if (!e.roleClass) return [];
        // Officials for an official (issue 11); with a title written before the blank ("President ____")
        // only people the document gives that title, never a minister it names.
        const title = titleBefore(doc.masked, c.start) || titleAfter(doc.masked, c.end);
        const peers = pools.entities.filter(
          (x) =>
            x.type === "person" &&
            x.id !== e.id &&
            x.roleClass === e.roleClass &&
            // "Minister ____" is not "Prime Minister": the role words must be the same, not only end alike.
            (!title || (!!x.role && roleTail(x.role.split(/\s+/)) === title)),
        );
        // "John Howard" and "Howard" are one person: never two options for the same surname.
        const surname = (n: string) => n.trim().split(/\s+/).at(-1)!.toLowerCase();
        const bySurname = new Map<string, string>();
        for (const x of peers) if (!bySurname.has(surname(x.name)) && surname(x.name) !== surname(c.answer)) bySurname.set(surname(x.name), x.name);
        return pick([...bySurname.values()], c.answer, all, e.variants);
      }
      return [];
    }
    case "entity-list":
      return pick(listOptions(ty, doc, pools, all), c.answer, null);
    case "number":
      return pick(numberOptions(c, ty, pools), c.answer, all);
    default:
      return [];
  }
}
