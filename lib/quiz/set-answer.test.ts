import { describe, expect, it } from "vitest";
import { gradeTypedAnswer } from "./grade-answer";
import { setMembers } from "./set-answer";

describe("set answers", () => {
  const expected = "copper, nickel, cobalt and zinc";

  it("accepts the members of a list in any order, with typos graded per member", () => {
    expect(gradeTypedAnswer("zinc, cobalt, copper and nickel", expected, []).verdict).toBe("correct");
    expect(gradeTypedAnswer("nickel; zinc; copper; cobalt", expected, []).verdict).toBe("correct");
    expect(gradeTypedAnswer("zinc, cobalt, coper, nickel", expected, []).verdict).toBe("correct");
  });

  it("refuses a set with a member missing, added, repeated or wrong", () => {
    expect(gradeTypedAnswer("zinc, cobalt and copper", expected, []).verdict).toBe("wrong");
    expect(gradeTypedAnswer("zinc, cobalt, copper, nickel and tin", expected, []).verdict).toBe("wrong");
    expect(gradeTypedAnswer("zinc, zinc, copper and nickel", expected, []).verdict).toBe("wrong");
    expect(gradeTypedAnswer("zinc, cobalt, copper and iron", expected, []).verdict).toBe("wrong");
  });

  it("treats only lists of three or more short items as sets (a name with 'and' is not split)", () => {
    expect(setMembers("Trinidad and Tobago")).toBeNull();
    expect(setMembers("2019 and 2020")).toBeNull();
    expect(setMembers("the Department for Environment, Food and Rural Affairs of the United Kingdom")).toBeNull();
    expect(gradeTypedAnswer("Tobago and Trinidad", "Trinidad and Tobago", []).verdict).toBe("wrong");
    expect(setMembers(expected)).toEqual(["copper", "nickel", "cobalt", "zinc"]);
  });
});
