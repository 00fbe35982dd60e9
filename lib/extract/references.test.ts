import { describe, expect, it } from "vitest";
import { hasUnresolvedReference } from "./references";

describe("a card that leans on a referent it never names", () => {
  it("is found: an object 'it', 'this thing', 'doing that', 'at that time'", () => {
    expect(hasUnresolvedReference("The council helped to set it up ____ years ago.")).toBe(true);
    expect(hasUnresolvedReference("The mayor was key in getting this thing started in ____.")).toBe(true);
    expect(hasUnresolvedReference("Both unions are firmly committed to doing that by ____.")).toBe(true);
    expect(hasUnresolvedReference("At that time, the port was the region's ____ busiest.")).toBe(true);
    expect(hasUnresolvedReference('Ana Duarte said: "We will run it for a period of ____."')).toBe(true);
  });

  it("is not found where the card names everything: an expletive, a resolved frame, 'that' as a conjunction", () => {
    expect(hasUnresolvedReference("It is likely that the bridge opens in ____.")).toBe(false);
    expect(hasUnresolvedReference('Ana Duarte said of the accord: "It means lower tariffs on ____."')).toBe(false);
    expect(hasUnresolvedReference("The minister said that the bridge would open in ____.")).toBe(false);
    expect(hasUnresolvedReference("At the time of the signing, the port handled ____ tonnes.")).toBe(false);
    expect(hasUnresolvedReference("The itinerary was fixed in ____.")).toBe(false);
    expect(hasUnresolvedReference("The city will keep the promises it made to the ____ in 2020.")).toBe(false);
    expect(hasUnresolvedReference("Both sides value the partnership and will look for ways to deepen it.")).toBe(false);
  });
});
