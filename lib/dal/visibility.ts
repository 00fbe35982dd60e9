import { Prisma } from "@/lib/generated/prisma/client";

// One rule, in the two forms the DAL queries in: a document is visible to its
// owner, and the shipped library (no owner) to everyone.

/** Documents a user may see: the shipped library (no owner) and their own. */
export function visibleDocuments(userId: string): Prisma.DocumentWhereInput {
  return { OR: [{ ownerId: null }, { ownerId: userId }] };
}

export function visibleCards(userId: string): Prisma.CardWhereInput {
  return { document: visibleDocuments(userId) };
}

/** The same rule for raw SQL (docs/decisions/012), on a Document aliased `d`. */
export function visibleDocumentSql(userId: string): Prisma.Sql {
  return Prisma.sql`(d."ownerId" IS NULL OR d."ownerId" = ${userId})`;
}
