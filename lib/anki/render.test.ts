import { describe, expect, it } from "vitest";
import { clozeNumbers, countMedia, htmlToPlainText, renderCard, renderTemplate } from "./render";

const fields = (o: Record<string, string>) => new Map(Object.entries(o));

describe("htmlToPlainText (Anki field HTML → safe text)", () => {
  it("keeps line breaks from <br>, <div> and lists, decodes entities, drops tags, scripts, images and sounds", () => {
    expect(htmlToPlainText("One<br>Two<div>Three</div>")).toBe("One\nTwo\nThree");
    expect(htmlToPlainText("A &amp; B &lt;tag&gt;&nbsp;C")).toBe("A & B <tag> C");
    expect(htmlToPlainText('<b>bold</b> <img src="x.png"> [sound:y.mp3]<script>alert(1)</script>')).toBe("bold");
    expect(htmlToPlainText("<ul><li>first</li><li>second</li></ul>")).toBe("* first\n * second");
  });
  it("drops NUL and other control characters and lone surrogates, which the database cannot hold", () => {
    expect(htmlToPlainText("a\u0000b\u0007c\ud800d\te")).toBe("abc\ufffdd\te");
  });
  it("leaves text without markup as it is", () => {
    expect(htmlToPlainText("  plain 2 < 3 is not a tag? ")).toBe("plain 2 < 3 is not a tag?");
  });
});

describe("countMedia", () => {
  it("counts images and sounds, which are not imported", () => {
    expect(countMedia('<img src="a.png"><IMG SRC="b.jpg">[sound:c.mp3]')).toEqual({ images: 2, sounds: 1 });
  });
});

describe("renderTemplate (Anki's template language)", () => {
  it("shows {{#Field}} sections only when the field is not empty, {{^Field}} only when it is", () => {
    const t = "{{#Add Reverse}}{{Back}}{{/Add Reverse}}{{^Add Reverse}}none{{/Add Reverse}}";
    expect(renderTemplate(t, { fields: fields({ Back: "b", "Add Reverse": "y" }) })).toBe("b");
    expect(renderTemplate(t, { fields: fields({ Back: "b", "Add Reverse": "" }) })).toBe("none");
  });
  it("renders {{FrontSide}} and unknown fields as empty", () => {
    expect(renderTemplate("{{FrontSide}}|{{Nope}}", { fields: fields({}), frontSide: "Q" })).toBe("Q|");
  });
});

describe("renderCard", () => {
  it("Basic: prompt from the question side, answer after <hr id=answer>", () => {
    expect(renderCard({ cloze: false, qfmt: "{{Front}}", afmt: "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}", fields: fields({ Front: "Q?", Back: "A" }), ord: 0 })).toEqual({ type: "question", prompt: "Q?", answer: "A" });
  });
  it("type-in: a typed card whose answer is the typed field", () => {
    expect(renderCard({ cloze: false, qfmt: "{{Front}}\n\n{{type:Back}}", afmt: "{{Front}}<hr id=answer>{{type:Back}}", fields: fields({ Front: "Capital?", Back: "Paris" }), ord: 0 })).toEqual({ type: "typed", prompt: "Capital?", answer: "Paris" });
  });
  it("optional reversed card with the switch field empty renders nothing (Anki makes no card)", () => {
    expect(renderCard({ cloze: false, qfmt: "{{#Add Reverse}}{{Back}}{{/Add Reverse}}", afmt: "{{FrontSide}}<hr id=answer>{{Front}}", fields: fields({ Front: "f", Back: "b", "Add Reverse": "" }), ord: 1 })).toBeNull();
  });
  it("Cloze: card ord n asks for cN, shows its hint (Recall's ____ blank), reveals the other deletions", () => {
    const f = fields({ Text: "{{c1::Ottawa::city}} is in {{c2::Canada}}; {{c1::Toronto}} too.", "Back Extra": "" });
    expect(clozeNumbers(f.get("Text")!)).toEqual([1, 2]);
    expect(renderCard({ cloze: true, qfmt: "{{cloze:Text}}", afmt: "{{cloze:Text}}", fields: f, ord: 0 })).toEqual({ type: "cloze", prompt: "____ (city) is in Canada; ____ too.", answer: "Ottawa, Toronto" });
    expect(renderCard({ cloze: true, qfmt: "{{cloze:Text}}", afmt: "{{cloze:Text}}", fields: f, ord: 1 })).toEqual({ type: "cloze", prompt: "Ottawa is in ____; Toronto too.", answer: "Canada" });
    expect(renderCard({ cloze: true, qfmt: "{{cloze:Text}}", afmt: "{{cloze:Text}}", fields: f, ord: 5 })).toBeNull();
  });
  it("a question side that is only an image says so instead of being empty", () => {
    expect(renderCard({ cloze: false, qfmt: "{{Front}}", afmt: "{{FrontSide}}<hr id=answer>{{Back}}", fields: fields({ Front: '<img src="a.png">', Back: "A" }), ord: 0 })?.prompt).toBe("[image or sound not imported]");
  });
});
