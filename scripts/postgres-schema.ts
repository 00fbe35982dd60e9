// The PostgreSQL schema is derived from prisma/schema.prisma (the one model
// definition): only the datasource provider and the generated client's folder differ.

export const GENERATED_HEADER = "// Generated from prisma/schema.prisma by `npm run db:migration`: do not edit.\n";

export function toPostgresSchema(sqliteSchema: string): string {
  const out = sqliteSchema
    .replace(/(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"')
    .replace(/(datasource db \{[^}]*url\s*=\s*)"[^"]*"/, '$1"postgresql://localhost/recall"')
    .replace(/(generator client \{[^}]*output\s*=\s*)"\.\.\/lib\/generated\/prisma"/, '$1"../../lib/generated/prisma-pg"');
  if (!out.includes('"postgresql"') || !out.includes("prisma-pg")) throw new Error("prisma/schema.prisma no longer has the datasource or generator this script rewrites");
  return GENERATED_HEADER + out;
}
