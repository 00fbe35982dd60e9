import { describe, expect, it } from "vitest";
import { assembleQuiz, pickWeakest, toPublicQuestion } from "./assemble";
import type { QuestionType, QuizQuestion, QuizSourceCard } from "./types";

const ALL: QuestionType[] = ["multiple-choice", "true-false", "typed"];

function card(n: number, over: Partial<QuizSourceCard> = {}): QuizSourceCard {
  const year = String(2000 + n);
  return {
    id: `card-${String(n).padStart(3, "0")}`,
    factId: `fact-${n}`,
    kind: "date",
    prompt: `In ____, event ${n} happened.`,
    answer: year,
    accepted: [],
    distractors: [String(1900 + n), String(1950 + n), String(1980 + n)],
    trueStatement: `In ${year}, event ${n} happened.`,
    falseStatement: `In ${1900 + n}, event ${n} happened.`,
    source: `In ${year}, event ${n} happened.`,
    ...over,
  };
}

const deck = (count: number, over: (n: number) => Partial<QuizSourceCard> = () => ({})) =>
  Array.from({ length: count }, (_, i) => card(i + 1, over(i + 1)));

function countTypes(questions: QuizQuestion[]): Record<QuestionType, number> {
  const counts: Record<QuestionType, number> = { "multiple-choice": 0, "true-false": 0, typed: 0 };
  for (const q of questions) counts[q.type]++;
  return counts;
}

describe("assembleQuiz determinism", () => {
  const cards = deck(12);

  it("rebuilds the same quiz from the same seed (a resumed quiz looks the same)", () => {
    const opts = { length: 8, types: ALL, seed: "attempt-42" };
    expect(assembleQuiz(cards, opts)).toEqual(assembleQuiz(cards, opts));
  });

  it("does not depend on the order the cards arrive in", () => {
    const opts = { length: 8, types: ALL, seed: "attempt-42" };
    expect(assembleQuiz([...cards].reverse(), opts)).toEqual(assembleQuiz(cards, opts));
  });

  it("gives a different quiz for a different seed", () => {
    const a = assembleQuiz(cards, { length: "all", types: ALL, seed: "a" });
    const b = assembleQuiz(cards, { length: "all", types: ALL, seed: "b" });
    expect(a).not.toEqual(b);
  });

  it("does not mutate the cards", () => {
    const before = structuredClone(cards);
    assembleQuiz(cards, { length: "all", types: ALL, seed: "x" });
    expect(cards).toEqual(before);
  });
});

describe("assembleQuiz selection", () => {
  it("asks each fact at most once, even when it has several cards", () => {
    const cards = [...deck(5), ...deck(5).map((c) => ({ ...c, id: `${c.id}-cloze` }))];
    const quiz = assembleQuiz(cards, { length: "all", types: ALL, seed: "s" });
    expect(quiz).toHaveLength(5);
    const facts = quiz.map((q) => cards.find((c) => c.id === q.cardId)!.factId);
    expect(new Set(facts).size).toBe(5);
  });

  it("prefers, within a fact, the card that can be asked in the requested way", () => {
    const plain = card(1, { id: "a-plain", distractors: [] });
    const rich = card(1, { id: "b-rich" });
    const quiz = assembleQuiz([plain, rich], { length: "all", types: ["multiple-choice"], seed: "s" });
    expect(quiz.map((q) => q.cardId)).toEqual(["b-rich"]);
  });

  it("ignores a card listed twice", () => {
    const c = card(1);
    expect(assembleQuiz([c, c], { length: "all", types: ["typed"], seed: "s" })).toHaveLength(1);
  });

  it("honours the requested length", () => {
    expect(assembleQuiz(deck(10), { length: 4, types: ALL, seed: "s" })).toHaveLength(4);
    expect(assembleQuiz(deck(10), { length: "all", types: ALL, seed: "s" })).toHaveLength(10);
  });

  it("returns fewer questions when fewer facts can be asked", () => {
    expect(assembleQuiz(deck(3), { length: 10, types: ALL, seed: "s" })).toHaveLength(3);
  });

  it("draws different facts for different seeds when the quiz is shorter than the deck", () => {
    const picks = new Set(
      Array.from({ length: 10 }, (_, i) =>
        assembleQuiz(deck(20), { length: 3, types: ["typed"], seed: `s${i}` })
          .map((q) => q.cardId)
          .sort()
          .join(","),
      ),
    );
    expect(picks.size).toBeGreaterThan(5);
  });

  it("rejects an empty type list and a non-positive length", () => {
    expect(() => assembleQuiz(deck(3), { length: 3, types: [], seed: "s" })).toThrow(RangeError);
    expect(() => assembleQuiz(deck(3), { length: 0, types: ALL, seed: "s" })).toThrow(RangeError);
    expect(() => assembleQuiz(deck(3), { length: 1.5, types: ALL, seed: "s" })).toThrow(RangeError);
  });
});

describe("assembleQuiz question types", () => {
  it("asks multiple choice only of cards with three distractors", () => {
    const cards = deck(6, (n) => (n % 2 === 0 ? { distractors: [] } : {}));
    const quiz = assembleQuiz(cards, { length: "all", types: ["multiple-choice"], seed: "s" });
    expect(quiz.map((q) => q.cardId).sort()).toEqual(["card-001", "card-003", "card-005"]);
  });

  it("does not ask multiple choice when a distractor is the answer in another spelling", () => {
    const c = card(1, { answer: "3,000", distractors: ["3000", "4,000", "5,000"] });
    expect(assembleQuiz([c], { length: "all", types: ["multiple-choice"], seed: "s" })).toEqual([]);
  });

  it("asks true/false only of cards with a true statement", () => {
    const cards = deck(4, (n) => (n <= 2 ? { trueStatement: null, falseStatement: null } : {}));
    const quiz = assembleQuiz(cards, { length: "all", types: ["true-false"], seed: "s" });
    expect(quiz.map((q) => q.cardId).sort()).toEqual(["card-003", "card-004"]);
  });

  it("spreads the requested types evenly", () => {
    expect(countTypes(assembleQuiz(deck(9), { length: "all", types: ALL, seed: "s" }))).toEqual({
      "multiple-choice": 3,
      "true-false": 3,
      typed: 3,
    });
  });

  it("lets the seed decide which type gets the remainder", () => {
    const extras = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const counts = countTypes(assembleQuiz(deck(10), { length: "all", types: ALL, seed: `r${i}` }));
      expect(Object.values(counts).sort()).toEqual([3, 3, 4]);
      extras.add(Object.entries(counts).find(([, c]) => c === 4)![0]);
    }
    expect(extras.size).toBe(3);
  });

  it("keeps the scarce multiple-choice cards for multiple choice in a short quiz", () => {
    // 3 of 12 cards have distractors; a 4-question quiz can still be half multiple choice.
    const cards = deck(12, (n) => (n > 3 ? { distractors: [] } : {}));
    for (let i = 0; i < 20; i++) {
      const quiz = assembleQuiz(cards, { length: 4, types: ["multiple-choice", "typed"], seed: `m${i}` });
      expect(countTypes(quiz)).toEqual({ "multiple-choice": 2, "true-false": 0, typed: 2 });
    }
  });

  it("uses every multiple-choice card when the others cannot be asked that way", () => {
    const cards = deck(10, (n) => (n > 3 ? { distractors: [] } : {}));
    const quiz = assembleQuiz(cards, { length: "all", types: ["multiple-choice", "typed"], seed: "s" });
    expect(countTypes(quiz)).toEqual({ "multiple-choice": 3, "true-false": 0, typed: 7 });
  });

  it("finds the balanced assignment when a greedy choice would strand a type", () => {
    // Whenever the typed turn takes card 2 (the only true/false card), the draft
    // ends with no true/false question; card 2 must be moved back.
    const cards = [
      card(1, { trueStatement: null, falseStatement: null }), // MC or typed
      card(2, { distractors: [] }), // T/F or typed
      card(3, { trueStatement: null, falseStatement: null }), // MC or typed
    ];
    for (let i = 0; i < 50; i++) {
      const quiz = assembleQuiz(cards, { length: "all", types: ALL, seed: `g${i}` });
      expect(countTypes(quiz)).toEqual({ "multiple-choice": 1, "true-false": 1, typed: 1 });
    }
  });

  it("mixes the types through the quiz instead of grouping them", () => {
    const quiz = assembleQuiz(deck(30), { length: "all", types: ALL, seed: "mix" });
    const runs = quiz.filter((q, i) => i > 0 && q.type !== quiz[i - 1]!.type).length;
    expect(runs).toBeGreaterThan(10);
  });
});

describe("assembleQuiz question content", () => {
  it("builds multiple choice from the answer and the three distractors, in seeded order", () => {
    const c = card(7);
    const positions = new Set<number>();
    for (let i = 0; i < 20; i++) {
      const [q] = assembleQuiz([c], { length: 1, types: ["multiple-choice"], seed: `o${i}` });
      expect(q!.prompt).toBe(c.prompt);
      expect(q!.expected).toBe("2007");
      expect([...q!.options!].sort()).toEqual(["1907", "1957", "1987", "2007"]);
      positions.add(q!.options!.indexOf("2007"));
    }
    expect(positions.size).toBe(4);
  });

  it("shows the true or the false statement as the seed decides, and expects the matching verdict", () => {
    const c = card(7);
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const [q] = assembleQuiz([c], { length: 1, types: ["true-false"], seed: `t${i}` });
      const expected = q!.statement === c.trueStatement ? "true" : "false";
      if (expected === "false") expect(q!.statement).toBe(c.falseStatement);
      expect(q!.expected).toBe(expected);
      seen.add(expected);
    }
    expect(seen).toEqual(new Set(["true", "false"]));
  });

  it("shows the true statement when there is no false one", () => {
    const c = card(7, { falseStatement: null });
    for (let i = 0; i < 10; i++) {
      const [q] = assembleQuiz([c], { length: 1, types: ["true-false"], seed: `t${i}` });
      expect(q).toMatchObject({ statement: c.trueStatement, expected: "true" });
    }
  });

  it("asks typed questions with the card's answer, accepted spellings and distractors as known wrong answers", () => {
    const c = card(7, { answer: "3,000", accepted: ["3000"], distractors: ["4,000", "5,000", "6,000"] });
    const [q] = assembleQuiz([c], { length: 1, types: ["typed"], seed: "s" });
    expect(q).toEqual({
      cardId: c.id,
      kind: "date",
      type: "typed",
      prompt: c.prompt,
      expected: "3,000",
      accepted: ["3000"],
      rejected: ["4,000", "5,000", "6,000"],
    });
  });
});

describe("toPublicQuestion", () => {
  const secret = card(1, { answer: "Zanzibar", accepted: ["Unguja"], distractors: ["Pemba", "Mafia", "Lamu"] });

  it.each(ALL)("sends nothing of the answer for a %s question beyond what the question shows", (type) => {
    const [q] = assembleQuiz([secret], { length: 1, types: [type], seed: "s" });
    const pub = toPublicQuestion(q!);
    expect(pub).not.toHaveProperty("expected");
    expect(pub).not.toHaveProperty("accepted");
    expect(pub).not.toHaveProperty("rejected");
    const json = JSON.stringify(pub);
    expect(json).not.toContain("Unguja");
    if (type === "typed") expect(json).not.toContain("Zanzibar");
    if (type === "true-false") expect(json).not.toMatch(/"(true|false)"/);
  });

  it("keeps what the learner needs to answer", () => {
    const [q] = assembleQuiz([secret], { length: 1, types: ["multiple-choice"], seed: "s" });
    expect(toPublicQuestion(q!)).toEqual({
      cardId: secret.id,
      kind: "date",
      type: "multiple-choice",
      prompt: secret.prompt,
      options: q!.options,
    });
  });

  it("drops fields it does not know about", () => {
    const [q] = assembleQuiz([secret], { length: 1, types: ["typed"], seed: "s" });
    const withExtra = { ...q!, source: "the answer is Zanzibar" } as QuizQuestion;
    expect(JSON.stringify(toPublicQuestion(withExtra))).not.toContain("Zanzibar");
  });
});

describe("pickWeakest (re-exported)", () => {
  it("is available from assemble", () => {
    expect(pickWeakest([{ id: "a", retrievability: 0.5, lapses: 0 }], 1)).toHaveLength(1);
  });
});

describe("assembleQuiz siblings", () => {
  const sentence = "The United States will deploy 3,000 soldiers in Europe on February 2.";
  const number = card(1, { factId: "fact-n", source: sentence, answer: "3,000", prompt: "The United States will deploy ____ soldiers in Europe on February 2.", trueStatement: sentence, falseStatement: sentence.replace("3,000", "2,000") });
  const date = card(2, { factId: "fact-d", source: sentence, answer: "February 2", prompt: "The United States will deploy 3,000 soldiers in Europe on ____.", trueStatement: sentence, falseStatement: sentence.replace("February 2", "February 9") });
  const other = card(3);

  it("never asks two cards cut from the same sentence in one quiz", () => {
    for (const seed of ["a", "b", "c", "d"]) {
      const q = assembleQuiz([number, date, other], { length: "all", types: ALL, seed });
      expect(q).toHaveLength(2);
      expect(q.filter((x) => x.cardId === number.id || x.cardId === date.id)).toHaveLength(1);
    }
  });

  it("never asks a statement twice, nor one card's false variant beside another's truth", () => {
    const a = card(4, { trueStatement: "The bridge opened in 1990.", falseStatement: "The bridge opened in 1991.", source: "s1" });
    const b = card(5, { trueStatement: "The bridge opened in 1991.", falseStatement: "The bridge opened in 1992.", source: "s2" });
    const c = card(6, { trueStatement: "The bridge opened in 1990.", falseStatement: null, source: "s3" });
    const q = assembleQuiz([a, b, c], { length: "all", types: ["true-false"], seed: "x" });
    expect(q).toHaveLength(1);
  });

  it("keeps cards of different sentences and statements apart", () => {
    expect(assembleQuiz(deck(5), { length: "all", types: ALL, seed: "x" })).toHaveLength(5);
  });
});

describe("assembleQuiz: which card can be asked which way", () => {
  const typesOf = (c: QuizSourceCard) =>
    ALL.filter((type) => assembleQuiz([c], { length: 1, types: [type], seed: "s" }).length === 1);

  it("multiple choice needs exactly three distractors, all different from the answer and each other once normalized", () => {
    expect(typesOf(card(7))).toEqual(ALL);
    // Four distractors (even all different) is not a four-option question.
    expect(typesOf(card(7, { distractors: ["1907", "1957", "1987", "1997"] }))).toEqual(["true-false", "typed"]);
    expect(typesOf(card(7, { distractors: ["1907", "1957", "1987", "1,987"] }))).toEqual(["true-false", "typed"]);
    // An option that normalizes to nothing ("?") could not be told apart from an empty answer.
    expect(typesOf(card(7, { distractors: ["1907", "1957", "?"] }))).toEqual(["true-false", "typed"]);
  });

  it("a blank answer can only be asked as true/false, a blank true statement never so", () => {
    expect(typesOf(card(7, { answer: "   " }))).toEqual(["true-false"]);
    expect(typesOf(card(7, { trueStatement: "  " }))).toEqual(["multiple-choice", "typed"]);
    expect(typesOf(card(7, { trueStatement: null }))).toEqual(["multiple-choice", "typed"]);
  });

  it("a blank false statement is never shown: the true one is", () => {
    const c = card(7, { falseStatement: "   " });
    for (let i = 0; i < 10; i++) {
      expect(assembleQuiz([c], { length: 1, types: ["true-false"], seed: `t${i}` })[0]).toMatchObject({ prompt: "True or false?", statement: c.trueStatement, expected: "true" });
    }
  });

  it("asks a true/false question with the prompt 'True or false?'", () => {
    expect(assembleQuiz([card(7)], { length: 1, types: ["true-false"], seed: "s" })[0]!.prompt).toBe("True or false?");
  });
});

describe("assembleQuiz: one card per fact, chosen the same way whatever the input order", () => {
  const ids = (cards: QuizSourceCard[], types: QuestionType[] = ALL) => assembleQuiz(cards, { length: "all", types, seed: "s" }).map((q) => q.cardId);

  it("takes the card of a fact that can be asked in more of the requested ways", () => {
    const fewer = card(1, { id: "a-fewer", distractors: [] });
    const more = card(1, { id: "b-more" });
    expect(ids([fewer, more])).toEqual(["b-more"]);
    expect(ids([more, fewer])).toEqual(["b-more"]);
  });

  it("between cards that can be asked in as many ways, takes the smaller id", () => {
    const a = card(1, { id: "card-a" });
    const b = card(1, { id: "card-b" });
    expect(ids([b, a])).toEqual(["card-a"]);
    expect(ids([a, b])).toEqual(["card-a"]);
  });

  it("compares statements without case or punctuation, but keeps the words apart", () => {
    const a = card(1, { trueStatement: "The bridge opened in 1990.", falseStatement: null, source: "s1" });
    const same = card(2, { trueStatement: "the bridge, opened in 1990!", falseStatement: null, source: "s2" });
    expect(ids([a, same], ["true-false"])).toHaveLength(1);
    const joined = card(3, { trueStatement: "Thebridge opened in 1990.", falseStatement: null, source: "s3" });
    expect(ids([a, joined], ["true-false"])).toHaveLength(2);
  });

  it("a sentence a card was cut from is not a statement: the same words as another card's statement do not make them siblings", () => {
    const cut = card(1, { source: "The bridge opened in 1990.", trueStatement: "A", falseStatement: null });
    const stated = card(2, { source: "Another sentence.", trueStatement: "The bridge opened in 1990.", falseStatement: null });
    expect(ids([cut, stated])).toHaveLength(2);
  });

  it("a card without a source sentence is still asked", () => {
    expect(ids([card(1, { source: "" }), card(2, { source: "" })])).toHaveLength(2);
  });

  it("says why it refuses a quiz it cannot build", () => {
    expect(() => assembleQuiz(deck(3), { length: 3, types: [], seed: "s" })).toThrow("assembleQuiz: at least one question type is required");
    expect(() => assembleQuiz(deck(3), { length: 0, types: ALL, seed: "s" })).toThrow('assembleQuiz: length must be a positive integer or "all", got 0');
  });
});

describe("toPublicQuestion: the statement only where there is one", () => {
  it("keeps a true/false question's statement and gives a multiple-choice one none", () => {
    const c = card(7, { falseStatement: null });
    const [tf] = assembleQuiz([c], { length: 1, types: ["true-false"], seed: "s" });
    expect(toPublicQuestion(tf!)).toStrictEqual({ cardId: c.id, kind: "date", type: "true-false", prompt: "True or false?", statement: c.trueStatement });
    const [mc] = assembleQuiz([c], { length: 1, types: ["multiple-choice"], seed: "s" });
    expect(Object.keys(toPublicQuestion(mc!)).sort()).toEqual(["cardId", "kind", "options", "prompt", "type"]);
  });
});
