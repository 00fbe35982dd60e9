// Document text -> facts -> cards. Pure and deterministic: no I/O, no clock, no randomness
// beyond shuffles seeded by card keys. See docs/decisions/004-rule-based-extractor.md.
import type { CardDraft, Fact, GenerateOptions, Generated } from "./types";
import { extractActors } from "./actors";
import { extractAgreements, listSizes } from "./agreements";
import type { Candidate, DocContext } from "./candidate";
import { buildCards } from "./cards";
import { clean } from "./clean";
import { extractDates } from "./dates";
import { extractAnaphoricDates, withAnaphoricContext } from "./anaphoric-dates";
import { extractAskedDates } from "./asked-dates";
import { extractDefinitions } from "./definitions";
import { extractPresupposedEvents } from "./events";
import { buildPools } from "./distractors";
import { findEntities } from "./entities";
import { analyze } from "./nlp";
import { extractNumbers } from "./numbers";
import { extractWrittenNumbers } from "./written-numbers";
import { extractNamedThings } from "./named-things";
import { extractKeyTerms } from "./key-terms";
import { extractAgreementNames, titleAgreementNames } from "./agreement-names";
import { extractAliases } from "./aliases";
import { extractFrontedAgents } from "./fronted-agents";
import { answererAt, extractAddressedPremises } from "./addressee";
import { addressedRoleFacts, interviewerFact } from "./interlocutors";
import { extractPhrases } from "./phrases";
import { resolveDemonstratives } from "./claims";
import { resolveLabel, speakerAt, speakerStatement } from "./speakers";
import { extractSurnames } from "./surnames";
import { extractListCounts } from "./counts";
import { extractMembers } from "./members";
import { extractEnumerations, preferEnumerations } from "./enumerations";
import { pairCurrencies } from "./currency-pairs";
import { limitRepeats } from "./repeats";
import { attributeReported, markEvaluative } from "./evaluative";
import { buildSentences, markQuestionTurns, resolveLeadingIt, resolveLeadingPeople, type Sentence } from "./sentences";

export type { CardDraft, Fact, GenerateOptions, Generated } from "./types";

/** Facts made from one sentence at most (cards from one sentence are siblings anyway). */
export const MAX_FACTS_PER_SENTENCE = 8;
/** Facts whose cards show the same (trimmed) sentence at most: a fourth blank in one frame only re-asks it. */
export const MAX_FACTS_PER_FRAME = 3;

const KIND_ORDER = { date: 0, agreement: 1, actor: 2, number: 3, definition: 4 } as const;

export function parsePublished(p: GenerateOptions["publishedAt"]): DocContext["published"] {
  if (!p) return null;
  if (p instanceof Date) {
    if (Number.isNaN(p.getTime())) return null;
    return { year: p.getUTCFullYear(), month: p.getUTCMonth() + 1, day: p.getUTCDate() };
  }
  const m = String(p).match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? { year, month, day } : null;
}

/**
 * Two answers cut from overlapping text ("2014" and "20" inside "2014-20") would blank half of one
 * another: within a sentence the longer span wins (ties: the first) when the spans cross or both
 * are figures or dates. Restated facts (no span) stay.
 */
export function withoutOverlaps(cs: Candidate[]): Candidate[] {
  const bySentence = new Map<number, Candidate[]>();
  for (const c of cs) bySentence.set(c.sentence.index, [...(bySentence.get(c.sentence.index) ?? []), c]);
  const drop = new Set<Candidate>();
  for (const group of bySentence.values()) {
    const spans = group.filter((c) => !c.statement && c.end > c.start).sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const kept: Candidate[] = [];
    for (const c of spans) {
      // A figure inside a longer phrase answer ("tariffs on 90% of goods") is a fact of its own.
      const clash = (k: Candidate) =>
        k.start < c.end && c.start < k.end && !(k.start === c.start && k.end === c.end) &&
        (c.start < k.start || c.end > k.end || (/^(number|date)$/.test(k.kind) && /^(number|date)$/.test(c.kind)));
      if (kept.some(clash)) drop.add(c);
      else kept.push(c);
    }
  }
  return cs.filter((c) => !drop.has(c));
}

/** The analysed document and its fact candidates, before cards are made (for tools and tests). */
export function analyzeDocument(text: string, opts: GenerateOptions = {}): { doc: DocContext; candidates: Candidate[] } {
  const cleaned = clean(text);
  const { tokens, sentences: spans } = analyze(cleaned.masked);
  const sentences = buildSentences(cleaned.masked, tokens, spans);
  resolveLeadingIt(sentences, cleaned.masked);
  markQuestionTurns(sentences, cleaned.speakers);
  const title = opts.title ?? cleaned.meta.title;
  const speakerOf = speakerAt(cleaned.speakers, title);
  for (const s of sentences) s.speaker = speakerOf(s.start);
  const entities = findEntities(sentences, cleaned.masked, cleaned.speakers.map((s) => s.label));
  // Full names only: a lone surname could be someone else's ("Mr Blair" beside "Tony Blair").
  resolveLeadingPeople(sentences, cleaned.masked, (i) =>
    entities.bySentence[i].filter((m) => m.type === "person").map((m) => entities.entities.get(m.entityId)?.name ?? m.text).filter((n) => n.includes(" ")),
  );
  resolveDemonstratives(sentences, cleaned.masked, titleAgreementNames(title));
  // Judgements are opinions; "According to him, …" is the previous sentence's person's (evaluative.ts).
  attributeReported(sentences, cleaned.masked, entities);
  markEvaluative(sentences);
  const doc: DocContext = { masked: cleaned.masked, sentences, entities, published: parsePublished(cleaned.meta.spokenOn ?? opts.publishedAt ?? cleaned.meta.published) };
  const numbers = extractNumbers(doc, (s) => listSizes(doc, s));
  const speakerFact = speakerCandidate(cleaned, title);
  const candidates = [
    ...extractDates(doc),
    ...extractAnaphoricDates(doc),
    ...extractAskedDates(doc),
    ...extractPresupposedEvents(doc),
    ...extractAgreements(doc),
    ...extractActors(doc),
    ...extractSurnames(doc),
    ...numbers,
    ...extractWrittenNumbers(doc),
    ...extractListCounts(doc),
    ...extractMembers(doc),
    ...extractEnumerations(doc),
    ...extractNamedThings(doc),
    ...extractKeyTerms(doc),
    ...extractAgreementNames(doc, title),
    ...extractAliases(doc),
    ...extractFrontedAgents(doc),
    ...extractAddressedPremises(doc, answererAt(cleaned.speakers, (l) => resolveLabel(l, title ?? undefined))),
    ...extractDefinitions(doc),
    ...extractPhrases(doc),
    ...(speakerFact ? [speakerFact] : []),
    ...interlocutorCandidates(cleaned, title),
  ].sort((a, b) => a.sentence.index - b.sentence.index || a.start - b.start || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  return { doc, candidates: withAnaphoricContext(withoutOverlaps(pairCurrencies(preferEnumerations(candidates), doc)), doc) };
}

/** A stand-in sentence for the title line (the header's offsets), the source of facts the title gives. */
function titleSentence(cleaned: ReturnType<typeof clean>, title: string | undefined | null): Sentence {
  const header = cleaned.removed.find((r) => r.reason === "header");
  return {
    index: -1, start: header?.start ?? 0, end: header?.end ?? 0, bodyStart: 0, bodyEnd: 0, tokens: [], text: title ?? "",
    question: false, opinion: false, fragment: false, truncated: false, paragraphStart: true, quoted: false,
    pronounSubject: false, questionTurn: false, firstPerson: false, secondPerson: false, speaker: null,
  };
}

/** The title's speaker as a fact ("… is by Prime Minister ____"), sourced from the header line. */
function speakerCandidate(cleaned: ReturnType<typeof clean>, title: string | undefined | null): Candidate | null {
  const st = speakerStatement(title ?? undefined, [...new Set(cleaned.speakers.map((s) => s.label))]);
  if (!st) return null;
  const sentence = titleSentence(cleaned, title);
  return { kind: "actor", sentence, answer: st.answer, start: 0, end: 0, answerType: { t: "phrase" }, fields: { type: "person", name: st.answer, role: st.role || undefined, speaker: true }, statement: st.statement };
}

/** The interviewer the title names and role labels the askers address by name (interlocutors.ts). */
function interlocutorCandidates(cleaned: ReturnType<typeof clean>, title: string | undefined | null): Candidate[] {
  const t = title ?? undefined;
  const facts = [interviewerFact(t, cleaned.speakers.map((x) => x.label)), ...addressedRoleFacts(cleaned.masked, cleaned.speakers, t)];
  return facts.flatMap((f) =>
    f ? [{ kind: "actor" as const, sentence: titleSentence(cleaned, title), answer: f.answer, start: 0, end: 0, answerType: { t: "phrase" as const }, fields: { type: "person", name: f.answer, label: f.label }, statement: f.statement }] : [],
  );
}

export function generate(text: string, opts: GenerateOptions = {}): Generated {
  if (typeof text !== "string" || !/\p{L}/u.test(text)) return { facts: [], cards: [] };
  try {
    const { doc, candidates } = analyzeDocument(text, opts);
    const pools = buildPools(doc, candidates.filter((c) => c.kind === "number"));
    const facts: Fact[] = [];
    const cards: CardDraft[] = [];
    const seenFacts = new Set<string>();
    const seenDefinitions = new Set<string>();
    const perSentence = new Map<number, number>();
    const perFrame = new Map<string, number>();
    const triedPerSentence = new Map<number, number>();
    for (const c of candidates) {
      // Each card hashes and searches its whole sentence: a bounded number per sentence keeps
      // generation linear on a run-on "sentence" of 40,000 characters (no real sentence has more).
      const n = perSentence.get(c.sentence.index) ?? 0;
      const tried = triedPerSentence.get(c.sentence.index) ?? 0;
      if (n >= MAX_FACTS_PER_SENTENCE || tried >= 3 * MAX_FACTS_PER_SENTENCE) continue;
      triedPerSentence.set(c.sentence.index, tried + 1);
      // The same definition restated later in a document ("these are the two axes: ...") adds no card.
      const defKey = c.kind === "definition" ? `${String(c.fields.term ?? "").toLowerCase()}|${c.answer.toLowerCase()}` : "";
      if (defKey && seenDefinitions.has(defKey)) continue;
      const built = buildCards(c, doc, pools);
      if (!built || seenFacts.has(built.fact.key)) continue;
      const inFrame = perFrame.get(built.frame) ?? 0;
      if (inFrame >= MAX_FACTS_PER_FRAME) continue;
      perFrame.set(built.frame, inFrame + 1);
      seenFacts.add(built.fact.key);
      perSentence.set(c.sentence.index, n + 1);
      if (defKey) seenDefinitions.add(defKey);
      facts.push(built.fact);
      cards.push(...built.cards);
    }
    // A date or figure restated many times keeps its best cards only (repeats.ts).
    return limitRepeats(facts, cards);
  } catch {
    // The contract is "never throws": a document the rules cannot read yields no cards.
    return { facts: [], cards: [] };
  }
}
