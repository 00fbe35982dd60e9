import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { databaseUrl, engineOf } from "@/lib/database-url";
import { toolEnv } from "@/lib/env";
import { isEmptyMigration, pendingSql } from "../../scripts/migrations";

describe("migrations", () => {
  it("this suite runs on the engine it was asked for", async () => {
    const expected = toolEnv().TEST_ENGINE;
    expect(engineOf(databaseUrl())).toBe(expected);
    expect(await db.user.count()).toBe(0);
  });

  it.each(["sqlite", "postgres"] as const)("the %s migrations match the one model definition (no drift)", async (engine) => {
    const sql = await pendingSql(engine);
    expect(isEmptyMigration(sql), `run npm run db:migration -- <name>; pending:\n${sql}`).toBe(true);
  });
});
