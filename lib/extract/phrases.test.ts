// Attributed claims (claims.ts) and phrase clozes (phrases.ts), on sentences written for these tests.
import { describe, expect, it } from "vitest";
import { analyzeDocument, generate } from "./index";
import { attributedStatement, claimAllowed } from "./claims";
import { phraseGivenAway } from "./phrases";
import { quizItems } from "./views";
import { malformedItems } from "../../scripts/eval-cards";

function phrases(text: string) {
  return analyzeDocument(text).candidates.filter((c) => c.fields.claim).map((c) => ({ answer: c.answer, statement: c.statement }));
}

const INTERVIEW = `title: Radio interview with Tom Reyes of Coast FM (Fisheries Minister Ana Duarte)
published: 2023-03-09

REYES: Why did you close the northern fishery?

FISHERIES MINISTER: The main reason is science. I think Lake Orva is a fragile nursery for young cod, and we simply have to protect it.

REYES: Some say the ban will cost jobs.

FISHERIES MINISTER: Our agreement with the trawler owners is central to the plan. The Coastal Fisheries Accord was signed in May. This accord sets a quota of 4,000 tonnes. It means compensation for every licensed boat.`;

// Genres the development set does not have: a science podcast and a court report.
const PODCAST = `title: Episode 42: Saving the Wadden Sea (Marine Biologist Karin Visser)
published: 2024-06-12

HOST: Welcome back. Karin, what is the Wadden Sea?

MARINE BIOLOGIST: The Wadden Sea is the largest unbroken system of intertidal sand and mud flats in the world. It stretches along the coasts of the Netherlands, Germany and Denmark. I think the Wadden Sea is a nursery for North Sea fish, and we have measured this for twenty years.

HOST: And the seals are coming back?

MARINE BIOLOGIST: Yes. The harbour seal population has recovered since the 1988 epidemic. There are now about 28,000 harbour seals in the area. The Trilateral Wadden Sea Cooperation was founded in 1978. This cooperation has a common secretariat in Wilhelmshaven. Our main worry is the rising sea level.

HOST: Thank you.`;

const COURT = `title: Court rules on harbour expansion
published: 2023-11-02

The Regional Administrative Court annulled the permit for the Eastport harbour expansion on Tuesday. The judges found that the environmental assessment ignored the impact on a protected bird colony. The permit had been issued by the provincial government in 2021.

The ruling is a setback for the harbour authority, which had planned to start work in spring. The authority has six weeks to appeal. Environmental groups welcomed the decision. The expansion plan includes a new container terminal and a rail link to the inland port.`;

describe("phrase clozes: what a named subject is, has or means", () => {
  it("blanks the complement of a linking verb after a named subject", () => {
    expect(phrases("Unlike the Nordic Council, the Baltic Council has no permanent secretariat.")).toEqual([
      { answer: "no permanent secretariat", statement: "Unlike the Nordic Council, the Baltic Council has no permanent secretariat." },
    ]);
    expect(phrases("Since 1996, Iceland has been a founding member of the Arctic Forum.")[0].answer).toBe("founding member of the Arctic Forum");
  });

  it("reads a participle after an article as part of the subject's complement", () => {
    expect(phrases("Once both ports sign, the terms of the negotiated harbour charter will become national law for every pilot.").map((p) => p.answer)).toEqual(["national law for every pilot"]);
    // A participle after its noun ends the noun phrase: no subject, no card.
    expect(phrases("The rules of the charter amended in May became national law.").map((p) => p.answer)).not.toContain("national law");
  });

  it("makes no card when almost nothing is left around the blank", () => {
    expect(phrases("Latvia has no permanent secretariat.")).toEqual([]);
    expect(phrases("Latvia is a founding member.")).toEqual([]);
  });

  it("needs a subject that says what the clause is about", () => {
    // "The final reason" or a bare pronoun points to something said before.
    expect(phrases("The final reason is money.")).toEqual([]);
    expect(phrases("They are a fragile nursery for young cod.")).toEqual([]);
  });

  it("takes what there is, keeping the rest of the sentence as context", () => {
    expect(phrases("There will be a joint committee on fishing quotas from next year.")).toEqual([
      { answer: "joint committee on fishing quotas", statement: "There will be a joint committee on fishing quotas from next year." },
    ]);
    // Hedged existence is not a fact.
    expect(phrases("There might be a joint committee on fishing quotas from next year.")).toEqual([]);
  });

  it("takes a transitive verb's object after a named subject, but not a report or a wish", () => {
    expect(phrases("Sponsored by Peru, the Lima Protocol banned the dumping of oil waste.")[0]).toMatchObject({ answer: "dumping of oil waste" });
    expect(phrases("The Lima Protocol wanted a cleaner coast for everyone.")).toEqual([]);
  });

  it("refuses answers that are pronouns, fillers, bare names, lone generic nouns or evaluations stated as fact", () => {
    expect(phrases("The Lima Protocol is part of it.")).toEqual([]);
    expect(phrases("The Lima Protocol is a good thing.")).toEqual([]);
    expect(phrases("The Lima Protocol is Peru.")).toEqual([]);
    expect(phrases("In 2019, the Senate approved the treaty overwhelmingly.")).toEqual([]);
    // An unattributed judgement is not stated as a fact.
    expect(phrases("The Lima Protocol is a wonderful achievement of diplomacy.")).toEqual([]);
  });

  it("never ends an answer on a modifier cut from its complement", () => {
    expect(phrases("Rye bread is a bread leavened by wild yeast and lactic acid bacteria in Finland.").map((p) => p.answer)).not.toContain("bread leavened");
  });

  it("cuts a whole sentence to the answer's clause when another clause is about an unresolved 'it'", () => {
    expect(phrases("For Peru, the Lima Protocol lowers the tariff on copper ore and it helps miners.")).toEqual([
      { answer: "tariff on copper ore", statement: "For Peru, the Lima Protocol lowers the tariff on copper ore." },
    ]);
  });

  it("never takes one item out of a list of complements", () => {
    expect(phrases("Under the Lima Protocol, Peruvian consumers will pay less for cars, for clothes and for phones.")).toEqual([]);
  });

  it("keeps one of two clozes whose prompts differ only in small words, since each could take the other's answer", () => {
    const ps = phrases("Chile and Peru are both small Pacific economies. Chile and Peru are the two smallest Pacific economies.");
    expect(ps.map((p) => p.answer)).toEqual(["two smallest Pacific economies"]);
  });

  it("keeps a long answer's head phrase and never cuts a figure from its unit", () => {
    const [p] = phrases("The Lima Protocol means tariff free access for 99.5 per cent of Peru's mineral and fish exports within five years.");
    expect(p.answer).toBe("tariff free access");
  });

  it("refuses a clause whose place or thing is named elsewhere, or what a colon lists", () => {
    expect(phrases("Quechua is the main language there.")).toEqual([]);
    expect(phrases("Peru has three export markets: China and Chile.")).toEqual([]);
  });

  it("says when the rest of the prompt gives the blank away", () => {
    expect(phraseGivenAway("The fishing quota is a quota on fishing.", "quota on fishing")).toBe(true);
    expect(phraseGivenAway("The accord sets a quota on fishing.", "quota on fishing")).toBe(false);
  });
});

describe("attributed claims: what a speaker said", () => {
  it("attributes a transcript's opinion to its speaker instead of stating it as fact", () => {
    const ps = phrases(INTERVIEW);
    const nursery = ps.find((p) => p.answer === "fragile nursery for young cod");
    expect(nursery?.statement).toBe('Ana Duarte said: "I think Lake Orva is a fragile nursery for young cod, and we simply have to protect it."');
    const cards = generate(INTERVIEW).cards.filter((c) => c.answer === "fragile nursery for young cod");
    expect(cards[0].prompt).toMatch(/^Ana Duarte said: "I think Lake Orva is a ____/);
    // An attributed claim is a fact about what was said: its true statement names the speaker too.
    expect(cards[0].trueStatement).toMatch(/^Ana Duarte said:/);
  });

  it("gives a bare subject ('the main reason') the interviewer's question as context, and nothing else does", () => {
    expect(phrases(INTERVIEW)).toContainEqual({ answer: "science", statement: 'Asked "Why did you close the northern fishery?", Ana Duarte said: "The main reason is science."' });
    // The same answer after a statement, not a question: no card (tested without a speaker above too).
    const noQuestion = INTERVIEW.replace("REYES: Why did you close the northern fishery?", "REYES: You closed the northern fishery.");
    expect(phrases(noQuestion).map((p) => p.answer)).not.toContain("science");
  });

  it("makes no card of the same opinion when nobody is known to say it", () => {
    expect(phrases("I think Lake Orva is a fragile nursery for young cod, and we simply have to protect it.")).toEqual([]);
    expect(generate("I think Lake Orva is a fragile nursery for young cod.").cards).toEqual([]);
  });

  it("quotes the speaker's own first-person words verbatim", () => {
    const p = phrases(INTERVIEW).find((x) => x.answer === "central to the plan");
    expect(p?.statement).toBe('Ana Duarte said: "Our agreement with the trawler owners is central to the plan."');
  });

  it("spells out 'this accord' and 'It' and reports the clause under the speaker's name", () => {
    const ps = phrases(INTERVIEW);
    expect(ps.find((p) => p.answer === "quota of 4,000 tonnes")?.statement).toBe("According to Ana Duarte, the Coastal Fisheries Accord sets a quota of 4,000 tonnes.");
    expect(ps.find((p) => p.answer === "compensation for every licensed boat")?.statement).toBe(
      "According to Ana Duarte, the Coastal Fisheries Accord means compensation for every licensed boat.",
    );
  });

  it("leaves 'this accord' unresolved when two names could be meant", () => {
    const text = "The Coastal Fisheries Accord was signed in May. The Inland Waters Accord was signed in June. This accord sets a quota of 4,000 tonnes.";
    expect(phrases(text).find((p) => p.answer === "quota of 4,000 tonnes")).toBeUndefined();
  });

  it("never takes a claim from a question or a sentence addressed to 'you'", () => {
    const s = analyzeDocument(INTERVIEW).doc.sentences;
    expect(s.filter((x) => x.question).every((x) => !claimAllowed(x))).toBe(true);
    expect(phrases("Your ministry is a fragile nursery for young cod.")).toEqual([]);
  });

  it("writes the attribution forms", () => {
    expect(attributedStatement({ speaker: "Ana Duarte" }, "The accord sets a quota", { firstPerson: false, verbatim: true })).toBe("According to Ana Duarte, the accord sets a quota.");
    expect(attributedStatement({ speaker: "Ana Duarte" }, "Peru sets a quota", { firstPerson: false, verbatim: true, properStart: true })).toBe("According to Ana Duarte, Peru sets a quota.");
    expect(attributedStatement({ speaker: "Ana Duarte" }, "It means a quota for us", { firstPerson: true, verbatim: true, about: "The accord" })).toBe(
      'Ana Duarte said of the accord: "It means a quota for us."',
    );
    expect(attributedStatement({ speaker: null }, "We set a quota", { firstPerson: true, verbatim: true })).toBeNull();
    expect(attributedStatement({ speaker: "Ana Duarte" }, "We set a quota", { firstPerson: true, verbatim: false })).toBeNull();
  });

  it("leaves no malformed quiz item on the interview", () => {
    expect(malformedItems(quizItems(generate(INTERVIEW)))).toEqual([]);
  });
});

describe("reach: a podcast and a court report written for this test", () => {
  it("attributes the guest's claims, resolves 'this cooperation', and reports the court's ruling", () => {
    const pod = phrases(PODCAST);
    expect(pod).toContainEqual({ answer: "nursery for North Sea fish", statement: 'Karin Visser said: "I think the Wadden Sea is a nursery for North Sea fish, and we have measured this for twenty years."' });
    expect(pod).toContainEqual({ answer: "common secretariat in Wilhelmshaven", statement: "According to Karin Visser, the Trilateral Wadden Sea Cooperation has a common secretariat in Wilhelmshaven." });
    // "Our main worry" says nothing without the speaker's context: no card.
    expect(pod.map((p) => p.answer)).not.toContain("rising sea level");
    expect(phrases(COURT).map((p) => p.answer)).toEqual(["permit for the Eastport harbour expansion"]);
    expect(malformedItems(quizItems(generate(PODCAST)))).toEqual([]);
    expect(malformedItems(quizItems(generate(COURT)))).toEqual([]);
  });
});
