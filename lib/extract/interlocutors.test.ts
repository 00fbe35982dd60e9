import { describe, expect, it } from "vitest";
import { clean } from "./clean";
import { addressedRoleFacts, interviewerFact } from "./interlocutors";
import { generate } from "./index";

const title = "Press conference with the Fisheries Commissioner (Premier Lars Berg)";

function roleFacts(body: string, t = title) {
  const c = clean(`title: ${t}\n\n${body}`);
  return addressedRoleFacts(c.masked, c.speakers, t);
}

describe("interlocutors", () => {
  it("names the interviewer a title gives, with the outlet, and never leaks the name", () => {
    const t = "Interview with Ana Sol, Radio Nord (Premier Lars Berg)";
    expect(interviewerFact(t, ["SOL", "PREMIER"])).toEqual({ statement: "Premier Lars Berg is interviewed by Ana Sol (Radio Nord).", answer: "Ana Sol", label: "SOL" });
    const cards = generate(`title: ${t}\n\nSOL: Why now?\n\nPREMIER: Because the quotas ran out in May and the fleet needed a new plan.`).cards;
    expect(cards.map((c) => c.prompt)).toContain("Premier Lars Berg is interviewed by ____ (Radio Nord).");
  });

  it("needs an 'Interview with' title and a label that resolves to the name", () => {
    expect(interviewerFact("Interview with Radio Nord (Premier Lars Berg)", ["JOURNALIST", "PREMIER"])).toBeNull();
    expect(interviewerFact("Doorstop, Velm (Premier Lars Berg)", ["SOL", "PREMIER"])).toBeNull();
  });

  it("names a role label's holder when askers address them by name twice, just before that label answers", () => {
    const body = [
      "PREMIER: Welcome, Commissioner.",
      "JOURNALIST: Dr Vale, will the quotas rise this year?",
      "COMMISSIONER: They will rise by a small amount in the north.",
      "JOURNALIST: Dr Vale, what about the south?",
      "COMMISSIONER: The south keeps its quota until the next survey.",
    ].join("\n\n");
    expect(roleFacts(body)).toEqual([{ statement: "The Fisheries Commissioner, labelled COMMISSIONER in the transcript, is Dr ____.".replace("____", "Vale"), answer: "Vale", label: "COMMISSIONER" }]);
  });

  it("names no one from a single vocative, two different names, or a vocative the next label does not answer", () => {
    const once = "JOURNALIST: Dr Vale, will the quotas rise?\n\nCOMMISSIONER: They will rise a little in the north.";
    expect(roleFacts(once)).toEqual([]);
    const two = "JOURNALIST: Dr Vale, will the quotas rise?\n\nCOMMISSIONER: They will.\n\nJOURNALIST: Mr Holt, and the south?\n\nCOMMISSIONER: It keeps its quota.";
    expect(roleFacts(two)).toEqual([]);
    const premier = "JOURNALIST: Dr Vale, will the quotas rise?\n\nPREMIER: The commissioner decides.\n\nJOURNALIST: Dr Vale, and the south?\n\nPREMIER: Ask the commissioner.";
    // "PREMIER" resolves to a named person, not a role: no fact about it.
    expect(roleFacts(premier)).toEqual([]);
  });
});
