import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseUrl, engineOf, SCHEMAS } from "./lib/database-url";
import { toolEnv } from "./lib/env";

// Prisma 6.19 runs migrations on its bundled WebAssembly schema engine only
// when a driver adapter is declared here; without it the CLI tries to
// download a native engine, which these machines cannot reach.
// PRISMA_ENGINE=postgres picks the PostgreSQL schema without a database
// (for `prisma generate`); otherwise DATABASE_URL decides.
const url = databaseUrl();
const engine = toolEnv().PRISMA_ENGINE === "postgres" ? "postgres" : engineOf(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(...SCHEMAS[engine].schema.split("/")),
  migrations: { path: path.join(...SCHEMAS[engine].migrations.split("/")) },
  adapter: async () => (engine === "postgres" ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url })),
});
