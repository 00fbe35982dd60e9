import { describe, expect, it } from "vitest";
import { familyFirst, familyName } from "./name-order";
import { generate } from "./index";

describe("familyFirst / familyName", () => {
  it("reads a romanised Chinese name as family name first", () => {
    expect(familyName("Zhang Weiming")).toBe("Zhang");
    expect(familyName("Liu Xiaobo")).toBe("Liu");
    expect(familyFirst("Zhou Enlai")).toBe(true);
  });

  it("reads a Korean name with a hyphenated given name as family name first", () => {
    expect(familyName("Kim Dae-jung")).toBe("Kim");
  });

  it("takes the document's title before the first word alone as the signal", () => {
    const text = "Trade Minister Okonjo Adewale opened the talks. Later Minister Okonjo left for Lagos.";
    expect(familyName("Okonjo Adewale", text)).toBe("Okonjo");
  });

  it("keeps given-name-first order for other names", () => {
    expect(familyName("Margaret Thatcher")).toBe("Thatcher");
    expect(familyName("Jan Peters")).toBe("Peters");
    // Pinyin-shaped, but a one-syllable given name is too weak a signal.
    expect(familyFirst("Lin Fang")).toBe(false);
    expect(familyName("Edith Cresson", "Prime Minister Cresson resigned.")).toBe("Cresson");
    expect(familyFirst("Plato")).toBe(false);
  });
});

describe("accepted short form of a family-name-first name", () => {
  it("accepts the family name, not the given name", () => {
    const g = generate("The summit in Osaka was long. The trade talks went well, said Premier Zhang Weiming, who arrived on Monday with a large delegation of officials.");
    const card = g.cards.find((c) => c.answer === "Zhang Weiming");
    expect(card).toBeDefined();
    expect(card!.accepted).toContain("Zhang");
    expect(card!.accepted).not.toContain("Weiming");
  });

  it("still accepts the last word of a given-name-first name", () => {
    const g = generate("The summit in Osaka was long. The trade talks went well, said Premier Margaret Holloway, who arrived on Monday with a large delegation of officials.");
    const card = g.cards.find((c) => c.answer === "Margaret Holloway");
    expect(card).toBeDefined();
    expect(card!.accepted).toContain("Holloway");
  });
});
