import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { toPostgresSchema } from "./postgres-schema";

const root = path.resolve(__dirname, "..");

describe("the PostgreSQL schema", () => {
  it("differs from the SQLite schema only in provider, url and client folder", () => {
    const sqlite = fs.readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
    const pg = toPostgresSchema(sqlite);
    expect(pg).toContain('provider = "postgresql"');
    expect(pg).toContain('output       = "../../lib/generated/prisma-pg"');
    const models = (s: string) => s.slice(s.search(/^model /m));
    expect(models(pg)).toBe(models(sqlite));
  });

  it("is committed in step with prisma/schema.prisma (run npm run db:migration after a schema change)", () => {
    const sqlite = fs.readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
    expect(fs.readFileSync(path.join(root, "prisma/postgres/schema.prisma"), "utf8")).toBe(toPostgresSchema(sqlite));
  });
});
