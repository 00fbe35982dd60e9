import { describe, expect, it } from "vitest";
import { generate } from "./index";
import { splitList } from "./members";

describe("list members as one answer", () => {
  it("asks for two dates joined by 'and' once, not each beside the other", () => {
    const g = generate("The festival was cancelled in 2020 and 2021 because of the pandemic.");
    const dates = g.cards.filter((c) => c.kind === "date");
    expect(dates.map((c) => [c.prompt, c.answer])).toEqual([["The festival was cancelled in ____ because of the pandemic.", "2020 and 2021"]]);
    expect(dates[0].accepted).toContain("2021 and 2020");
  });

  it("asks for a closing list after 'including' as a set", () => {
    const g = generate("The new smelter processes several metals, including copper, nickel, cobalt and zinc.");
    const card = g.cards.find((c) => c.answer === "copper, nickel, cobalt and zinc");
    expect(card?.prompt).toBe("The new smelter processes several metals, including ____.");
  });

  it("does not read a clause or a pointer as a list of members", () => {
    const g = generate("The agency fights crimes such as fraud, theft and the more we cooperate, the better.");
    expect(g.cards.some((c) => /fraud/.test(c.answer))).toBe(false);
    expect(generate("The museum hosts many groups, including schools and others.").cards.some((c) => /schools/.test(c.answer))).toBe(false);
    expect(splitList("copper")).toBeNull();
  });
});
