// What an agreement is called (issue 11, "named agreements without a year"): the name of a treaty,
// pact, declaration … as a cloze where the text introduces it —
//   - a capitalised name standing as the subject of its sentence ("The Orva–Lund Accord is …"),
//   - a name in apposition to an agreement noun ("a similar treaty, the Northern Waters Convention, was …"),
//   - the document a clause says was signed, adopted or issued ("X and I signed a joint statement on …"),
//   - an agreement the title names and the body calls "this agreement" (claims.ts resolves it; the
//     first such sentence asks for the name).
// One card per name; the name must occur once in the sentence. See docs/decisions/004 (session 5, gen-names).
import type { Candidate, DocContext } from "./candidate";
import { aliasesIn } from "./aliases";
import { verbLike } from "./claims";
import { isFactual, subjectStart, type Sentence, type Tok } from "./sentences";
import { capitalizeFirst } from "./text";

/** The last word of an agreement's name ("… Free Trade Agreement", "… Pact"). */
export const AGREEMENT_HEAD = /^(Agreement|Treaty|Pact|Accord|Accords|Declaration|Convention|Charter|Protocol|Communiqu[eé]|Act|Memorandum|Compact|Covenant)$/;
const AGREEMENT_NOUN = /^(agreement|treaty|pact|accord|declaration|convention|charter|protocol|communiqu[eé]|act|memorandum|compact|covenant|statement|deal)$/;
const DOCUMENT_HEAD = /^(agreement|treaty|pact|accord|declaration|convention|charter|protocol|communiqu[eé]|memorandum|compact|covenant|statement|plan)$/;
const SIGNED = /^(signed|adopted|issued|concluded|ratified|initialled|initialed|agreed|released)$/;
// Lower-case words allowed inside a name between capitalised words ("General Act for the Pacific Settlement of …").
const NAME_LINK = /^(of|for|the|on|and|in|as|an|a|to|between|against)$/;
const NAME_WORD = /^\p{Lu}[\p{L}'’.]*$/u;

function slice(doc: DocContext, toks: Tok[], a: number, b: number): string {
  return doc.masked.slice(toks[a].start, toks[b - 1].end).replace(/\s+/g, " ");
}

/** End (exclusive) of a capitalised name starting at toks[a], with links and dashes inside ("Kellogg–Briand"). */
export function nameEnd(toks: Tok[], a: number): number {
  let e = a;
  while (e < toks.length) {
    const t = toks[e];
    if (NAME_WORD.test(t.text)) e++;
    else if (/^[–-]$/.test(t.text) && e > a && toks[e + 1] && NAME_WORD.test(toks[e + 1].text) && t.start === toks[e - 1].end) e++;
    else if (e > a && NAME_LINK.test(t.text)) {
      let k = e;
      while (k < toks.length && NAME_LINK.test(toks[k].text)) k++;
      if (k < toks.length && NAME_WORD.test(toks[k].text) && k - e <= 2) e = k;
      else break;
    } else break;
  }
  return e;
}

const words = (doc: DocContext, toks: Tok[], a: number, b: number) => toks.slice(a, b).filter((t) => NAME_WORD.test(t.text)).length;

function nameCandidate(doc: DocContext, s: Sentence, a: number, b: number, fields: Record<string, unknown>): Candidate {
  const toks = s.tokens;
  return { kind: "agreement", sentence: s, answer: slice(doc, toks, a, b), start: toks[a].start, end: toks[b - 1].end, answerType: { t: "phrase" }, fields };
}

/** "The Orva–Lund Accord (…) is …", "The Treaty of Velm was signed …": a named agreement as the subject. */
function subjectName(doc: DocContext, s: Sentence): Candidate | null {
  const toks = s.tokens;
  let a = subjectStart(toks);
  if (toks[a]?.lower !== "the") return null;
  a++;
  const b = nameEnd(toks, a);
  if (b <= a || words(doc, toks, a, b) < 2) return null;
  // The name ends on its head ("… Pact") or opens with it ("Treaty of Velm").
  if (!AGREEMENT_HEAD.test(toks[b - 1].text) && !(AGREEMENT_HEAD.test(toks[a].text) && toks[a + 1]?.lower === "of")) return null;
  // The predicate follows: a verb, or a bracketed aside and then the verb.
  const next = toks[b];
  if (!next || !(/^(AUX|VERB)$/.test(next.pos) || verbLike(toks, b) || next.text === "(" || (next.pos === "ADV" && /^(AUX|VERB)$/.test(toks[b + 1]?.pos ?? "")))) return null;
  // "The Orva Accord (or Accord of Lund, …)": another name the text gives fits the blank too.
  const other = aliasesIn(toks).filter((al) => al.from === a && al.to === b).flatMap((al) => al.aliases.map((x) => slice(doc, toks, x.a, x.b)));
  return nameCandidate(doc, s, a, b, { name: slice(doc, toks, a, b), relation: "named", alsoAccepted: other.length ? other : undefined });
}

/** "a similar agreement, General Act for the Pacific Settlement of …, was concluded": a name in apposition. */
function appositiveName(doc: DocContext, s: Sentence): Candidate | null {
  const toks = s.tokens;
  for (let i = 0; i + 2 < toks.length; i++) {
    if (!AGREEMENT_NOUN.test(toks[i].lower) || toks[i].cap || toks[i + 1].text !== ",") continue;
    let a = i + 2;
    if (toks[a]?.lower === "the") a++;
    const b = nameEnd(toks, a);
    if (b <= a || words(doc, toks, a, b) < 2 || !/^[,(]$/.test(toks[b]?.text ?? "")) continue;
    if (!toks.slice(a, b).some((t) => AGREEMENT_HEAD.test(t.text))) continue;
    return nameCandidate(doc, s, a, b, { name: slice(doc, toks, a, b), relation: "named", noun: toks[i].lower });
  }
  return null;
}

/**
 * "Today the envoy and I signed a joint statement on fishing rights between Orva and Lund.": the
 * document a clause signs, adopts or issues, with its complement, as the text names it.
 */
function signedDocument(doc: DocContext, s: Sentence): Candidate | null {
  const toks = s.tokens;
  for (let i = 1; i + 2 < toks.length; i++) {
    if (!SIGNED.test(toks[i].lower) || /^(was|were|been|be|is|are)$/.test(toks[i - 1].lower)) continue;
    if (!/^(a|an)$/.test(toks[i + 1].lower)) continue;
    let h = i + 2;
    while (h < toks.length && h - i <= 5 && /^(ADJ|NOUN)$/.test(toks[h].pos) && !DOCUMENT_HEAD.test(toks[h].lower)) h++;
    if (!DOCUMENT_HEAD.test(toks[h]?.lower ?? "") || toks[h].cap) continue;
    // "a joint statement and action plan": a coordinated second document belongs to the name.
    if (toks[h + 1]?.lower === "and" && DOCUMENT_HEAD.test(toks[h + 2]?.lower ?? "")) h += 2;
    else if (toks[h + 1]?.lower === "and" && toks[h + 2]?.pos === "NOUN" && DOCUMENT_HEAD.test(toks[h + 3]?.lower ?? "")) h += 3;
    let e = h + 1;
    // Its complement: "on the relationship between X and Y", up to the clause's end.
    if (/^(on|between|with|for|to)$/.test(toks[e]?.lower ?? "")) {
      while (e < toks.length && !/^[,;:.!?(]$/.test(toks[e].text) && !/^(that|which|who|because|but|while|so)$/.test(toks[e].lower) && e - h <= 12) e++;
      if (e - h > 12) continue;
    }
    const a = i + 2;
    // A bare "a statement" or "an agreement" says nothing about what it is.
    if (e - a < 2) continue;
    return nameCandidate(doc, s, a, e, { name: slice(doc, toks, a, e), relation: toks[i].lower });
  }
  return null;
}

/**
 * The names of agreements a title gives ("Address to the Orva–Lund Accord Signing Ceremony" →
 * "Orva–Lund Accord"): a capitalised run cut after its last agreement head.
 */
export function titleAgreementNames(title: string | null | undefined): string[] {
  if (!title) return [];
  const ws = title.replace(/\([^()]*\)/g, " ").split(/\s+/).filter(Boolean);
  const bare = (w: string) => w.replace(/[,:;.]+$/, "");
  const cap = (w: string) => /^\p{Lu}[\p{L}'’.]*(?:[–-]\p{Lu}[\p{L}'’.]*)*$/u.test(bare(w));
  const out = new Set<string>();
  for (let i = 1; i < ws.length; i++) {
    if (!AGREEMENT_HEAD.test(bare(ws[i]))) continue;
    // Back over capitalised words ("of"/"for" inside); "the", a comma or a lower-case word ends the name.
    let j = i;
    while (j > 0 && !/[,:;]$/.test(ws[j - 1]) && (cap(ws[j - 1]) || (/^(of|for)$/.test(ws[j - 1]) && j > 1 && cap(ws[j - 2])))) j--;
    if (i - j >= 1) out.add(ws.slice(j, i + 1).map(bare).join(" "));
  }
  return [...out];
}

/**
 * A sentence whose subject "this agreement" was resolved to an agreement the title names asks for
 * that name: `<speaker> said of the ____: "This agreement will give our nations …"` — a speaker's words
 * stay quoted whole (their "our" is theirs); without a speaker, the name stands in the sentence.
 */
function titleNamed(doc: DocContext, s: Sentence, names: string[]): Candidate | null {
  const r = s.resolved;
  if (!r || s.tokens.length > 30) return null;
  const name = names.find((n) => r.text === `the ${n}`);
  if (!name) return null;
  const written = doc.masked.slice(r.start, r.end);
  const at = s.text.indexOf(written);
  const lowerAt = at >= 0 ? at : s.text.indexOf(capitalizeFirst(written));
  if (lowerAt < 0) return null;
  let text = `${s.text.slice(0, lowerAt)}the ${name}${s.text.slice(lowerAt + written.length)}`;
  const own = s.firstPerson || s.opinion || s.questionTurn;
  if (own && !s.speaker) return null;
  // A speaker's own words stay theirs, quoted whole; the name is said outside the quotation.
  if (own) text = `${s.speaker} said of the ${name}: "${s.text}"`;
  else text = capitalizeFirst(text);
  return { kind: "agreement", sentence: s, answer: name, start: r.start, end: r.end, answerType: { t: "phrase" }, statement: text, fields: { name, relation: "named", fromTitle: true, attributed: own || undefined } };
}

export function extractAgreementNames(doc: DocContext, title?: string | null): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const fromTitle = titleAgreementNames(title);
  const push = (c: Candidate | null) => {
    if (!c || seen.has(c.answer.toLowerCase())) return;
    seen.add(c.answer.toLowerCase());
    out.push(c);
  };
  for (const s of doc.sentences) {
    // A sentence ending on a colon gives no card (cards.ts isCutSentence): the name waits for the next one.
    if (!isFactual(s) || /:$/.test(s.text.trim())) continue;
    push(subjectName(doc, s));
    push(appositiveName(doc, s));
    push(signedDocument(doc, s));
    if (fromTitle.length) push(titleNamed(doc, s, fromTitle));
  }
  return out;
}
