import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { updateTimeZone } from "@/lib/dal/users";
import { updateSettings } from "@/lib/dal/settings";
import { SETTINGS_FIELDS, type SettingsInput } from "@/lib/validation/settings";
import { makeUser } from "../support/factories";

describe("the user's time zone", () => {
  it("follows the browser until the user picks another zone in settings", async () => {
    const user = await makeUser();
    await updateTimeZone(user, "Europe/Paris");
    expect((await db.user.findUniqueOrThrow({ where: { id: user } })).timeZone).toBe("Europe/Paris");

    const current = await db.user.findUniqueOrThrow({ where: { id: user } });
    const settings = Object.fromEntries(SETTINGS_FIELDS.map((f) => [f, current[f]])) as SettingsInput;
    await updateSettings(user, { ...settings, timeZone: "Asia/Tokyo", timeZoneAuto: false });
    await updateTimeZone(user, "Europe/Paris");
    expect((await db.user.findUniqueOrThrow({ where: { id: user } })).timeZone).toBe("Asia/Tokyo");
  });
});
