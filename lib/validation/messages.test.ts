// Every refused value is explained with its own message, naming the field and
// what to enter (README: "a clear message for every error"). These assertions
// are what mutation testing (npm run test:mutation) checks the messages by.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseSettingsForm, retentionWarning, type SettingsField } from "./settings";
import { IdSchema, userText } from "./text";

const VALID = {
  desiredRetention: "0.9",
  maxInterval: "36500",
  newPerDay: "20",
  reviewsPerDay: "200",
  learningSteps: "1m 10m",
  relearningSteps: "10m",
  enableFuzz: "on",
  dayStartHour: "4",
  timeZone: "Europe/Paris",
  quizFeedsSchedule: "on",
};

function parse(field: SettingsField, value: string | undefined) {
  return parseSettingsForm({ ...VALID, [field]: value });
}
const errorFor = (field: SettingsField, value: string | undefined) => {
  const r = parse(field, value);
  return r.ok ? undefined : r.fieldErrors[field];
};

describe("settings: each refusal names the field and what to enter", () => {
  it.each<[SettingsField, string | undefined, string]>([
    ["desiredRetention", undefined, "Enter the desired retention."],
    ["desiredRetention", " ", "Enter the desired retention."],
    ["desiredRetention", "abc", "Enter a number from 0.7 to 0.97 for the desired retention."],
    ["maxInterval", "1.5", "Enter a whole number from 1 to 36,500 for the maximum interval."],
    ["maxInterval", "36501", "Enter a whole number from 1 to 36,500 for the maximum interval."],
    ["newPerDay", "-1", "Enter a whole number from 0 to 9,999 for the new cards a day."],
    ["reviewsPerDay", "", "Enter the reviews a day."],
    ["reviewsPerDay", "100000", "Enter a whole number from 0 to 99,999 for the reviews a day."],
    ["dayStartHour", "24", "Enter a whole number from 0 to 23 for the hour your day starts."],
    ["learningSteps", "ten minutes", 'Write the learning steps as durations separated by spaces, like "1m 10m" (m minutes, h hours, d days).'],
    ["relearningSteps", "1m ".repeat(70), "Keep the relearning steps short: at most 10 steps."],
    ["learningSteps", Array.from({ length: 11 }, (_, i) => `${i + 1}m`).join(" "), "Use at most 10 learning steps."],
    ["learningSteps", "8d", 'Keep each step to 7 days or less ("8d" is longer): longer gaps are FSRS\'s job.'],
    ["relearningSteps", "10081m", 'Keep each step to 7 days or less ("10081m" is longer): longer gaps are FSRS\'s job.'],
    ["relearningSteps", "169h", 'Keep each step to 7 days or less ("169h" is longer): longer gaps are FSRS\'s job.'],
    // The first problem is the one shown: an empty time zone is not also "not in the list".
    ["timeZone", "", "Choose a time zone."],
    ["timeZone", undefined, "Choose a time zone."],
    ["timeZone", "Mars/Olympus_Mons", "Choose a time zone from the list, like Europe/Paris."],
    ["timeZone", "A".repeat(65), "Choose a time zone from the list, like Europe/Paris."],
  ])("%s = %j → %s", (field, value, message) => {
    expect(errorFor(field, value)).toBe(message);
  });

  it("accepts the limits themselves: 10 steps, 7 days as 7d, 168h or 10080m", () => {
    expect(parse("learningSteps", Array.from({ length: 10 }, (_, i) => `${i + 1}m`).join(" ")).ok).toBe(true);
    for (const step of ["7d", "168h", "10080m"]) expect(parse("relearningSteps", step).ok, step).toBe(true);
  });

  it("reads a checkbox as on for 'on' or 'true', off when absent or 'false', and refuses anything else", () => {
    const fuzz = (v: string | undefined) => {
      const r = parse("enableFuzz", v);
      return r.ok ? r.data.enableFuzz : "refused";
    };
    expect([fuzz("on"), fuzz("true"), fuzz("false"), fuzz(undefined), fuzz("yes")]).toEqual([true, true, false, false, "refused"]);
  });

  it("gives no retention warning for a value that is not a number", () => {
    expect(retentionWarning(Number.POSITIVE_INFINITY)).toBeNull();
    expect(retentionWarning(Number.NaN)).toBeNull();
  });
});

describe("user text and ids: each refusal says why", () => {
  const answer = userText("an answer", 50);
  const message = (schema: z.ZodType, v: unknown) => schema.safeParse(v).error?.issues[0].message;

  it.each<[unknown, string]>([
    [undefined, "Enter an answer."],
    [42, "Enter an answer."],
    ["   ", "Enter an answer."],
    ["x".repeat(51), "Keep an answer under 50 characters."],
    ["a\u0000b", "An answer contains characters that are not text."],
    ["\u200B\u200B", "An answer has no visible characters."],
  ])("%j → %s", (value, expected) => {
    expect(message(answer, value)).toBe(expected);
  });

  it("an id that is not one is refused with a message", () => {
    expect(message(IdSchema, "a b")).toBe("That id could not be read.");
  });
});
