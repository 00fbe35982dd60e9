/** Thrown when a row does not exist *for this user*: the caller answers 404 either way. */
export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

/**
 * A unique constraint refused the write: P2002 from Prisma's query builder,
 * P2010 with the driver adapter's UniqueConstraintViolation from a raw statement,
 * or the driver's own error from a prepared statement (lib/dal/prepared-sql.ts):
 * better-sqlite3's SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY, PostgreSQL's SQLSTATE 23505.
 */
export function isUniqueViolation(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const err = e as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } };
  return (
    err.code === "P2002" ||
    (err.code === "P2010" && err.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation") ||
    err.code === "SQLITE_CONSTRAINT_UNIQUE" ||
    err.code === "SQLITE_CONSTRAINT_PRIMARYKEY" ||
    err.code === "23505"
  );
}
