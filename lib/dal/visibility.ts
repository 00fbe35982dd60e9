import type { Prisma } from "@/lib/generated/prisma/client";

/** Documents a user may see: the shipped library (no owner) and their own. */
export function visibleDocuments(userId: string): Prisma.DocumentWhereInput {
  return { OR: [{ ownerId: null }, { ownerId: userId }] };
}

export function visibleCards(userId: string): Prisma.CardWhereInput {
  return { document: visibleDocuments(userId) };
}
