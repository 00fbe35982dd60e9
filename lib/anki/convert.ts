// An Anki collection → the rows Recall stores for one learner. Pure: ids are
// made here (random UUIDs, like the grade path's rows), so the database side
// only inserts.
//
// Mapping (issue 13):
// - each Anki deck with cards → a document of kind "deck" titled with the full
//   nested name ("Parent::Child"); cards in a filtered deck go to their home deck;
// - each note → a Fact (kind "note", its fields as text, tags, guid), placed in
//   the deck of its first card (a note's cards stay together);
// - each Anki card → a Card rendered from its template (question, typed or cloze);
// - each revlog row → a ReviewLog of this learner (source "anki", kind = Anki's
//   revlog type), and the card's FSRS state from replaying them (replay.ts);
// - suspended (queue −1) and buried (queue −2/−3) cards keep those flags.
import { randomUUID } from "node:crypto";
import { createEmptyCard, type FSRS } from "ts-fsrs";
import { fromCard, type MemoryState } from "../srs/scheduler";
import type { SchedulerSettings } from "../srs/settings";
import { localDay } from "../progress/local-day";
import type { AnkiCollection, AnkiNote, AnkiRevlog } from "./collection";
import { cleanText, countMedia, htmlToPlainText, renderCard } from "./render";
import { replayHistory, type ReplayedLog } from "./replay";

export interface ImportSummary {
  schema: number;
  notes: number;
  cards: number;
  reviewLogs: number;
  decks: number;
  /** Notes already imported by this learner (same Anki guid): left as they are. */
  skippedNotes: number;
  /** Cards whose question renders empty (Anki would not show them). */
  skippedEmptyCards: number;
  /** Revlog rows not imported: of skipped notes' cards, or of cards the collection no longer has. */
  skippedReviewLogs: number;
  images: number;
  sounds: number;
  mediaFiles: number;
  suspended: number;
  buried: number;
}

export interface PlannedDeck {
  name: string;
  /** Document.importKey: "anki-deck:<name>". */
  importKey: string;
}

export interface PlannedFact {
  id: string;
  deck: string;
  key: string;
  kind: "note";
  answer: string;
  sentence: string;
  start: number;
  end: number;
  fields: string;
  position: number;
  tags: string;
  ankiGuid: string;
}

export interface PlannedCard {
  id: string;
  deck: string;
  factId: string;
  key: string;
  type: "question" | "typed" | "cloze";
  prompt: string;
  answer: string;
  trueStatement: string;
  position: number;
}

/** A CardState row: the FSRS memory state (lib/srs) plus the learner's flags. */
export interface PlannedState extends Omit<MemoryState, "state"> {
  id: string;
  cardId: string;
  state: number;
  introducedAt: Date | null;
  suspended: boolean;
  leech: boolean;
  buriedUntil: Date | null;
}

/** A ReviewLog row: a replayed revlog row (replay.ts) of one card, with the learner's local day. */
export interface PlannedLog extends ReplayedLog {
  id: string;
  cardId: string;
  day: string;
  source: "anki";
}

export interface ImportPlan {
  decks: PlannedDeck[];
  facts: PlannedFact[];
  cards: PlannedCard[];
  states: PlannedState[];
  logs: PlannedLog[];
  summary: ImportSummary;
}

export interface PlanOptions {
  scheduler: FSRS;
  /** The learner's settings: the replay applies each grade with the scheduler's own rule. */
  settings: SchedulerSettings;
  /** Anki note guids this learner already imported. */
  knownGuids: ReadonlySet<string>;
  timeZone: string;
  dayStartHour: number;
  /** When the import runs (new cards that carry a flag get a state as of now). */
  now: Date;
  /** Buried cards stay hidden until the learner's next day starts. */
  buriedUntil: Date;
  mediaFiles: number;
  onProgress?: (fraction: number) => void;
}

export function deckImportKey(name: string): string {
  return `anki-deck:${name}`;
}

/** The plan for importing `col` for one learner (see the mapping above). */
export function planImport(col: AnkiCollection, opts: PlanOptions): ImportPlan {
  const cardsByNote = new Map<number, AnkiCollection["cards"]>();
  for (const c of col.cards) {
    const list = cardsByNote.get(c.nid);
    if (list) list.push(c);
    else cardsByNote.set(c.nid, [c]);
  }
  const revlogByCard = new Map<number, AnkiRevlog[]>();
  for (const r of col.revlog) {
    const list = revlogByCard.get(r.cid);
    if (list) list.push(r);
    else revlogByCard.set(r.cid, [r]);
  }
  const summary: ImportSummary = {
    schema: col.schema,
    notes: 0,
    cards: 0,
    reviewLogs: 0,
    decks: 0,
    skippedNotes: 0,
    skippedEmptyCards: 0,
    skippedReviewLogs: 0,
    images: 0,
    sounds: 0,
    mediaFiles: opts.mediaFiles,
    suspended: 0,
    buried: 0,
  };
  const deckNames = new Set<string>();
  const positions = new Map<string, { facts: number; cards: number }>();
  const plan: ImportPlan = { decks: [], facts: [], cards: [], states: [], logs: [], summary };
  const importedCardIds = new Set<number>();

  col.notes.forEach((note, i) => {
    if (i % 2000 === 0) opts.onProgress?.(i / col.notes.length);
    const cards = cardsByNote.get(note.id) ?? [];
    if (opts.knownGuids.has(note.guid)) {
      summary.skippedNotes++;
      return;
    }
    const nt = col.notetypes.get(note.mid);
    if (!nt || cards.length === 0) return;
    const first = cards[0]!;
    const deck = deckName(col, first.odid || first.did);
    const fields = new Map<string, string>();
    nt.fields.forEach((name, ord) => fields.set(name, note.fields[ord] ?? ""));
    const texts: Record<string, string> = {};
    for (const [name, html] of fields) {
      texts[name] = htmlToPlainText(nt.cloze ? html.replace(/\{\{c\d+::([\s\S]*?)(?:::[\s\S]*?)?\}\}/g, "$1") : html);
      const media = countMedia(html);
      summary.images += media.images;
      summary.sounds += media.sounds;
    }
    const pos = positions.get(deck) ?? { facts: 0, cards: 0 };
    positions.set(deck, pos);
    const factId = randomUUID();
    const planned: PlannedCard[] = [];
    for (const card of cards) {
      const template = nt.cloze ? nt.templates[0] : nt.templates.find((t) => t.ord === card.ord);
      const rendered = template ? renderCard({ cloze: nt.cloze, qfmt: template.qfmt, afmt: template.afmt, fields, ord: card.ord }) : null;
      if (!rendered) {
        summary.skippedEmptyCards++;
        continue;
      }
      // Recall's own export: the answer is its Answer field (the template adds the source sentence).
      if (rendered.type === "question" && nt.name === "Recall" && fields.has("Answer")) rendered.answer = htmlToPlainText(fields.get("Answer")!);
      const cardId = randomUUID();
      planned.push({
        id: cardId,
        deck,
        factId,
        key: `anki:${cleanText(note.guid)}:${card.ord}`,
        type: rendered.type,
        prompt: rendered.prompt,
        answer: rendered.answer,
        trueStatement: "",
        position: pos.cards++,
      });
      importedCardIds.add(card.id);
      addState(plan, opts, col.crt, cardId, card, revlogByCard.get(card.id) ?? [], note);
    }
    if (planned.length === 0) return;
    const sentence = nt.fields.map((name) => texts[name] ?? "").filter(Boolean).join("\n");
    plan.facts.push({
      id: factId,
      deck,
      key: `anki:${cleanText(note.guid)}`,
      kind: "note",
      answer: planned[0]!.answer,
      sentence,
      start: 0,
      end: sentence.length,
      fields: JSON.stringify({ notetype: cleanText(nt.name), fields: texts }),
      position: pos.facts++,
      tags: JSON.stringify(note.tags.map(cleanText)),
      ankiGuid: cleanText(note.guid),
    });
    plan.cards.push(...planned);
    summary.notes++;
    summary.cards += planned.length;
    if (!deckNames.has(deck)) {
      deckNames.add(deck);
      plan.decks.push({ name: deck, importKey: deckImportKey(deck) });
    }
  });
  summary.decks = plan.decks.length;
  summary.reviewLogs = plan.logs.length;
  summary.skippedReviewLogs = col.revlog.length - plan.logs.length;
  opts.onProgress?.(1);
  return plan;
}

function deckName(col: AnkiCollection, did: number): string {
  return cleanText(col.decks.get(did)?.name ?? "Default").slice(0, 500) || "Default";
}

function addState(plan: ImportPlan, opts: PlanOptions, crt: number, cardId: string, card: AnkiCollection["cards"][number], revlog: AnkiRevlog[], note: AnkiNote): void {
  const { memory, logs, introducedAt } = replayHistory(opts.scheduler, opts.settings, cardId, card, revlog, crt);
  for (const l of logs)
    plan.logs.push({ id: randomUUID(), cardId, ...l, day: localDay(l.review, opts.timeZone, opts.dayStartHour), source: "anki" });
  const suspended = card.queue === -1;
  const buried = card.queue === -2 || card.queue === -3;
  if (suspended) plan.summary.suspended++;
  if (buried) plan.summary.buried++;
  // A card still new needs a state row only to carry a flag (as /review's suspend does).
  if (!memory && !suspended && !buried) return;
  const base = memory ?? fromCard(createEmptyCard(opts.now));
  plan.states.push({
    id: randomUUID(),
    cardId,
    ...base,
    state: base.state,
    introducedAt: memory ? (introducedAt ?? memory.lastReview) : null,
    suspended,
    // Anki tags a note "leech" when one of its cards reaches the leech threshold.
    leech: suspended && note.tags.some((t) => t.toLowerCase() === "leech"),
    buriedUntil: buried ? opts.buriedUntil : null,
  });
}
