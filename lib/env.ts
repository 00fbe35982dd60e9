// Every environment variable Recall reads, in one place: its type, default
// and meaning, validated with zod (as create-t3-app's env.js and epic-stack's
// env.server.ts do). The server's variables are validated at start-up
// (scripts/setup.ts through databaseUrl(), and instrumentation.ts when
// `next start` runs on its own); a bad value stops it with a message naming
// the variable, the value and what is expected. README's configuration table
// is generated from SERVER_VARIABLES (lib/env.test.ts checks they agree).
// Not here: NEXT_RUNTIME/NEXT_PHASE, which Next sets for its own use.
import { z } from "zod";

/** A variable set to "" or spaces counts as unset (as `VAR= npm start` or an empty line in a .env file mean). */
const unsetIfBlank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const wholeNumber = (min: number, max: number, what: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
    z.number({ error: `expected ${what}: a whole number from ${min} to ${max}` }).int().min(min, { error: `expected ${what}: at least ${min}` }).max(max, { error: `expected ${what}: at most ${max}` }),
  );

interface Variable<S extends z.ZodType> {
  schema: S;
  /** The default as README shows it. */
  default: string;
  meaning: string;
}

const variable = <S extends z.ZodType>(v: Variable<S>) => v;

const WORKERS = "expected auto or a whole number of processes from 1 to 64";

export const DEFAULT_DATABASE_URL = "file:./data/recall.db";

/** The server's configuration: read by `npm start`, `next start` and the CLIs that open the database. */
export const SERVER_VARIABLES = {
  PORT: variable({ schema: wholeNumber(1, 65535, "a TCP port").default(3000), default: "`3000`", meaning: "port to serve on" }),
  DATABASE_URL: variable({
    schema: z
      .string()
      .trim()
      .refine((url) => /^postgres(ql)?:\/\//i.test(url) || url.startsWith("file:"), {
        error: "expected file:… (SQLite) or postgresql://… (PostgreSQL)",
      })
      .default(DEFAULT_DATABASE_URL),
    default: `\`${DEFAULT_DATABASE_URL}\``,
    meaning: "`file:…` for SQLite (path relative to the project), `postgresql://…` for PostgreSQL",
  }),
  AUTH_SECRET: variable({
    // next-auth signs and encrypts session cookies with it; `npx auth secret` and scripts/start.ts make 32 random bytes.
    schema: z.string().min(32, { error: "expected at least 32 characters (e.g. `openssl rand -base64 32`), or leave it unset" }).optional(),
    default: "generated into `data/auth-secret`",
    meaning: "signs session cookies (at least 32 characters); give every instance the same value",
  }),
  DATABASE_POOL_SIZE: variable({
    schema: wholeNumber(1, 1000, "a number of connections").default(10),
    default: "`10`",
    meaning: "PostgreSQL connections per serving process (each of `RECALL_WORKERS` has its own pool)",
  }),
  RECALL_WORKERS: variable({
    // Read by scripts/serve.ts through lib/workers.ts (workerCount).
    schema: z
      .preprocess(
        (v) => (typeof v === "string" && /^\s*auto\s*$/i.test(v) ? "auto" : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
        z.union([z.literal("auto"), z.number().int({ error: WORKERS }).min(1, { error: WORKERS }).max(64, { error: WORKERS })], { error: WORKERS }),
      )
      .default(1),
    default: "`1`",
    meaning: "serving processes on this host (node:cluster, sharing `PORT`): `1`, a number, or `auto` (one per core). Several processes may share one SQLite file or PostgreSQL database (docs/decisions/012); the development server always runs one",
  }),
  TRUST_PROXY: variable({
    // Read by lib/rate-limit.ts (clientIp), which owns how the hops are used.
    schema: wholeNumber(0, 100, "a number of proxy hops").optional(),
    default: "unset (`0`)",
    meaning: "how many reverse proxies stand in front of Recall. `0`/unset: the client's address is the connection's own and `X-Forwarded-For` is ignored. `N`: each proxy appends the address it received the request from to `X-Forwarded-For`, and the client is the Nth address from the right, so a forged header neither bypasses the per-address limit nor locks out another address (docs/decisions/021)",
  }),
  RECALL_CLIENT_ADDRESS_HEADER: variable({
    // Read by lib/client-address.ts; scripts/serve.ts sets it for the Next server it starts.
    schema: z.string().regex(/^x-recall-client-[a-z0-9-]+$/, "expected x-recall-client-<random>").optional(),
    default: "set by `npm start`",
    meaning: "internal: the name of the request header in which Recall's own server (scripts/serve.ts) hands each request's client address to the app; random per process, never set by hand",
  }),
  NODE_OPTIONS: variable({
    // Node's own; read by scripts/start.ts (serverNodeOptions), which puts its V8 flags for the production server first.
    schema: z.string().optional(),
    default: "unset",
    meaning: "Node's own flags. `npm start` runs the production server with `--max-semi-space-size=8` followed by these, so a flag given here wins (docs/decisions/012)",
  }),
  NODE_ENV: variable({
    schema: z.enum(["production", "development", "test"], { error: "expected production, development or test" }).optional(),
    default: "set by `next`",
    meaning: "`production` under `npm start`, `development` under `npm run dev`; not to be set by hand",
  }),
} as const;

/** Variables read only by the test runners and benchmarks, never by the server. */
export const TOOL_VARIABLES = {
  PG_ADMIN_URL: variable({
    schema: z.string().trim().regex(/^postgres(ql)?:\/\//i, { error: "expected postgresql://…" }).default("postgresql://postgres@127.0.0.1:5432/postgres"),
    default: "`postgresql://postgres@127.0.0.1:5432/postgres`",
    meaning: "a PostgreSQL superuser connection: the PostgreSQL test suites create and drop their databases through it",
  }),
  TEST_ENGINE: variable({
    schema: z.enum(["sqlite", "postgres"], { error: "expected sqlite or postgres" }).default("sqlite"),
    default: "`sqlite`",
    meaning: "engine of the integration tests (`postgres` uses `PG_ADMIN_URL`)",
  }),
  E2E_PORT: variable({ schema: wholeNumber(1, 65535, "a TCP port").default(3100), default: "`3100`", meaning: "port of the server the end-to-end tests start" }),
  E2E_SECOND_PORT: variable({
    schema: wholeNumber(1, 65535, "a TCP port").optional(),
    default: "unset",
    meaning: "port of a second instance on the same database (`npm run test:postgres` sets it)",
  }),
  E2E_DATABASE_URL: variable({
    schema: z.string().trim().optional(),
    default: "`file:data/e2e-<port>.db`",
    meaning: "database of the end-to-end server",
  }),
  CHROMIUM_PATH: variable({ schema: z.string().trim().default("/usr/bin/chromium"), default: "`/usr/bin/chromium`", meaning: "browser the end-to-end tests drive" }),
  PRISMA_ENGINE: variable({
    schema: z.enum(["sqlite", "postgres"], { error: "expected sqlite or postgres" }).optional(),
    default: "from `DATABASE_URL`",
    meaning: "which schema `prisma` commands use (`postgres` generates the PostgreSQL client)",
  }),
  CI: variable({ schema: z.string().optional(), default: "unset", meaning: "set: end-to-end tests retry a failure once" }),
  LOAD_USERS: variable({ schema: wholeNumber(1, 10_000, "a number of reviewers").default(100), default: "`100`", meaning: "`bench:load`: concurrent reviewers" }),
  LOAD_CYCLES: variable({ schema: wholeNumber(1, 10_000, "a number of cycles").default(50), default: "`50`", meaning: "`bench:load`: next-card/grade cycles per reviewer" }),
  LOAD_THINK_MS: variable({
    schema: z
      .string()
      .trim()
      .regex(/^\d+-\d+$/, { error: "expected min-max in milliseconds, e.g. 2000-6000" })
      .transform((s) => s.split("-").map(Number) as [number, number])
      .refine(([min, max]) => min <= max, { error: "expected min-max with min ≤ max" })
      .transform(([minMs, maxMs]) => ({ minMs, maxMs }))
      .default({ minMs: 2000, maxMs: 6000 }),
    default: "`2000-6000`",
    meaning: "`bench:load`: how long a reviewer looks at a card, in ms",
  }),
  FAULT_KILL_AFTER_MS: variable({
    schema: wholeNumber(0, 3_600_000, "milliseconds").default(12_000),
    default: "`12000`",
    meaning: "`test:faults`: when the server is killed, in ms after the load starts",
  }),
  FAULT_VERBOSE: variable({ schema: z.string().optional(), default: "unset", meaning: "`test:faults`: set to print the server's output" }),
  RECALL_PROFILE_DIR: variable({
    // Set by scripts/bench-profile.ts for scripts/load/cpu-profile-preload.cjs in the server's processes.
    schema: z.string().optional(),
    default: "set by `bench:profile`",
    meaning: "internal: the folder the profiled server's processes write their CPU profiles to; never set by hand",
  }),
  RECALL_HEAP_SNAPSHOT: variable({
    // Set by scripts/bench-profile.ts (--heap-snapshot) for scripts/load/cpu-profile-preload.cjs.
    schema: z.string().optional(),
    default: "set by `bench:profile -- --heap-snapshot`",
    meaning: "internal: `1` makes the profiled process also write a heap snapshot; never set by hand",
  }),
} as const;

type Schemas<V extends Record<string, Variable<z.ZodType>>> = { [K in keyof V]: V[K]["schema"] };
const schemaOf = <V extends Record<string, Variable<z.ZodType>>>(vars: V) =>
  z.object(Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, z.preprocess(unsetIfBlank, v.schema)])) as unknown as Schemas<V>);

const serverSchema = schemaOf(SERVER_VARIABLES);
const toolSchema = schemaOf(TOOL_VARIABLES);
export type ServerEnv = z.output<typeof serverSchema>;
export type ToolEnv = z.output<typeof toolSchema>;

/** A configuration error: one line per bad variable, naming it, its value (secrets hidden) and what is expected. */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

type Source = Record<string, string | undefined>;

function parse<S extends z.ZodType>(schema: S, source: Source): z.output<S> {
  const r = schema.safeParse(source);
  if (r.success) return r.data;
  throw new EnvError(
    r.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const value = source[name];
      const shown = name.includes("SECRET") ? `(${value?.length ?? 0} characters)` : JSON.stringify(value);
      return `${name}=${shown}: ${issue.message}`;
    }),
  );
}

/**
 * The server's configuration from `source` (default: process.env), every
 * default applied. Throws EnvError listing every bad variable. Parsed on each
 * call (cheap): scripts and tests set DATABASE_URL before they open a database.
 */
export function serverEnv(source: Source = process.env): ServerEnv {
  return parse(serverSchema, source);
}

/** The test runners' and benchmarks' variables; throws EnvError like serverEnv. */
export function toolEnv(source: Source = process.env): ToolEnv {
  return parse(toolSchema, source);
}

/** A Markdown table of `vars` (README's configuration tables are these, verbatim). */
export function variablesTable(vars: Record<string, Variable<z.ZodType>>): string {
  const rows = Object.entries(vars).map(([name, v]) => `| \`${name}\` | ${v.default} | ${v.meaning} |`);
  return ["| variable | default | meaning |", "|---|---|---|", ...rows].join("\n");
}
