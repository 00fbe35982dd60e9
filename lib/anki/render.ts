// Turns an Anki note + card template into Recall's plain-text prompt and
// answer. Follows Anki's template language (rslib/src/template.rs):
// {{Field}}, {{filter:Field}}, {{#Field}}…{{/Field}} (shown when the field is
// not empty), {{^Field}}…{{/Field}} (when empty), {{FrontSide}}, and for cloze
// note types {{cloze:Field}} with {{cN::text::hint}} deletions.
import { compile } from "html-to-text";

/** What a rendered card became. */
export interface RenderedCard {
  /** question: front/back; typed: the learner types the answer ({{type:Field}}); cloze: one deletion. */
  type: "question" | "typed" | "cloze";
  prompt: string;
  answer: string;
}

export interface MediaCount {
  images: number;
  sounds: number;
}

// One compiled converter: html-to-text's compile() is many times faster than
// convert() per call, and an import converts every field of every note.
const htmlConverter = compile({
  wordwrap: false,
  preserveNewlines: false,
  selectors: [
    { selector: "img", format: "skip" },
    { selector: "audio", format: "skip" },
    { selector: "video", format: "skip" },
    { selector: "a", options: { ignoreHref: true } },
    { selector: "h1", options: { uppercase: false } },
    { selector: "h2", options: { uppercase: false } },
    { selector: "h3", options: { uppercase: false } },
    { selector: "h4", options: { uppercase: false } },
    { selector: "h5", options: { uppercase: false } },
    { selector: "h6", options: { uppercase: false } },
    { selector: "table", format: "dataTable", options: { uppercaseHeaderCells: false } },
  ],
});

const SOUND = /\[sound:[^\]]*\]/g;
const IMG_ONLY = /<img\b|\[sound:/i;
/** Shown for a side that was only an image or a sound, which Recall does not import. */
export const IMAGE_PLACEHOLDER = "[image or sound not imported]";
const IMG = /<img\b/gi;

/**
 * An Anki field's HTML as safe plain text: tags removed (html-to-text), line
 * breaks from <br>, <div>, <p> and lists kept, entities decoded, images and
 * [sound:…] references dropped. The result is text, never HTML: it is shown
 * through React, which escapes it.
 */
export function htmlToPlainText(html: string): string {
  const withoutSounds = cleanText(html).replace(SOUND, "");
  const text = /[<&]/.test(withoutSounds) ? htmlConverter(withoutSounds) : withoutSounds;
  return text
    .replace(/\u00a0/g, " ")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * Text the database can hold on both engines: no lone surrogates, no NUL or
 * other control characters besides tab and newlines (PostgreSQL text cannot
 * hold U+0000) — the rule of lib/validation/text.ts's isCleanText, applied.
 */
export function cleanText(s: string): string {
  return s.toWellFormed().replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");
}

/** Images (<img>) and sounds ([sound:…]) in a field: Recall skips them and says how many. */
export function countMedia(html: string): MediaCount {
  return { images: html.match(IMG)?.length ?? 0, sounds: html.match(SOUND)?.length ?? 0 };
}

const CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

/** The cloze numbers (1-based) used in a text: {{c1::…}} {{c3::…}} → [1, 3]. */
export function clozeNumbers(text: string): number[] {
  const seen = new Set<number>();
  for (const m of text.matchAll(CLOZE)) seen.add(Number(m[1]));
  return [...seen].sort((a, b) => a - b);
}

/** Recall's blank in a cloze prompt (its own generated cloze cards use the same). */
export const CLOZE_BLANK = "____";

/** The question side of cloze `n`: its deletions become "____" (or "____ (hint)"), the others show their text. */
export function clozeQuestion(text: string, n: number): string {
  return text.replace(CLOZE, (_all, num: string, body: string, hint: string | undefined) =>
    Number(num) === n ? (hint?.trim() ? `${CLOZE_BLANK} (${hint.trim()})` : CLOZE_BLANK) : body,
  );
}

/** The whole text with every deletion revealed. */
export function clozeRevealed(text: string): string {
  return text.replace(CLOZE, (_all, _num: string, body: string) => body);
}

/** The texts deleted by cloze `n`, in order. */
export function clozeAnswers(text: string, n: number): string[] {
  return [...text.matchAll(CLOZE)].filter((m) => Number(m[1]) === n).map((m) => m[2]!);
}

interface TemplateContext {
  fields: Map<string, string>;
  /** For the answer side: the rendered question. */
  frontSide?: string;
  /** Cloze number (1-based) for {{cloze:Field}}. */
  cloze?: number;
  /** Set when the template asks for {{type:Field}}: the field's value. */
  typed?: { value: string };
}

const SECTION = /\{\{([#^])\s*([^}]+?)\s*\}\}([\s\S]*?)\{\{\/\s*\2\s*\}\}/;

/** Renders an Anki card template against a note's fields (HTML out). */
export function renderTemplate(template: string, ctx: TemplateContext): string {
  let out = template;
  // Innermost-first is not needed: the lazy match closes on the section's own
  // {{/Name}}, and the loop renders sections nested inside the kept content.
  for (let guard = 0; guard < 1000; guard++) {
    const m = SECTION.exec(out);
    if (!m) break;
    const value = fieldValue(m[2]!, ctx);
    const nonEmpty = htmlToPlainText(value ?? "").length > 0 || /<img\b/i.test(value ?? "");
    const show = m[1] === "#" ? nonEmpty : !nonEmpty;
    out = out.slice(0, m.index) + (show ? m[3]! : "") + out.slice(m.index + m[0].length);
  }
  return out.replace(/\{\{([^#^/{}][^{}]*?)\}\}/g, (_all, inner: string) => {
    const parts = inner.trim().split(":");
    const name = parts.pop()!.trim();
    const filters = parts.map((p) => p.trim());
    if (name === "FrontSide" && filters.length === 0) return ctx.frontSide ?? "";
    const value = fieldValue(name, ctx) ?? "";
    if (filters.includes("type")) {
      // {{type:Field}} is Anki's answer box; {{type:cloze:Field}} types a deletion.
      ctx.typed = { value: filters.includes("cloze") && ctx.cloze ? clozeAnswers(value, ctx.cloze).join(", ") : value };
      return "";
    }
    if (filters.includes("cloze")) return ctx.cloze ? clozeQuestion(value, ctx.cloze) : clozeRevealed(value);
    if (filters.includes("hint")) return ""; // a hint is a click-to-reveal on the answer side's field
    return value;
  });
}

function fieldValue(name: string, ctx: TemplateContext): string | undefined {
  return ctx.fields.get(name);
}

/**
 * Renders one Anki card (note type template `qfmt`/`afmt`) to Recall's prompt
 * and answer. The answer is what follows `<hr id=answer>` (Anki's marker);
 * with no marker, the answer side minus the repeated question. Returns null
 * when the question side is empty (Anki would not have made that card).
 */
export function renderCard(args: { cloze: boolean; qfmt: string; afmt: string; fields: Map<string, string>; ord: number }): RenderedCard | null {
  const clozeN = args.cloze ? args.ord + 1 : undefined;
  const qCtx: TemplateContext = { fields: args.fields, cloze: clozeN };
  const qHtml = renderTemplate(args.qfmt, qCtx);
  // A question that is only an image still is a card in Anki: say what is missing.
  const prompt = htmlToPlainText(qHtml) || (IMG_ONLY.test(qHtml) ? IMAGE_PLACEHOLDER : "");
  if (!prompt) return null;
  if (args.cloze) {
    const clozeField = [...args.fields.values()].find((v) => clozeAnswers(v, clozeN!).length > 0) ?? "";
    const answers = clozeAnswers(clozeField, clozeN!).map(htmlToPlainText);
    if (answers.length === 0) return null;
    return { type: qCtx.typed ? "typed" : "cloze", prompt, answer: answers.join(", ") };
  }
  const aCtx: TemplateContext = { fields: args.fields, frontSide: qHtml };
  const aHtml = renderTemplate(args.afmt, aCtx);
  const marker = /<hr\s+id\s*=\s*["']?answer["']?\s*\/?>/i.exec(aHtml);
  let answerHtml = marker ? aHtml.slice(marker.index + marker[0].length) : aHtml.replace(qHtml, "");
  if (qCtx.typed) {
    const typed = htmlToPlainText(qCtx.typed.value);
    return { type: "typed", prompt, answer: typed || htmlToPlainText(answerHtml) };
  }
  answerHtml = answerHtml.trim();
  return { type: "question", prompt, answer: htmlToPlainText(answerHtml) };
}
