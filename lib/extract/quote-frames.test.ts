import { describe, expect, it } from "vitest";
import { generate } from "./index";

const dated = (body: string, published = "1921-05-01") =>
  generate(`published: ${published}\n\n${body}\n`).cards.filter((c) => c.kind === "date" && c.type === "cloze").map((c) => [c.prompt, c.answer]);

describe("dates in a narrator's frame before a quotation", () => {
  it("asks the date of a report whose words are quoted after it", () => {
    const text =
      "The lighthouse keeper stayed at his post through 1919. " +
      'On March 3, the harbour board wrote to the keeper that "the new lamp will arrive with the spring steamer and you are to remain until it is lit."';
    expect(dated(text)).toContainEqual([
      'On ____, the harbour board wrote to the keeper that "the new lamp will arrive with the spring steamer and you are to remain until it is lit."',
      "March 3",
    ]);
  });

  it("takes no date from inside the quotation", () => {
    const text =
      "The lighthouse keeper stayed at his post through 1919. " +
      'The harbour board wrote to the keeper that "the new lamp will arrive on March 3 with the spring steamer and you are to remain."';
    expect(dated(text)).toEqual([["The lighthouse keeper stayed at his post through ____.", "1919"]]);
  });

  it("takes nothing from a sentence that opens with the quotation or continues one", () => {
    const text =
      "The lighthouse keeper stayed at his post through 1919. " +
      '"The new lamp will arrive with the spring steamer," the board wrote on March 3, "and you are to remain until it is lit."';
    expect(dated(text).some(([, a]) => a === "March 3")).toBe(false);
  });
});
