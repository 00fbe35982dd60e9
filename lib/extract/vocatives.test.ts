import { describe, expect, it } from "vitest";
import { generate } from "./index";

const title = "Press conference with the Fisheries Commissioner (Premier Lars Berg)";
const prompts = (body: string) => generate(`title: ${title}\n\n${body}`).cards.map((c) => c.prompt);

describe("an opening address", () => {
  it("is left out, and the clause after it stands as the asker's claim", () => {
    const got = prompts("JOURNALIST: Dr Vale, the Coastal Board closed the northern fishery in May. Will it reopen?\n\nCOMMISSIONER: It will reopen when the stocks recover.");
    expect(got).toContain('The journalist said: "The ____ closed the northern fishery in May."');
  });

  it("keeps a greeting or a bare address a pleasantry (no card)", () => {
    expect(prompts("PREMIER: Mr Holt, welcome to the Coastal Board offices in Velm today.").some((p) => p.includes("Coastal Board"))).toBe(false);
    expect(prompts("PREMIER: Mr Holt, Dr Vale, Ms Orr and Mr Lind.").length).toBe(1);
  });
});
