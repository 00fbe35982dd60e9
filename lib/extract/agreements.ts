// Agreements: who agreed with whom, when, and what it allows. Covers signed agreements
// (active and passive, "a similar agreement was signed with X" resolved against the
// agreement before it), partnerships set up with a list of countries, and "X and Y are
// partners of Z".
import type { AnswerType, Candidate, DocContext, Replacement } from "./candidate";
import { findDates } from "./dates";
import { countryByCapital } from "./geo";
import type { Mention } from "./entities";
import { entityLists, type EntityList } from "./lists";
import { baseForm } from "./questions";
import { isFactual, type Sentence, type Tok } from "./sentences";

const AGREEMENT_NOUNS =
  /^(agreements?|accords?|treat(y|ies)|deals?|pacts?|contracts?|memorand(um|a)|conventions?|protocols?|partnerships?|alliances?)$/;
const SIGN_VERBS = /^(signed|concluded|reached|struck|inked|sealed|renewed|ratified|negotiated|finalized|finalised|agreed)$/;
const ALLOW_VERBS =
  /^(allows?|allowed|lets?|permits?|permitted|establish(es|ed)?|provides?|provided|grants?|granted|enables?|enabled|authori[sz]es?|authori[sz]ed|gives?|gave|guarantees?|guaranteed|commits?|committed)$/;
const PARTNER_NOUNS = /^(partners?|all(y|ies)|members?)$/;
const LINK_VERBS = /^(are|is|were|was|became|become|remain|remains|remained)$/;
const SIMILAR = /^(similar|same|another|such|comparable|identical)$/;

export interface AgreementRecord {
  sentence: number;
  parties: string[];
  date?: string;
}

function slice(doc: DocContext, toks: Tok[], a: number, b: number): string {
  return a < b ? doc.masked.slice(toks[a].start, toks[b - 1].end).replace(/\s+/g, " ") : "";
}

function partyName(doc: DocContext, m: Mention): string {
  // A capital stands for its country in news language ("Moscow has been setting up ...").
  if (m.type === "city") return countryByCapital(m.text)?.name ?? m.text;
  return doc.entities.entities.get(m.entityId)?.name ?? m.text;
}

function listType(doc: DocContext, l: EntityList): AnswerType {
  return { t: "entity-list", entityIds: l.items.map((m) => m.entityId), conj: l.conj };
}

function mentionType(m: Mention): AnswerType {
  return { t: "entity", entityId: m.entityId };
}

/** Up to the end of the clause (comma before a new clause, semicolon, end). */
function phraseEnd(toks: Tok[], a: number): number {
  let e = a;
  while (e < toks.length && !/^[,;:.!?]$/.test(toks[e].text)) e++;
  // "... between the two countries and, for the first time, ...": no dangling joiner.
  while (e > a && /^(CCONJ|ADP|DET|SCONJ)$/.test(toks[e - 1].pos)) e--;
  return e;
}

/** A present or past verb opening a relative clause ("that allows", "which removed"). */
function isClauseVerb(t: Tok | undefined): boolean {
  if (!t) return false;
  if (ALLOW_VERBS.test(t.lower)) return true;
  return t.pos === "VERB" && /[a-z](s|ed)$/.test(t.lower) && !/ss$/.test(t.lower);
}

function verbBase(w: string): string {
  if (/ed$/.test(w)) return baseForm(w);
  if (/(sh|ch|x|ss)es$/.test(w)) return w.slice(0, -2);
  if (/ies$/.test(w)) return w.slice(0, -3) + "y";
  return w.replace(/s$/, "");
}

function joinParties(names: string[]): string {
  return names.length <= 2 ? names.join(" and ") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export function extractAgreements(doc: DocContext): Candidate[] {
  const out: Candidate[] = [];
  let last: AgreementRecord | null = null;
  for (const s of doc.sentences) {
    if (!isFactual(s)) continue;
    const toks = s.tokens;
    const mentions = doc.entities.bySentence[s.index].filter((m) => m.type !== "demonym");
    const lists = entityLists(s, mentions);
    const dates = findDates(s, doc);
    const dateHit = dates[0];
    const date = dateHit ? slice(doc, toks, dateHit.from, dateHit.to) : undefined;
    const before = out.length;

    for (let i = 0; i < toks.length; i++) {
      // Active: "X and Y signed an agreement (with Z) that allows W".
      if (SIGN_VERBS.test(toks[i].lower) && toks[i - 1]?.lower !== "was" && toks[i - 1]?.lower !== "were" && toks[i - 1]?.lower !== "been") {
        let n = i + 1;
        while (n < toks.length && n - i <= 5 && !AGREEMENT_NOUNS.test(toks[n].lower)) n++;
        if (n >= toks.length || !AGREEMENT_NOUNS.test(toks[n].lower)) continue;
        let clauseStart = i - 1;
        while (clauseStart >= 0 && toks[clauseStart].text !== ",") clauseStart--;
        const subj = mentions.filter((m) => m.from > clauseStart && m.to <= i);
        let k = n + 1;
        let withParties: Mention[] = [];
        if (toks[k]?.lower === "with") {
          withParties = mentions.filter((m) => m.from > k && m.from <= k + 8 && m.to <= phraseEnd(toks, k));
          k = withParties.length ? withParties[withParties.length - 1].to : k;
        }
        const parties = [...subj, ...withParties].map((m) => partyName(doc, m));
        if (parties.length < 2 && !(parties.length === 1 && subj.length === 1)) continue;
        // "a memorandum of understanding on Tuesday, March 14, that ...": a complement and a date
        // may sit between the noun and its clause.
        if (withParties.length === 0 && toks[k]?.lower === "of" && toks[k + 1]?.pos === "NOUN") k += 2;
        const near = dates.find((d) => d.from > k && d.from <= k + 3);
        if (near && /^(in|on)$/.test(toks[k]?.lower ?? "")) {
          k = near.to;
          if (toks[k]?.text === ",") k++;
        }
        const when = near ?? dateHit;
        const whenText = when ? slice(doc, toks, when.from, when.to) : undefined;
        // What the agreement allows, establishes, removes...: the object of its relative clause.
        let allowAt = -1;
        let modal = "";
        if (/^(that|which)$/.test(toks[k]?.lower ?? "")) {
          if (isClauseVerb(toks[k + 1])) allowAt = k + 1;
          else if (/^(will|would|can|could|may)$/.test(toks[k + 1]?.lower ?? "") && toks[k + 2]?.pos === "VERB") {
            allowAt = k + 2;
            modal = toks[k + 1].lower;
          }
        } else if (toks[k] && ALLOW_VERBS.test(toks[k].lower) && /ing$/.test(toks[k].lower)) allowAt = k;
        // The parties as the sentence names them ("the European Union and Mercosur").
        const subjFrom = subj.length ? (toks[subj[0].from - 1]?.lower === "the" ? subj[0].from - 1 : subj[0].from) : -1;
        const partiesText = subj.length >= 2 ? slice(doc, toks, subjFrom, subj[subj.length - 1].to).replace(/^The /, "the ") : joinParties(parties);
        const fields = { parties, date: whenText, relation: "signed", noun: toks[n].lower };
        // What the agreement allows: the phrase toks[from, to) is the answer.
        const allowsCandidate = (from: number, to: number, question?: string) => ({
          kind: "agreement" as const,
          sentence: s,
          answer: slice(doc, toks, from, to),
          start: toks[from].start,
          end: toks[to - 1].end,
          answerType: { t: "phrase" as const },
          fields: { ...fields, allows: slice(doc, toks, from, to) },
          question,
        });
        if (allowAt >= 0) {
          const a = allowAt + 1 + (toks[allowAt + 1]?.lower === "for" ? 1 : 0);
          const e = phraseEnd(toks, a);
          if (e - a >= 2 && e - a <= 16) {
            const verb = verbBase(toks[allowAt].lower);
            const whenQ = when ? ` ${when.type.t === "day-month" ? "on" : "in"} ${whenText}` : "";
            const ask = verb === "let" ? "allow" : verb;
            out.push(
              allowsCandidate(
                a,
                e,
                parties.length >= 2 && (modal || /s$/.test(toks[allowAt].lower))
                  ? `What ${modal || "does"} the ${toks[n].lower} that ${partiesText} signed${whenQ} ${ask}?`
                  : undefined,
              ),
            );
          }
        }
        // "... that will remove tariffs on X and, for the first time, allow Y to ...": a second
        // thing the agreement does, joined to the first.
        if (allowAt >= 0) {
          const firstEnd = phraseEnd(toks, allowAt + 1);
          const j = firstEnd;
          if (toks[j]?.lower === "and") {
            let c = j + 1;
            if (toks[c]?.text === ",") {
              c++;
              while (c < toks.length && c - j < 10 && toks[c].text !== ",") c++;
              c++;
            }
            if (toks[c] && ALLOW_VERBS.test(toks[c].lower) && toks[c].pos === "VERB") {
              const a2 = c + 1;
              const e2 = phraseEnd(toks, a2);
              if (e2 - a2 >= 2 && e2 - a2 <= 16) {
                out.push(allowsCandidate(a2, e2));
              }
            }
          }
        }
        // The party signed with: "with Z", or the last of "X and Y signed".
        const other = withParties.length === 1 ? withParties[0] : withParties.length === 0 && subj.length === 2 ? subj[1] : null;
        if (other && (other.type === "country" || other.type === "org")) {
          out.push({
            kind: "agreement",
            sentence: s,
            answer: other.text,
            start: other.start,
            end: other.end,
            answerType: mentionType(other),
            fields,
          });
        }
        last = { sentence: s.index, parties, date: whenText };
        break;
      }

      // Passive: "a (similar) agreement was signed with X" / "between X and Y".
      if (AGREEMENT_NOUNS.test(toks[i].lower) && /^(was|were|has|had|have)$/.test(toks[i + 1]?.lower ?? "")) {
        let v = i + 2;
        if (toks[v]?.lower === "been") v++;
        if (!SIGN_VERBS.test(toks[v]?.lower ?? "")) continue;
        const prep = toks[v + 1]?.lower;
        if (prep !== "with" && prep !== "between") continue;
        const e = phraseEnd(toks, v + 2);
        const named = mentions.filter((m) => m.from >= v + 2 && m.to <= e);
        if (named.length === 0) continue;
        const similar = SIMILAR.test(toks[i - 1]?.lower ?? "") || SIMILAR.test(toks[i - 2]?.lower ?? "");
        const prev = last && s.index - last.sentence <= 5 ? last : null;
        let parties = named.map((m) => partyName(doc, m));
        const context: Replacement[] = [];
        if (prep === "with" && prev) {
          // The signer is the party the previous agreement and this one share: its subject.
          parties = [prev.parties[0], ...parties];
          const anaphor = toks.findIndex((t, k) => /^(that|this)$/.test(t.lower) && /^(before|after)$/.test(toks[k - 1]?.lower ?? ""));
          if (anaphor >= 0) {
            context.push({
              start: toks[anaphor].start,
              end: toks[anaphor].end,
              text: `the ${prev.date ? `${prev.date} ` : ""}agreement between ${joinParties(prev.parties)}`,
            });
          }
        } else if (prep === "with" && !prev) {
          continue;
        }
        const list = lists.find((l) => l.from >= v + 2 && l.to <= e);
        const ans = list ?? null;
        const m = named[0];
        out.push({
          kind: "agreement",
          sentence: s,
          answer: ans ? slice(doc, toks, ans.from, ans.to) : m.text,
          start: ans ? toks[ans.from].start : m.start,
          end: ans ? toks[ans.to - 1].end : m.end,
          answerType: ans ? listType(doc, ans) : mentionType(m),
          fields: { parties, date, relation: "signed", similarTo: similar && prev ? prev.sentence : undefined, noun: toks[i].lower },
          context,
        });
        last = { sentence: s.index, parties, date };
        break;
      }
    }
    if (out.length > before) continue;

    // "The agreement also gives Nordlys the right to ...", "the Chile-Vietnam agreement allows X to ...".
    const subjAt = toks.findIndex((t, k) => AGREEMENT_NOUNS.test(t.lower) && k <= 6 && (ALLOW_VERBS.test(toks[k + 1]?.lower ?? "") || (toks[k + 1]?.pos === "ADV" && ALLOW_VERBS.test(toks[k + 2]?.lower ?? ""))));
    if (subjAt >= 0 && !toks.slice(0, subjAt).some((t) => t.pos === "VERB" || t.text === ",")) {
      const v = ALLOW_VERBS.test(toks[subjAt + 1].lower) ? subjAt + 1 : subjAt + 2;
      const a = v + 1;
      const e = phraseEnd(toks, a);
      const named = mentions.filter((m) => m.to <= subjAt && (m.type === "country" || m.type === "org"));
      const prev = last && s.index - last.sentence <= 5 ? last : null;
      const parties = named.length >= 2 ? named.map((m) => partyName(doc, m)) : prev?.parties;
      if (e - a >= 2 && e - a <= 16 && parties) {
        const verb = verbBase(toks[v].lower);
        out.push({
          kind: "agreement",
          sentence: s,
          answer: slice(doc, toks, a, e),
          start: toks[a].start,
          end: toks[e - 1].end,
          answerType: { t: "phrase" },
          fields: { parties, allows: slice(doc, toks, a, e), relation: "terms", noun: toks[subjAt].lower },
          question: /s$/.test(toks[v].lower)
            ? `What does the ${toks[subjAt].lower} between ${joinParties(parties)} ${verb === "let" ? "allow" : verb}?`
            : undefined,
        });
        continue;
      }
    }

    // "Moscow has been setting up partnerships ... such as A, B, C or D".
    const pIdx = toks.findIndex((t) => /^(partnerships?|alliances?|agreements)$/.test(t.lower));
    if (pIdx >= 0) {
      const list = lists.find((l) => l.from > pIdx && /^(as|including|with|like|:)$/.test(toks[l.from - 1]?.lower ?? "") && l.items.every((m) => m.type === "country" || m.type === "org"));
      const subj = mentions.find((m) => m.to <= pIdx && (m.type === "country" || m.type === "city" || m.type === "org"));
      if (list && subj) {
        const parties = [partyName(doc, subj), ...list.items.map((m) => partyName(doc, m))];
        out.push({
          kind: "agreement",
          sentence: s,
          answer: slice(doc, toks, list.from, list.to),
          start: toks[list.from].start,
          end: toks[list.to - 1].end,
          answerType: listType(doc, list),
          fields: { parties, date, relation: "partnership", noun: toks[pIdx].lower },
        });
        continue;
      }
    }

    // "Colombia and Brazil, ..., are already non-regional partners of NATO".
    for (let i = 0; i < toks.length; i++) {
      if (!LINK_VERBS.test(toks[i].lower)) continue;
      let p = i + 1;
      while (p < toks.length && p - i <= 5 && !PARTNER_NOUNS.test(toks[p].lower)) p++;
      if (!PARTNER_NOUNS.test(toks[p]?.lower ?? "") || !/^(of|with)$/.test(toks[p + 1]?.lower ?? "")) continue;
      if (toks.slice(i + 1, p).some((t) => /^(not|never|no)$/.test(t.lower) || t.pos === "VERB")) continue;
      const other = mentions.find((m) => m.from === p + 2 || (m.from === p + 3 && toks[p + 2].lower === "the"));
      if (!other) continue;
      const subjEnd = toks[i - 1]?.text === "," ? i - 1 : i;
      const list = lists.find((l) => l.to === subjEnd);
      const single = list ? null : mentions.find((m) => m.to === subjEnd && m.type !== "city");
      if (!list && !single) continue;
      const items = list ? list.items : [single!];
      const parties = [...items.map((m) => partyName(doc, m)), partyName(doc, other)];
      out.push({
        kind: "agreement",
        sentence: s,
        answer: list ? slice(doc, toks, list.from, list.to) : single!.text,
        start: list ? toks[list.from].start : single!.start,
        end: list ? toks[list.to - 1].end : single!.end,
        answerType: list ? listType(doc, list) : mentionType(single!),
        fields: { parties, date, relation: "partners", with: partyName(doc, other) },
      });
      break;
    }
  }
  return out;
}

export function listSizes(doc: DocContext, s: Sentence): number[] {
  return entityLists(s, doc.entities.bySentence[s.index]).map((l) => l.items.length);
}
