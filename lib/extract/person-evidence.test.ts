import { describe, expect, it } from "vitest";
import { analyzeDocument } from "./index";

function people(text: string): string[] {
  const { doc } = analyzeDocument(text);
  return doc.entities.bySentence.flat().filter((m) => m.type === "person").map((m) => m.text);
}

describe("person evidence beside an unknown name", () => {
  it("reads a name after a lower-case agent noun as a person ('separatist Tavik Orrun')", () => {
    expect(people("The bridge was blown up by separatist Tavik Orrun near Velmar.")).toContain("Tavik Orrun");
    expect(people("The march was led by the student Brenna Kolt on Sunday.")).toContain("Brenna Kolt");
  });

  it("reads a name set off by commas after a title as a person ('Fisheries Minister, Oru Tamsen,')", () => {
    expect(people("We thank the Fisheries Minister, Oru Tamsen, and the whole delegation.")).toContain("Oru Tamsen");
  });

  it("reads a name-shaped run joined by 'and' to a known person as a person too", () => {
    expect(people("According to economists David K. Rhee and Ilsa V. Marrow, the tariff failed.")).toEqual(["David K. Rhee", "Ilsa V. Marrow"]);
    expect(people("Historians Ilsa V. Marrow and David K. Rhee disagree.")).toEqual(expect.arrayContaining(["Ilsa V. Marrow", "David K. Rhee"]));
  });

  it("does not read places, common words or non-agent nouns before a name as a person", () => {
    // A place after an agent-shaped adjective stays a place; common words are no name.
    expect(people("The distant Pacific Ocean was calm that week.")).toEqual([]);
    expect(people("The current Baltic Sea policy was revised.")).toEqual([]);
    // No title before the comma: no apposition.
    expect(people("After the vote, Tavik Orrun was quiet.")).toEqual([]);
    // Joined by 'and' to a person, but shaped like a place ('Lake Tahoe'): not a person.
    expect(people("Mary K. Dunn and Lake Tahoe were on the poster.")).not.toContain("Lake Tahoe");
  });
});
