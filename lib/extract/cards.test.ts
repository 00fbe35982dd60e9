import { describe, expect, it } from "vitest";
import { generate } from "./index";
import { BLANK, MASK, otherForm } from "./cards";

describe("cards", () => {
  const text =
    "In 2019, Russia and Venezuela signed an agreement that allows Russian submarines to use Venezuelan ports. " +
    "And before that, a similar agreement was signed with Nicaragua. Argentina and Bolivia also talk to Moscow.";
  const g = generate(text);

  it("blanks the answer once in a cloze taken from the cleaned sentence", () => {
    const c = g.cards.find((x) => x.type === "cloze" && x.answer === "2019");
    expect(c?.prompt).toBe(`In ${BLANK}, Russia and Venezuela signed an agreement that allows Russian submarines to use Venezuelan ports.`);
  });

  it("masks a demonym that would give a country answer away", () => {
    const nic = g.cards.find((x) => x.answer === "Nicaragua");
    expect(nic?.prompt).toBe(`Before the 2019 agreement between Russia and Venezuela, a similar agreement was signed with ${BLANK}.`);
    const leak = generate("Russia signed a deal with Venezuela in 2019 that lets Venezuelan ports host ships. Later, a similar agreement was signed with Cuba.");
    for (const card of leak.cards.filter((x) => x.answer === "Venezuela")) {
      expect(card.prompt).not.toContain("Venezuelan");
      expect(card.prompt).toContain(MASK);
    }
  });

  it("gives 3 distractors of the same type, none in the prompt or source", () => {
    for (const c of g.cards.filter((x) => x.distractors.length)) {
      expect(c.distractors).toHaveLength(3);
      for (const d of c.distractors) {
        expect(c.prompt).not.toContain(d);
        expect(c.source).not.toContain(d);
        expect(d).not.toBe(c.answer);
      }
    }
    const year = g.cards.find((x) => x.answer === "2019");
    expect(year?.distractors.every((d) => /^\d{4}$/.test(d))).toBe(true);
    const nic = g.cards.find((x) => x.answer === "Nicaragua");
    // Countries of the same area, from the document first.
    expect(nic?.distractors).toEqual(["Argentina", "Bolivia", "Belize"]);
  });

  it("never masks a word inside another name", () => {
    const g2 = generate("The reform matters far more than the tariff cuts, said Tran Van Minh, an economist at a Ho Chi Minh City university, in 2021.");
    for (const c of g2.cards) expect(c.prompt).not.toContain("Ho Chi [");
  });

  it("makes no cloze when the answer occurs twice in the sentence", () => {
    const twice = generate("In 2019 the plan was written, and in 2019 the plan was signed by all sides.");
    expect(twice.cards.filter((c) => c.type === "cloze" && c.answer === "2019")).toEqual([]);
  });

  it("states the fact truly and falsely by swapping one entity", () => {
    const c = g.cards.find((x) => x.answer === "2019")!;
    expect(c.trueStatement).toBe("In 2019, Russia and Venezuela signed an agreement that allows Russian submarines to use Venezuelan ports.");
    expect(c.falseStatement).toBe(c.trueStatement.replace("2019", c.distractors[0]));
  });

  it("has no distractors when 3 good ones cannot be found", () => {
    const lone = generate("Andrei Piatakov is a political scientist at the Latin American Institute.");
    expect(lone.cards.length).toBeGreaterThan(0);
    expect(lone.cards.every((c) => c.distractors.length === 0 && c.falseStatement === null)).toBe(true);
  });

  it("keeps keys stable when unrelated text changes", () => {
    const again = generate(`${text} The weather was fine that day in the capital.`);
    const key = (x: typeof g) => x.cards.find((c) => c.answer === "2019" && c.type === "cloze")?.key;
    expect(key(again)).toBe(key(g));
  });
});

describe("answers given away in another form", () => {
  it("refuses a prompt that writes the answer's acronym elsewhere", () => {
    const text =
      "The minister visited Lima in May. Chile wants a seat on the UN Human Rights Council; Chile hopes to win a seat on the rights council with the United Nations. The United Nations met the Lima Group.";
    const asked = generate(text).cards.filter((c) => c.answer === "United Nations").map((c) => c.prompt);
    expect(asked).toEqual(["The ____ met the Lima Group."]);
  });

  it("refuses a prompt that writes an acronym answer's expansion elsewhere, but keeps an acronym's own definition", () => {
    expect(otherForm("The Arctic Maritime Organization met; members of ____ agreed.", "AMO")).toBe(true);
    expect(otherForm("The Arctic Council met; members of ____ agreed.", "AMO")).toBe(false);
    const text = "The National Fisheries Office (NFO) published a report on the cod stock in 2019.";
    expect(generate(text).cards.some((c) => c.answer === "National Fisheries Office")).toBe(true);
  });
});

describe("a speaker's words in quotation marks", () => {
  const transcript = [
    "title: Press conference on the harbour treaty (Premier Ida Lund)",
    "published: 2024-03-14",
    "",
    "PREMIER: Today we signed the Harbour Treaty with Norland in Bergen. The harbour treaty opens the northern port to Norland. It gives free berths to 80 per cent of our fishing fleet within two years.",
    "",
  ].join("\n");
  const g = generate(transcript);

  it("set what the card wrote in place of the speaker's words in square brackets: a resolved 'today'", () => {
    const date = g.cards.find((c) => c.type === "cloze" && c.answer === "March 14, 2024");
    expect(date?.prompt).toMatch(/^Ida Lund said: "\[On ____\] we signed the Harbour Treaty/);
    expect(date?.falseStatement).toMatch(/^Ida Lund said: "\[On [A-Z][a-z]+ \d+, 2024\] we signed/);
  });

  it("and 'it' spelled out, while the speaker's own words stay unbracketed", () => {
    const share = g.cards.find((c) => c.type === "cloze" && c.answer === "80 per cent");
    expect(share?.prompt).toBe('Ida Lund said: "[The harbour treaty] gives free berths to ____ of our fishing fleet within two years."');
    // A sentence quoted as said carries no brackets.
    const plain = generate("title: Remarks (Premier Ida Lund)\n\nPREMIER: We opened the new ferry line in 2019.\n").cards.find((c) => c.answer === "2019" && c.type === "cloze");
    expect(plain?.prompt).toBe('Ida Lund said: "We opened the new ferry line in ____."');
  });
});

describe("a speaker's frame left out of a card", () => {
  it("reports the rest as the speaker's: 'I remember that …' is theirs, not the document's", () => {
    const text = "title: Radio interview (Professor Ines Varga)\n\nVARGA: I also remember that 70% of the city's water comes from the northern lakes. We must not forget that the northern lakes froze in 1963.\n";
    const g = generate(text);
    expect(g.cards.find((c) => c.type === "cloze" && c.answer === "70%")?.prompt).toBe("According to Ines Varga, ____ of the city's water comes from the northern lakes.");
    expect(g.cards.find((c) => c.type === "cloze" && c.answer === "1963")?.prompt).toBe("According to Ines Varga, the northern lakes froze in ____.");
    // A sentence without such a frame keeps its plain form.
    const plain = generate("The city's water comes from the northern lakes, which froze in 1963.").cards.find((c) => c.answer === "1963" && c.type === "cloze");
    expect(plain?.prompt).toBe("The city's water comes from the northern lakes, which froze in ____.");
  });
});
