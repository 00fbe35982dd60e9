// What a false statement may swap, and the article around the swap.
import { describe, expect, it } from "vitest";
import { generate } from "./index";
import { exampleList, indefiniteFor, isStateName, negatedContext, swapWithArticle, takesThe } from "./false-statements";

const cardsOf = (text: string) => generate(text).cards;

describe("negated and excluding contexts", () => {
  it("finds a negator that scopes the answer", () => {
    const s = "The accord was drafted outside the Arctic Council and still applies.";
    expect(negatedContext(s, 0, s.indexOf("Arctic"))).toBe(true);
    const t = "The league never takes sides when it comes to the Olympic Committee.";
    expect(negatedContext(t, 0, t.indexOf("Olympic"))).toBe(true);
  });

  it("ignores a negator beyond a comma, 'as in', or 'not only' (negative cases)", () => {
    const s = "Armies moved without warning as in the raid on Narvik in 1940.";
    expect(negatedContext(s, 0, s.indexOf("1940"))).toBe(false);
    const t = "The port serves not only Chile but also Peru.";
    expect(negatedContext(t, 0, t.indexOf("Peru"))).toBe(false);
    const u = "Nobody objected, and the Arctic Council approved the plan.";
    expect(negatedContext(u, 0, u.indexOf("Arctic"))).toBe(false);
  });

  it("gives an answer under a negation no distractors and no false statement", () => {
    const text =
      "The fishing accord was signed outside the Nordic Council in 1962. The Nordic Council and the Arctic Council met in Oslo. The Barents Council, NATO and ASEAN met too.";
    const cards = cardsOf(text);
    const card = cards.find((c) => c.answer === "Nordic Council" && c.prompt.includes("outside"));
    expect(card?.distractors).toEqual([]);
    expect(card?.falseStatement).toBeNull();
    // The same name outside a negation gets both (negative case; two other blocs named, gen-prec MIN_DOC_PEERS).
    const plain = cards.find((c) => c.answer === "Nordic Council" && c.prompt.includes("Oslo"));
    expect(plain?.distractors.length).toBe(3);
    expect(plain?.falseStatement).toBeTruthy();
  });
});

describe("a list of examples", () => {
  it("is found after 'such as' / 'including' when the answer is a list; not for one name or an exhaustive list", () => {
    const s = "The bank lends to ports such as Gdansk, Riga and Tallinn.";
    expect(exampleList(s, s.indexOf("Gdansk"), "Gdansk, Riga and Tallinn")).toBe(true);
    const t = "The treaty was signed by Gdansk, Riga and Tallinn.";
    expect(exampleList(t, t.indexOf("Gdansk"), "Gdansk, Riga and Tallinn")).toBe(false);
    const u = "The bank lends to ports such as Gdansk.";
    expect(exampleList(u, u.indexOf("Gdansk"), "Gdansk")).toBe(false);
  });
});

describe("articles around a swapped name or number", () => {
  it("knows which names take 'the'", () => {
    expect(takesThe("EU")).toBe(true);
    expect(takesThe("IMF")).toBe(true);
    expect(takesThe("NATO")).toBe(false);
    expect(takesThe("ASEAN")).toBe(false);
    expect(takesThe("Lima Group")).toBe(true);
    expect(takesThe("League of Nations")).toBe(true);
    expect(takesThe("Gazprom")).toBe(false);
  });

  it("drops or adds 'the' and fixes 'a'/'an' at the swap", () => {
    const a = "Then the EU will pay.";
    expect(swapWithArticle(a, a.indexOf("EU"), a.indexOf("EU") + 2, "EU", "NATO")).toEqual({ start: a.indexOf("the"), end: a.indexOf("EU") + 2, text: "NATO" });
    const b = "NATO is growing.";
    expect(swapWithArticle(b, 0, 4, "NATO", "Lima Group").text).toBe("the Lima Group");
    const c = "She was a 20-year-old student.";
    const r = swapWithArticle(c, c.indexOf("20"), c.indexOf("20") + 2, "20", "18");
    expect(c.slice(0, r.start) + r.text + c.slice(r.end)).toBe("She was an 18-year-old student.");
    const e = "They met the Arctic Council.";
    expect(swapWithArticle(e, e.indexOf("the Arctic"), e.length - 1, "the Arctic Council", "Lima Group").text).toBe("the Lima Group");
    // A date keeps its article (negative case).
    const d = "after the July 28, 1914, declaration";
    expect(swapWithArticle(d, d.indexOf("July"), d.indexOf("July") + 13, "July 28, 1914", "July 21, 1914").text).toBe("July 21, 1914");
  });

  it("chooses 'a' or 'an' by sound", () => {
    expect(indefiniteFor("8-year")).toBe("an");
    expect(indefiniteFor("11")).toBe("an");
    expect(indefiniteFor("20-year")).toBe("a");
    expect(indefiniteFor("one-day")).toBe("a");
    expect(indefiniteFor("EU")).toBe("an");
    expect(indefiniteFor("NATO")).toBe("a");
    expect(indefiniteFor("hour")).toBe("an");
  });

  it("tells a state written like a union from a bloc", () => {
    expect(isStateName("Soviet Union")).toBe(true);
    expect(isStateName("the Ottoman Empire")).toBe(true);
    expect(isStateName("European Union")).toBe(false);
    expect(isStateName("African Union")).toBe(false);
  });
});

describe("hedged figures", () => {
  it("never perturbs a hedge into a false statement", () => {
    for (const text of ["The town was founded 15 years or so ago by fishermen from the north.", "The survey covered around 40 per cent of the farms in the valley."]) {
      for (const c of cardsOf(text)) expect(c.falseStatement).toBeNull();
    }
    // A plain figure still gets one (negative case).
    expect(cardsOf("The survey covered 40 per cent of the farms in the valley.").some((c) => c.falseStatement)).toBe(true);
  });
});
