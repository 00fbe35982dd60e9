// Typed answers accepted besides the canonical one: "3000" for "3,000", "Pinera" and
// "Piñera" for "Sebastian Piñera", "80 percent" for "80%", "2nd" for "second".
import type { AnswerType } from "./candidate";
import { MONTH_NAMES } from "./dates";
import { shortName, type Entity } from "./entities";
import { leadingNumber, numberWord, ordinalSuffix, ordinalValue, stripAccents } from "./text";

function numberForms(answer: string, ty: Extract<AnswerType, { t: "number" }>): string[] {
  const out: string[] = [];
  const noCommas = answer.replace(/(\d),(?=\d{3})/g, "$1");
  out.push(noCommas);
  if (ty.format === "percent") {
    const n = noCommas.match(/\d+(?:\.\d+)?/)?.[0];
    if (n) out.push(`${n}%`, `${n} percent`, `${n} per cent`, n);
  }
  if (ty.format === "ordinal") {
    const v = ordinalValue(answer);
    if (!Number.isNaN(v)) out.push(ordinalSuffix(v), String(v));
  }
  // "ten years" <-> "10 years", "two hundred soldiers" <-> "200 soldiers" (never "2").
  if (/^\p{L}/u.test(answer) && ty.format !== "ordinal") {
    const lead = leadingNumber(answer);
    if (lead) out.push(lead.rest ? `${lead.value} ${lead.rest}` : String(lead.value), String(lead.value));
  }
  const digits = noCommas.match(/^\d+$/) ? Number(noCommas) : NaN;
  if (!Number.isNaN(digits) && numberWord(digits)) out.push(numberWord(digits)!);
  const lead = noCommas.match(/^(\d+)\s+(\S.*)$/);
  if (lead && numberWord(Number(lead[1]))) out.push(`${numberWord(Number(lead[1]))} ${lead[2]}`);
  return out;
}

function dateForms(answer: string, ty: AnswerType): string[] {
  if (ty.t === "month-year") {
    const m = MONTH_NAMES[ty.month - 1];
    return [`${m.slice(0, 3)} ${ty.year}`, `${ty.month}/${ty.year}`, `${ty.year}-${String(ty.month).padStart(2, "0")}`];
  }
  if (ty.t === "day-month") {
    const m = MONTH_NAMES[ty.month - 1];
    const out = [`${m} ${ty.day}`, `${ty.day} ${m}`, `${m.slice(0, 3)} ${ty.day}`, `${m} ${ordinalSuffix(ty.day)}`];
    if (ty.year) out.push(`${m} ${ty.day}, ${ty.year}`, `${ty.day} ${m} ${ty.year}`);
    return out;
  }
  return [];
}

/**
 * The items of a phrase answer are a list only when they are alike: each at most three words and
 * none more than one word longer than another ("security and energy", "train, assist and advise").
 * "legal distinction between war and peace" and "open and direct military presence" coordinate
 * inside one phrase; reordering them accepts nonsense.
 */
function alikeItems(items: string[]): boolean {
  const lengths = items.map((x) => x.split(/\s+/).length);
  return Math.max(...lengths) <= 3 && Math.max(...lengths) - Math.min(...lengths) <= 1;
}

function listForms(answer: string, phrase = false): string[] {
  // A comma between digits is a thousands separator ("18,000 and 21,000"), not a list comma.
  const items = answer.split(/\s*(?:(?<!\d),|,(?!\d))\s*|\s+(?:and|or|&)\s+/).filter(Boolean);
  if (items.length < 2 || (phrase && !alikeItems(items))) return [];
  const join = (xs: string[]) => `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;
  return [join(items), [...items].reverse().join(" and "), join([...items].sort()), items.join(", ")];
}

/**
 * A span of years however it is written: "2014- 20" (a hyphen a line break split), "2014-20",
 * "2014–20", "2014-2020", "2014 to 2020". A two-digit end is in the start's century, or the next when it would come before the start.
 */
function yearRangeForms(answer: string): string[] {
  const m = /^(\d{4})\s*[-–—]\s*(\d{2}|\d{4})$/.exec(answer.trim());
  if (!m) return [];
  let end = m[2].length === 2 ? Number(`${m[1].slice(0, 2)}${m[2]}`) : Number(m[2]);
  // "1996-02" ends in the next century.
  if (m[2].length === 2 && end <= Number(m[1])) end += 100;
  if (end <= Number(m[1])) return [];
  const short = String(end).slice(2);
  return [`${m[1]}-${short}`, `${m[1]}–${short}`, `${m[1]}-${end}`, `${m[1]}–${end}`, `${m[1]} to ${end}`];
}

export function acceptedVariants(answer: string, ty: AnswerType, entity: Entity | undefined, prompt: string): string[] {
  const out: string[] = [];
  if (ty.t === "number") out.push(...numberForms(answer, ty));
  out.push(...yearRangeForms(answer));
  out.push(...dateForms(answer, ty));
  if (ty.t === "entity-list") out.push(...listForms(answer));
  else if (ty.t === "phrase" && /,|\band\b/.test(answer) && answer.split(/\s+/).length <= 8) out.push(...listForms(answer, true));
  if (entity?.type === "person") {
    for (const v of [answer, ...entity.variants]) {
      out.push(v, shortName(entity, v));
    }
  } else if (entity && entity.type !== "country") {
    // Other names of the organisation count, unless the prompt shows them (the acronym a card defines).
    out.push(...entity.variants);
  } else if (entity?.country) {
    out.push(entity.country.name, ...entity.country.aliases.filter((a) => a.length > 3 || a === a.toUpperCase()));
  }
  if (/^the\s/i.test(answer)) out.push(answer.replace(/^the\s+/i, ""));
  if (/^(a|an)\s/i.test(answer)) out.push(answer.replace(/^(a|an)\s+/i, ""));
  const withAccentsStripped = out.concat(answer).map(stripAccents);
  const all = [...out, ...withAccentsStripped];
  const seen = new Set<string>([answer.toLowerCase()]);
  const lowerPrompt = prompt.toLowerCase();
  const res: string[] = [];
  for (const v of all) {
    const k = v.toLowerCase().trim();
    if (!k || seen.has(k)) continue;
    seen.add(k);
    if (lowerPrompt.includes(k) && k.length > 2) continue;
    res.push(v.trim());
  }
  return res;
}
