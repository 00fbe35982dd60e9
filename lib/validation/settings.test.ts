import { describe, expect, it } from "vitest";
import { parseSettingsForm, retentionWarning, type SettingsField } from "./settings";

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

function errorFor(field: SettingsField, value: string | undefined): string | undefined {
  const r = parseSettingsForm({ ...VALID, [field]: value });
  return r.ok ? undefined : r.fieldErrors[field];
}

function valueOf(field: SettingsField, value: string | undefined) {
  const r = parseSettingsForm({ ...VALID, [field]: value });
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
  return r.data[field];
}

describe("parseSettingsForm", () => {
  it("accepts the defaults and types every field", () => {
    expect(parseSettingsForm(VALID)).toEqual({
      ok: true,
      data: {
        desiredRetention: 0.9,
        maxInterval: 36500,
        newPerDay: 20,
        reviewsPerDay: 200,
        learningSteps: "1m 10m",
        relearningSteps: "10m",
        enableFuzz: true,
        dayStartHour: 4,
        timeZone: "Europe/Paris",
        quizFeedsSchedule: true,
      },
    });
  });

  it("reads FormData, where an unticked checkbox is simply absent", () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(VALID)) if (k !== "enableFuzz" && k !== "quizFeedsSchedule") form.set(k, v);
    const r = parseSettingsForm(form);
    expect(r.ok && r.data.enableFuzz === false && r.data.quizFeedsSchedule === false).toBe(true);
  });

  it.each([
    ["0.70", 0.7],
    ["0.97", 0.97],
    [" 0.855 ", 0.855],
  ])("desired retention %s is accepted", (v, n) => expect(valueOf("desiredRetention", v)).toBe(n));

  it.each(["0.69", "0.971", "1", "90", "", "abc", "NaN", "Infinity"])("desired retention %j is refused with the range", (v) => {
    expect(errorFor("desiredRetention", v)).toMatch(v === "" ? /Enter the desired retention/ : /from 0\.7 to 0\.97/);
  });

  it.each([
    ["maxInterval", "1", "0", "36501"],
    ["newPerDay", "0", "-1", "10000"],
    ["reviewsPerDay", "0", "-1", "100000"],
    ["dayStartHour", "0", "-1", "24"],
  ] as const)("%s accepts its bounds and refuses just outside them", (field, ok, below, above) => {
    expect(errorFor(field, ok)).toBeUndefined();
    expect(errorFor(field, below)).toMatch(/whole number/);
    expect(errorFor(field, above)).toMatch(/whole number/);
    expect(errorFor(field, "2.5")).toMatch(/whole number/);
  });

  it("normalizes steps and allows no steps at all", () => {
    expect(valueOf("learningSteps", "  1m   10m 1h ")).toBe("1m 10m 1h");
    expect(valueOf("relearningSteps", "")).toBe("");
  });

  it.each([
    ["10 minutes", /like "1m 10m"/],
    ["1m,10m", /like "1m 10m"/],
    ["0m", /like "1m 10m"/],
    ["8d", /7 days or less/],
    ["1m ".repeat(11), /at most 10/],
  ])("learning steps %j are refused", (v, message) => {
    expect(errorFor("learningSteps", v)).toMatch(message);
    expect(errorFor("relearningSteps", v)).toMatch(message);
  });

  it("accepts IANA time zones only", () => {
    expect(valueOf("timeZone", "America/New_York")).toBe("America/New_York");
    expect(valueOf("timeZone", "UTC")).toBe("UTC");
    expect(errorFor("timeZone", "Mars/Olympus")).toMatch(/time zone from the list/);
    expect(errorFor("timeZone", "")).toMatch(/Choose a time zone/);
  });

  it("reports every invalid field at once, each with its own message", () => {
    const r = parseSettingsForm({ ...VALID, desiredRetention: "2", timeZone: "Nowhere", learningSteps: "soon" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.fieldErrors).sort()).toEqual(["desiredRetention", "learningSteps", "timeZone"]);
  });
});

describe("retentionWarning", () => {
  it("is silent inside 80–95% and explains the cost outside it", () => {
    expect(retentionWarning(0.8)).toBeNull();
    expect(retentionWarning(0.9)).toBeNull();
    expect(retentionWarning(0.95)).toBeNull();
    expect(retentionWarning(0.96)).toMatch(/more reviews/);
    expect(retentionWarning(0.75)).toMatch(/forgotten more than 25%/);
  });
});

// Every refused value is explained with its own message, naming the field and
// what to enter; mutation testing (npm run test:mutation) checks the messages by these.
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
    expect(parseSettingsForm({ ...VALID, learningSteps: Array.from({ length: 10 }, (_, i) => `${i + 1}m`).join(" ") }).ok).toBe(true);
    for (const step of ["7d", "168h", "10080m"]) expect(parseSettingsForm({ ...VALID, relearningSteps: step }).ok, step).toBe(true);
  });

  it("reads a checkbox as on for 'on' or 'true', off when absent or 'false', and refuses anything else", () => {
    const fuzz = (v: string | undefined) => {
      const r = parseSettingsForm({ ...VALID, enableFuzz: v });
      return r.ok ? r.data.enableFuzz : "refused";
    };
    expect([fuzz("on"), fuzz("true"), fuzz("false"), fuzz(undefined), fuzz("yes")]).toEqual([true, true, false, false, "refused"]);
  });

  it("gives no retention warning for a value that is not a number", () => {
    expect(retentionWarning(Number.POSITIVE_INFINITY)).toBeNull();
    expect(retentionWarning(Number.NaN)).toBeNull();
  });
});

describe("settings: the retention warning and rounding, word for word", () => {
  it("above 95% warns of the review cost; below 80% says how much will be forgotten", () => {
    expect(retentionWarning(0.96)).toBe("Above 95%, every extra point costs many more reviews: intervals shrink fast while you forget only slightly less.");
    expect(retentionWarning(0.75)).toBe("Below 80%, you will have forgotten more than 25% of cards by the time they come back: fewer reviews, but more relearning.");
    expect(retentionWarning(0.7)).toBe("Below 80%, you will have forgotten more than 30% of cards by the time they come back: fewer reviews, but more relearning.");
  });
  it("rounds the desired retention to three decimals, half up", () => {
    expect(valueOf("desiredRetention", "0.8555")).toBe(0.856);
    expect(valueOf("desiredRetention", "0.8554")).toBe(0.855);
    expect(valueOf("desiredRetention", "0.9004")).toBe(0.9);
  });
  it("refuses a retention that is not a finite number, with the range", () => {
    for (const v of ["Infinity", "-Infinity", "1e999", "0x1"]) expect(errorFor("desiredRetention", v), v).toBe("Enter a number from 0.7 to 0.97 for the desired retention.");
  });
  it("reads a FormData field that is absent as missing, with the field's own message", () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(VALID)) if (k !== "newPerDay") form.set(k, v);
    expect(parseSettingsForm(form)).toEqual({ ok: false, fieldErrors: { newPerDay: "Enter the new cards a day." } });
  });
  it("checks each step against 7 days in its own unit", () => {
    expect(errorFor("learningSteps", "1m 7d 169h")).toBe('Keep each step to 7 days or less ("169h" is longer): longer gaps are FSRS\'s job.');
    expect(errorFor("learningSteps", "10080m 168h 7d")).toBeUndefined();
  });
});
