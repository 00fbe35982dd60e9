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
