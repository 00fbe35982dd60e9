import { describe, expect, it } from "vitest";
import { clean } from "./clean";
import { analyze } from "./nlp";
import { buildSentences, isFactual, markQuestionTurns, resolveLeadingIt } from "./sentences";
import { speakerAt } from "./speakers";

function sentences(text: string, title?: string) {
  const { masked, speakers, meta } = clean(text);
  const a = analyze(masked);
  const s = buildSentences(masked, a.tokens, a.sentences);
  resolveLeadingIt(s, masked);
  markQuestionTurns(s, speakers);
  const who = speakerAt(speakers, title ?? meta.title);
  for (const x of s) x.speaker = who(x.start);
  return s;
}

describe("sentences", () => {
  it("flags interview questions", () => {
    const [q, f] = sentences("What is the Russian military deployment in the region? Russia has no base there at all.");
    expect(q.question).toBe(true);
    expect(isFactual(q)).toBe(false);
    expect(f.question).toBe(false);
  });

  it("flags opinions introduced by think/believe and negated beliefs", () => {
    const s = sentences("I think the current situation has nothing to do with the crisis of 1962. I don't believe in repetitions in history. For me, the talks are a culmination of many things.");
    expect(s.map((x) => x.opinion)).toEqual([true, true, true]);
  });

  it("strips a factive lead-in and keeps the fact", () => {
    const [s] = sentences("I recall that in 2019, Russia and Venezuela signed an agreement.");
    expect(s.opinion).toBe(false);
    expect(s.text).toBe("In 2019, Russia and Venezuela signed an agreement.");
  });

  it("strips discourse markers and capitalises what is left", () => {
    const [a, b] = sentences("And then in 2021, the company began construction. So, from a practical point of view, a presence is possible.");
    expect(a.text).toBe("In 2021, the company began construction.");
    expect(b.text).toBe("From a practical point of view, a presence is possible.");
  });

  it("cuts an opinion tail and keeps the factual first clause", () => {
    const [s] = sentences("Russia is increasingly facing competition from China and I think that in the future this will only increase.");
    expect(s.truncated).toBe(true);
    expect(s.text).toBe("Russia is increasingly facing competition from China.");
  });

  it("drops 'According to him' but keeps a named attribution", () => {
    const [a, b] = sentences("According to him, Moscow has set up many partnerships. According to Reuters, the plant opened in 2020.");
    expect(a.text.startsWith("Moscow")).toBe(true);
    expect(b.text.startsWith("According to Reuters")).toBe(true);
  });

  it("resolves a leading 'It' to the previous definite subject", () => {
    const s = sentences("The Dangote refinery opened in 2023. It is the third largest refinery in the world.");
    expect(s[1].resolved?.text).toBe("The Dangote refinery");
  });

  it("treats quoted speech as someone's words, not a fact", () => {
    const [q, f] = sentences('"We will double output by 2030 and hire many people," the chief executive said. The plant opened in 2020 near the river.');
    expect(q.quoted).toBe(true);
    expect(isFactual(q)).toBe(false);
    expect(isFactual(f)).toBe(true);
  });

  it("keeps a first-person sentence only when its speaker is known", () => {
    const [named] = sentences("Lena Brooks: We opened 40 clinics in the valley last spring.");
    expect(named.speaker).toBe("Lena Brooks");
    expect(isFactual(named)).toBe(true);
    const [unknown] = sentences("Our team opened 40 clinics in the valley last spring.");
    expect(unknown.firstPerson).toBe(true);
    expect(isFactual(unknown)).toBe(false);
  });

  it("does not take a reporter's 'we learned' frame or the country 'US' for a first person", () => {
    const [frame] = sentences("The port will close for repairs, this is what we learned this Friday.");
    expect(frame.firstPerson).toBe(false);
    const [country] = sentences("Trade between Chile and the US doubled over the decade.");
    expect(country.firstPerson).toBe(false);
  });

  it("makes no fact from a sentence addressed to 'you' or led by a personal pronoun of any length", () => {
    const [you] = sentences("You are playing a leading role in the northern province of the country.");
    expect(isFactual(you)).toBe(false);
    const [he] = sentences("He addressed the national assembly of the republic in 1953 about the harbour project.");
    expect(isFactual(he)).toBe(false);
    const [named] = sentences("The mayor addressed the national assembly of the republic in 1953 about the harbour project.");
    expect(isFactual(named)).toBe(true);
  });

  it("treats the premise of an interviewer's question as part of the question", () => {
    const s = sentences("Interviewer: I've read that you test 500 rivers every year. Is that right?\n\nMaria Lopez: We test 312 rivers every single year in the north.");
    expect(s.map((x) => isFactual(x))).toEqual([false, false, true]);
  });

  it("skips a sentence that continues the one before, pleasantries, and short pronoun sentences", () => {
    const s = sentences('"Why now?" asked the mayor of the small coastal town. Dr. Smith, thank you very much for your time. It is 312 plants today. Today it is around $180.');
    expect(s.length).toBeGreaterThanOrEqual(3);
    expect(s.filter((x) => isFactual(x))).toEqual([]);
  });

  it("keeps offsets pointing at the original sentence", () => {
    const text = "Heading\n\nThe plant opened in 2020. It employs many people.";
    const [s] = sentences(text);
    expect(text.slice(s.start, s.end)).toBe("The plant opened in 2020.");
  });
});

describe("capitalisation", () => {
  it("capitalises a first letter with a diacritic as one letter", async () => {
    const { capitalizeFirst } = await import("./text");
    expect(capitalizeFirst("åland's parliament")).toBe("Åland's parliament");
    expect(capitalizeFirst("____ is a scientist")).toBe("____ is a scientist");
    expect(capitalizeFirst('"we are proud"')).toBe('"We are proud"');
  });
});

describe("resolving a leading 'It'", () => {
  it("takes the nearest singular definite subject, passing over a plural one, and says 'The' for 'This'", () => {
    const s = sentences("The harbour treaty was drafted by two ministries. Critics doubted its value. It was ratified in 1961.");
    expect(s[2].resolved?.text).toBe("The harbour treaty");
    const t = sentences("This accord will open both markets.\n\nIt removes duties on wool and timber.");
    expect(t[1].resolved?.text).toBe("The accord");
  });

  it("leaves an expletive 'It is … that' and a sentence after a question unresolved", () => {
    const s = sentences("The harbour treaty was drafted in May. It is clear that nobody read it.");
    expect(s[1].resolved).toBeUndefined();
    const q = sentences("Was the harbour treaty drafted in May? It was ratified in 1961.");
    expect(q[1].resolved).toBeUndefined();
  });

  it("makes no fact from a subject that points back with 'This committee'", () => {
    const [, s] = sentences("A joint committee was set up in 2004. This committee meets twice a year in the capital.");
    expect(isFactual(s)).toBe(false);
  });
});

describe("demonstrative time adverbials", () => {
  it("does not read 'That evening' as a demonstrative subject, but keeps 'That committee' unclear", () => {
    const [a] = sentences("That evening the Danish envoy to Chile, Count Erik Holm, departed the country.");
    expect(a.pronounSubject).toBe(false);
    const [b] = sentences("That committee will meet at least twice a year in the capital.");
    expect(b.pronounSubject).toBe(true);
  });

  it("resolves the 'it' after an expletive 'It was agreed that' to the previous sentence's subject", () => {
    const text = "The new library was built by the city in 1998. It was agreed that it would open to the public in May 1999.";
    const [, s] = sentences(text);
    expect(s.resolved?.text).toBe("the new library");
    expect(text.slice(s.resolved!.start, s.resolved!.end)).toBe("it");
    expect(s.resolved!.start).toBeGreaterThan(text.indexOf("that"));
    expect(isFactual(s)).toBe(true);
  });

  it("leaves the inner 'it' unresolved when the sentence before has a plural subject (negative case)", () => {
    const [, s] = sentences("The two towns signed a pact in 1998. It was agreed that it would take effect in May 1999.");
    expect(s.resolved).toBeUndefined();
    expect(isFactual(s)).toBe(false);
  });
});
