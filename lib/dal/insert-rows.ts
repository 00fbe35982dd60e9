import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** Most bind parameters in one statement: SQLite builds may allow as few as 999. */
const MAX_PARAMS = 990;

/**
 * Inside the caller's transaction: multi-row INSERTs of plain rows (every row has the same keys, named after
 * the table's columns; table and column names come from code, never from input), in plain SQL
 * that SQLite and PostgreSQL both accept.
 * Prisma's createMany cost about 0.5 ms a row here (the 9,000 rows of the
 * 6,779-review fixture took 4–6 s), this a fraction of that: the same reason
 * the review path is raw SQL (docs/decisions/012).
 */
export async function insertRows(tx: Tx, table: string, rows: Record<string, unknown>[], advance: (n: number) => void = () => undefined): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const head = Prisma.raw(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `);
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const values = Prisma.join(chunk.map((row) => Prisma.sql`(${Prisma.join(columns.map((c) => row[c] ?? null))})`));
    await tx.$executeRaw`${head}${values}`;
    advance(chunk.length);
  }
}

