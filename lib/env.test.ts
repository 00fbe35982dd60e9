import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, SERVER_VARIABLES, serverEnv, TOOL_VARIABLES, toolEnv, variablesTable } from "./env";

const root = path.resolve(import.meta.dirname, "..");

function problems(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof EnvError) return e.problems;
    throw e;
  }
  throw new Error("expected an EnvError");
}

describe("server configuration", () => {
  it("applies every default when nothing is set", () => {
    expect(serverEnv({})).toEqual({ PORT: 3000, DATABASE_URL: "file:./data/recall.db", DATABASE_POOL_SIZE: 10, RECALL_WORKERS: 1 });
  });

  it("reads set values as their types, and a blank value as unset", () => {
    const env = serverEnv({ PORT: " 8080 ", DATABASE_URL: "  ", DATABASE_POOL_SIZE: "25", TRUST_PROXY: "1", AUTH_SECRET: "x".repeat(32), NODE_ENV: "production" });
    expect(env).toEqual({ PORT: 8080, DATABASE_URL: "file:./data/recall.db", DATABASE_POOL_SIZE: 25, RECALL_WORKERS: 1, TRUST_PROXY: 1, AUTH_SECRET: "x".repeat(32), NODE_ENV: "production" });
    expect(serverEnv({ DATABASE_URL: "postgresql://u@h:5432/recall" }).DATABASE_URL).toBe("postgresql://u@h:5432/recall");
  });

  it("refuses a bad value with a message naming the variable, the value and what is expected", () => {
    expect(problems(() => serverEnv({ DATABASE_POOL_SIZE: "ten" }))).toEqual([
      'DATABASE_POOL_SIZE="ten": expected a number of connections: a whole number from 1 to 1000',
    ]);
    expect(problems(() => serverEnv({ PORT: "70000" }))).toEqual(['PORT="70000": expected a TCP port: at most 65535']);
    expect(problems(() => serverEnv({ DATABASE_URL: "mysql://h/db" }))).toEqual([
      'DATABASE_URL="mysql://h/db": expected file:… (SQLite) or postgresql://… (PostgreSQL)',
    ]);
    expect(problems(() => serverEnv({ TRUST_PROXY: "yes" }))).toEqual(['TRUST_PROXY="yes": expected a number of proxy hops: a whole number from 0 to 100']);
    expect(problems(() => serverEnv({ DATABASE_POOL_SIZE: "2.5" }))[0]).toMatch(/^DATABASE_POOL_SIZE="2.5": /);
  });

  it("never prints a secret's value, only its length", () => {
    const [p] = problems(() => serverEnv({ AUTH_SECRET: "hunter2" }));
    expect(p).toBe("AUTH_SECRET=(7 characters): expected at least 32 characters (e.g. `openssl rand -base64 32`), or leave it unset");
  });

  it("lists every bad variable at once, in one error whose message says what to fix", () => {
    let error: unknown;
    try {
      serverEnv({ PORT: "x", NODE_ENV: "prod" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as Error).message).toBe(
      'Invalid configuration:\n  - PORT="x": expected a TCP port: a whole number from 1 to 65535\n  - NODE_ENV="prod": expected production, development or test',
    );
  });
});

describe("test and benchmark configuration", () => {
  it("parses LOAD_THINK_MS as a range and refuses a reversed one", () => {
    expect(toolEnv({ LOAD_THINK_MS: "100-200" }).LOAD_THINK_MS).toEqual({ minMs: 100, maxMs: 200 });
    expect(problems(() => toolEnv({ LOAD_THINK_MS: "6000-2000" }))).toEqual(['LOAD_THINK_MS="6000-2000": expected min-max with min ≤ max']);
    expect(problems(() => toolEnv({ TEST_ENGINE: "mysql" }))).toEqual(['TEST_ENGINE="mysql": expected sqlite or postgres']);
  });
});

describe("one home for the configuration", () => {
  it("README's configuration tables are the ones lib/env.ts describes", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    expect(readme, "README's server table: paste variablesTable(SERVER_VARIABLES)").toContain(variablesTable(SERVER_VARIABLES));
    expect(readme, "README's tests-and-benchmarks table: paste variablesTable(TOOL_VARIABLES)").toContain(variablesTable(TOOL_VARIABLES));
  });

  it("every environment variable the code reads is declared in lib/env.ts", () => {
    const declared = new Set([...Object.keys(SERVER_VARIABLES), ...Object.keys(TOOL_VARIABLES), "NEXT_RUNTIME"]);
    const read = new Map<string, string>();
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (!["node_modules", "generated", ".next", "data", ".git"].includes(e.name)) walk(p);
        } else if (/\.(ts|tsx|mjs|js|sh)$/.test(e.name)) {
          for (const m of fs.readFileSync(p, "utf8").matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)) read.set(m[1], path.relative(root, p));
        }
      }
    };
    for (const dir of ["app", "lib", "scripts", "tests", "proxy.ts", "instrumentation.ts", "playwright.config.ts", "prisma.config.ts"]) {
      const p = path.join(root, dir);
      if (!fs.existsSync(p)) continue;
      if (fs.statSync(p).isDirectory()) walk(p);
      else for (const m of fs.readFileSync(p, "utf8").matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)) read.set(m[1], dir);
    }
    const undeclared = [...read].filter(([name]) => !declared.has(name)).map(([name, file]) => `${name} (${file})`);
    expect(undeclared).toEqual([]);
    expect(read.size).toBeGreaterThan(3);
  });
});
