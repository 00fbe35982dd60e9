// Long sentences shown cut down to the clause that holds the fact; what stays too long is refused.
import { describe, expect, it } from "vitest";
import { MAX_FACTS_PER_FRAME, generate } from "./index";
import { MAX_CLOZE_CHARS } from "./trim";

const clozeFor = (text: string, answer: string) => generate(text).cards.find((c) => c.type === "cloze" && c.answer === answer)?.prompt;

describe("clause view of a long sentence", () => {
  const EXAMPLES =
    "Engineers learned to fear the sea because storms, having struck without warning, flooded harbours several times as in the Lisbon flood of 1755, the Bergen storm in 1822, the Hamburg surge in 1962, and the great North Sea flood of 1953 on the Dutch coast.";

  it("keeps only the example the answer belongs to", () => {
    const p = clozeFor(EXAMPLES, "1822");
    expect(p).toMatch(/as in the Bergen storm in ____\.$/);
    expect(p).not.toMatch(/Lisbon|Hamburg|Dutch/);
    // The other examples get their own short card.
    expect(clozeFor(EXAMPLES, "1962")).toMatch(/as in the Hamburg surge in ____\.$/);
  });

  it("drops a clause after the answer's clause, and the true statement with it", () => {
    const text =
      "The cooperative opened its first bakery in the harbour town of Tromsø in 1987, and the town council later granted it a permanent licence to sell bread at the fish market every Saturday morning from May to September.";
    const card = generate(text).cards.find((c) => c.answer === "1987")!;
    expect(card.prompt).toBe("The cooperative opened its first bakery in the harbour town of Tromsø in ____.");
    expect(card.trueStatement).toBe("The cooperative opened its first bakery in the harbour town of Tromsø in 1987.");
    expect(card.source).toContain("town council");
  });

  it("does not cut a list of subjects at its ', and' (negative case)", () => {
    const text =
      "On the morning of the vote the mayor of the small coastal town, her two deputies from the council, and their long-serving driver from the depot arrived at the old harbour station on 12 March 1998.";
    expect(clozeFor(text, "12 March 1998")).toContain("their long-serving driver");
  });

  it("does not take a hyphen for a dash, nor cut inside a quotation (negative cases)", () => {
    const text =
      'The Anglo-Norwegian survey team, which had been working on the glacier for most of the summer, reported in 2011 that "the ice shelf, which was stable for centuries, is now retreating fast".';
    const p = clozeFor(text, "2011") ?? "";
    expect(p).not.toMatch(/Anglo\.$/);
    expect((p.match(/"/g) ?? []).length % 2).toBe(0);
  });

  it("shows a short sentence whole (negative case)", () => {
    expect(clozeFor("The bakery opened in Tromsø in 1987, and it still sells bread today.", "1987")).toBe(
      "The bakery opened in Tromsø in ____, and it still sells bread today.",
    );
  });

  it("refuses a cloze that stays longer than the limit", () => {
    const text =
      "The committee's final report on the regional water authority's long-term maintenance programme for the reservoirs of the northern valleys recommended that the authority spend 40 million euros on the renewal of the old stone dams built in the upland villages of the northern valleys in the nineteenth century by local masons.";
    expect(text.length).toBeGreaterThan(MAX_CLOZE_CHARS);
    expect(generate(text).cards.filter((c) => c.type === "cloze")).toEqual([]);
  });

  it("asks at most a few facts of one long sentence", () => {
    const text =
      "Under the plan the fund will pay 40 grants in the first round of the programme to farmers for payments with a due date of 30 June, 25 grants to fishermen in the second round and 12 grants to foresters in the third round with a due date of 31 October.";
    const facts = generate(text).facts;
    expect(facts.length).toBeLessThanOrEqual(MAX_FACTS_PER_FRAME);
    expect(facts.length).toBeGreaterThan(0);
  });
});

describe("a quotation opened and never closed", () => {
  it("is cut off at the comma before it", () => {
    const text =
      "The meeting was chaired this morning by the host, with 17 or so world leaders around the table representing 56 per cent of the global economy, all saying 'the officials process is running into trouble. And we agreed.";
    const p = clozeFor(text, "56 per cent");
    expect(p).toBe("The meeting was chaired this morning by the host, with 17 or so world leaders around the table representing ____ of the global economy.");
  });

  it("leaves a closed quotation and an apostrophe alone (negative case)", () => {
    const text = "The host's aide said the talks were 'on track' and the leaders met for 3 hours in the old town hall.";
    expect(clozeFor(text, "3 hours")).toContain("'on track'");
  });
});

describe("an answer inside a non-restrictive relative clause of a long sentence", () => {
  const LONG =
    "The good news is that the summit had strong support from leaders including the Mayor of Bergen and the Mayor of Oslo, the Governor of Tromsø and others, including the Mayor of Narvik, who is author of the Harbour Charter in 2007 on fisheries, a strong sign of the support for the Danish host to draft a plan.";

  it("is shown as that clause said of its antecedent", () => {
    expect(clozeFor(LONG, "2007")).toBe("The Mayor of Narvik is author of the Harbour Charter in ____ on fisheries.");
  });

  it("is reported, not quoted, when a speaker said it: the lifted sentence was never their words", () => {
    const transcript = `title: Press conference (Premier Ida Lund)\n\nPREMIER: ${LONG.replace("The good news is that the summit", "The good news is that we")}\n`;
    const p = clozeFor(transcript, "2007");
    expect(p).toBe("According to Ida Lund, the Mayor of Narvik is author of the Harbour Charter in ____ on fisheries.");
    // A clause kept whole from the same speaker stays a quotation.
    const kept = clozeFor(`title: Press conference (Premier Ida Lund)\n\nPREMIER: We opened the new ferry line in 2019.\n`, "2019");
    expect(kept).toBe('Ida Lund said: "We opened the new ferry line in ____."');
  });

  it("is not lifted from a restrictive clause (negative case): the long sentence is refused", () => {
    const restrictive = LONG.replace("the Mayor of Narvik, who is", "the mayor who is");
    expect(clozeFor(restrictive, "2007") ?? "").not.toMatch(/^The mayor is/i);
  });

  it("drops a sentence-opening concession split by an inserted phrase, keeping the main clause", () => {
    const text =
      "Although the final cost of the new river crossing will, by its nature, be dependent on the price of steel over the coming decade, following the public consultation in October 2016 the county council approved a provisional construction budget of £120-140 million for the whole project.";
    const p = clozeFor(text, "October 2016") ?? "";
    expect(p).toMatch(/^Following the public consultation in ____ the county council approved/);
    expect(p).not.toMatch(/Although|steel/);
  });

  it("keeps a concession whose main clause opens with a pronoun (negative case)", () => {
    const text =
      "Although the final cost of the new river crossing will, by its nature, be dependent on the price of steel over the coming decade and on the weather in the valley, they approved in October 2016 a provisional construction budget of £120-140 million for the whole of the project.";
    expect(clozeFor(text, "October 2016")).toBeUndefined();
  });
});
