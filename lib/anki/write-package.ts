// Writes an Anki deck package (.apkg) that Anki opens: a schema-11 collection
// (Anki rslib/src/storage/schema11.sql, the layout every Anki since 2.1 imports)
// built with better-sqlite3 in memory, zipped with fflate as
// `collection.anki21` beside an empty `media` map.
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { zipSync } from "fflate";
import { LEECH_THRESHOLD } from "@/lib/srs/scheduler";
import type { RevlogKind } from "./replay";

/** Anki's schema 11, as rslib/src/storage/schema11.sql creates it. */
export const SCHEMA11_SQL = `
create table col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);
create table notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
create table cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
create table revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
create table graves (usn integer not null, oid integer not null, type integer not null);
create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);
`;

/** Recall's note types in an export. Field names are what the issue asks for. */
export const RECALL_FIELDS = ["Prompt", "Answer", "Source sentence", "Document", "Kind"] as const;
export const RECALL_CLOZE_FIELDS = ["Text", "Source sentence", "Document", "Kind"] as const;

const BASIC_MID = 1_700_000_000_001;
const TYPED_MID = 1_700_000_000_002;
const CLOZE_MID = 1_700_000_000_003;

export interface ExportCard {
  /** Stable id of the Recall card: the note's guid is derived from it, so a re-export updates the same Anki note. */
  id: string;
  deck: string;
  type: string; // question | typed | cloze
  prompt: string;
  answer: string;
  source: string;
  document: string;
  kind: string;
  tags: string[];
  /** Recall's FSRS state for this learner, null for a new card. */
  state: {
    state: number; // 0 new 1 learning 2 review 3 relearning
    due: Date;
    scheduledDays: number;
    reps: number;
    lapses: number;
    stability: number;
    difficulty: number;
    suspended: boolean;
    buried: boolean;
  } | null;
  logs: {
    review: Date;
    rating: number;
    /** state before the review (0 new, 1 learning, 2 review, 3 relearning) */
    state: number;
    scheduledDays: number;
    elapsedDays: number;
    durationMs: number | null;
    kind: RevlogKind | null;
  }[];
}

/** HTML for a field from Recall's plain text: escaped, newlines as <br>, runs of spaces and indents kept (&nbsp;). */
export function textToHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/^ +| {2,}/gm, (spaces) => "&nbsp;".repeat(spaces.length))
    .replace(/\n/g, "<br>");
}

/** Anki's note checksum: the first 8 hex digits of SHA-1 of the stripped sort field (rslib notes::field_checksum). */
function fieldChecksum(text: string): number {
  return parseInt(createHash("sha1").update(text).digest("hex").slice(0, 8), 16);
}

/** A 10-character guid like Anki's, derived from the Recall card id (stable across exports). */
function guidFor(id: string): string {
  return createHash("sha1").update(`recall:${id}`).digest("base64").replace(/[+/=]/g, "").slice(0, 10);
}

const DAY = 86_400;

function model(id: number, name: string, type: 0 | 1, fields: readonly string[], qfmt: string, afmt: string, now: number) {
  return {
    id,
    name,
    type,
    mod: now,
    usn: -1,
    sortf: 0,
    did: 1,
    tmpls: [{ name: type === 1 ? "Cloze" : "Card 1", ord: 0, qfmt, afmt, bqfmt: "", bafmt: "", did: null, bfont: "", bsize: 0 }],
    flds: fields.map((name, ord) => ({ name, ord, sticky: false, rtl: false, font: "Arial", size: 20, media: [] })),
    css: ".card { font-family: arial; font-size: 20px; text-align: center; color: black; background-color: white; }\n.source { font-size: 14px; color: #555; margin-top: 1em; }\n.cloze { font-weight: bold; color: blue; }",
    latexPre: "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
    latexPost: "\\end{document}",
    latexsvg: false,
    req: [[0, "any", [0]]],
    tags: [],
    vers: [],
  };
}

function deck(id: number, name: string, now: number) {
  return { id, name, mod: now, usn: -1, desc: "", dyn: 0, conf: 1, collapsed: false, browserCollapsed: false, extendNew: 0, extendRev: 0, newToday: [0, 0], revToday: [0, 0], lrnToday: [0, 0], timeToday: [0, 0] };
}

const DECK_CONFIG = {
  id: 1,
  name: "Default",
  mod: 0,
  usn: 0,
  maxTaken: 60,
  autoplay: true,
  timer: 0,
  replayq: true,
  dyn: false,
  new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
  lapse: { delays: [10], leechAction: 1, leechFails: LEECH_THRESHOLD, minInt: 1, mult: 0 },
  rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
};

const REVLOG_TYPE: Record<RevlogKind, number> = { learn: 0, review: 1, relearn: 2, filtered: 3, manual: 4 };

/**
 * The .apkg bytes for `cards`. With `scheduling`, each card keeps its state
 * (type/queue/due/interval, FSRS memory in `cards.data` as Anki 23.10+ reads
 * it: {"s": stability, "d": difficulty}) and its review history as revlog
 * rows; without, every card is new and there is no revlog.
 */
export function writeApkg(cards: ExportCard[], opts: { scheduling: boolean; now: Date }): Uint8Array {
  const now = Math.floor(opts.now.getTime() / 1000);
  // Collection creation at a local-midnight-like boundary well before any review: due days count from it.
  let first = now;
  for (const c of cards) for (const l of c.logs) first = Math.min(first, Math.floor(l.review.getTime() / 1000));
  const crt = Math.floor(first / DAY) * DAY - DAY;
  const deckIds = new Map<string, number>([["Default", 1]]);
  for (const c of cards) for (const name of parents(c.deck)) if (!deckIds.has(name)) deckIds.set(name, 1_700_000_100_000 + deckIds.size);
  const models = {
    [BASIC_MID]: model(BASIC_MID, "Recall", 0, RECALL_FIELDS, "{{Prompt}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Answer}}{{#Source sentence}}<div class=source>{{Source sentence}}</div>{{/Source sentence}}", now),
    [TYPED_MID]: model(TYPED_MID, "Recall (type in the answer)", 0, RECALL_FIELDS, "{{Prompt}}\n\n{{type:Answer}}", "{{Prompt}}\n\n<hr id=answer>\n\n{{type:Answer}}{{#Source sentence}}<div class=source>{{Source sentence}}</div>{{/Source sentence}}", now),
    [CLOZE_MID]: model(CLOZE_MID, "Recall Cloze", 1, RECALL_CLOZE_FIELDS, "{{cloze:Text}}", "{{cloze:Text}}{{#Source sentence}}<div class=source>{{Source sentence}}</div>{{/Source sentence}}", now),
  };
  const decks = Object.fromEntries([...deckIds].map(([name, id]) => [id, deck(id, name, now)]));
  const conf = { activeDecks: [1], curDeck: 1, newSpread: 0, collapseTime: 1200, timeLim: 0, estTimes: true, dueCounts: true, curModel: BASIC_MID, nextPos: cards.length + 1, sortType: "noteFld", sortBackwards: false, addToCur: true };

  const db = new Database(":memory:");
  try {
    db.exec(SCHEMA11_SQL);
    db.prepare("insert into col values (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')").run(crt, now * 1000, now * 1000, JSON.stringify(conf), JSON.stringify(models), JSON.stringify(decks), JSON.stringify({ 1: DECK_CONFIG }));
    const insNote = db.prepare("insert into notes values (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')");
    const insCard = db.prepare("insert into cards values (?, ?, ?, 0, ?, -1, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?)");
    const insRev = db.prepare("insert into revlog values (?, ?, -1, ?, ?, ?, ?, ?, ?)");
    const usedRevIds = new Set<number>();
    const baseId = now * 1000;
    db.transaction(() => {
      cards.forEach((c, i) => {
        const nid = baseId + i;
        const cid = baseId + i;
        const cloze = c.type === "cloze" && c.prompt.includes("____");
        const mid = cloze ? CLOZE_MID : c.type === "typed" ? TYPED_MID : BASIC_MID;
        const fields = cloze
          ? [textToHtml(c.prompt).replace("____", `{{c1::${textToHtml(c.answer)}}}`), textToHtml(c.source), textToHtml(c.document), c.kind]
          : [textToHtml(c.prompt), textToHtml(c.answer), textToHtml(c.source), textToHtml(c.document), c.kind];
        const tags = [...new Set([c.kind, ...c.tags].filter(Boolean).map((t) => t.replace(/\s+/g, "_")))];
        const sortField = cloze ? clozeSortText(fields[0]!) : c.prompt;
        insNote.run(nid, guidFor(c.id), mid, now, tags.length ? ` ${tags.join(" ")} ` : "", fields.join("\x1f"), sortField, fieldChecksum(sortField));
        const s = opts.scheduling ? c.state : null;
        const sched = schedule(s, i, crt);
        insCard.run(cid, nid, deckIds.get(c.deck)!, now, sched.type, sched.queue, sched.due, sched.ivl, sched.factor, sched.reps, sched.lapses, s && s.stability > 0 ? JSON.stringify({ s: round(s.stability), d: round(s.difficulty) }) : "");
        if (!opts.scheduling) return;
        for (const l of c.logs) {
          let id = l.review.getTime();
          while (usedRevIds.has(id)) id++; // revlog.id is the review time in ms and must be unique
          usedRevIds.add(id);
          const type = l.kind ? REVLOG_TYPE[l.kind] : l.rating === 0 ? 4 : l.state === 2 ? 1 : l.state === 3 ? 2 : 0;
          // A manual row keeps its interval (0 is Anki's "Forget"); a learning step is negative seconds.
          const ivl = l.rating === 0 || l.scheduledDays > 0 ? l.scheduledDays : -600;
          insRev.run(id, cid, l.rating, ivl, l.elapsedDays, l.rating === 0 ? 0 : 2500, Math.min(l.durationMs ?? 0, 60_000), type);
        }
      });
    })();
    const sqlite = db.serialize();
    return zipSync({ "collection.anki21": new Uint8Array(sqlite), media: new TextEncoder().encode("{}") });
  } finally {
    db.close();
  }
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

function clozeSortText(html: string): string {
  return html.replace(/\{\{c\d+::([\s\S]*?)\}\}/g, "$1");
}

/** "A::B::C" and its parent decks "A", "A::B" (Anki needs every level to exist). */
function parents(name: string): string[] {
  const parts = name.split("::");
  return parts.map((_, i) => parts.slice(0, i + 1).join("::"));
}

/** Anki's card scheduling columns from Recall's state (rslib storage/card: type, queue, due). */
function schedule(s: ExportCard["state"], position: number, crt: number) {
  if (!s || s.state === 0) return { type: 0, queue: s?.suspended ? -1 : 0, due: position + 1, ivl: 0, factor: 0, reps: 0, lapses: 0 };
  const dueSeconds = Math.floor(s.due.getTime() / 1000);
  const learning = s.state === 1 || s.state === 3;
  const queue = s.suspended ? -1 : s.buried ? -2 : learning ? 1 : 2;
  return {
    type: s.state,
    queue,
    // Learning cards are due at an epoch second, review cards on a day counted from col.crt.
    due: learning ? dueSeconds : Math.max(0, Math.floor((dueSeconds - crt) / DAY)),
    ivl: Math.max(learning ? 0 : 1, s.scheduledDays),
    factor: 2500,
    reps: s.reps,
    lapses: s.lapses,
  };
}
