// Test data built through the same DAL the app uses (no hand-made schedule rows).
import { db } from "@/lib/db";
import { createUser } from "@/lib/dal/users";

let n = 0;
export async function makeUser(prefix = "user"): Promise<string> {
  const r = await createUser(`${prefix}-${++n}-${Date.now()}@example.com`, "correct horse battery", "UTC");
  if (!r.ok) throw new Error("could not create user");
  return r.userId;
}

/** A private document with one card, owned by `ownerId`. */
export async function makePrivateCard(ownerId: string): Promise<{ documentId: string; cardId: string }> {
  const doc = await db.document.create({
    data: {
      ownerId,
      contentHash: `h${++n}`,
      title: "Private notes",
      text: "In 1990, Alpha and Beta signed a treaty.",
      facts: {
        create: {
          key: "f1",
          kind: "date",
          answer: "1990",
          sentence: "In 1990, Alpha and Beta signed a treaty.",
          start: 0,
          end: 40,
          position: 0,
        },
      },
    },
    select: { id: true, facts: { select: { id: true } } },
  });
  const card = await db.card.create({
    data: {
      documentId: doc.id,
      factId: doc.facts[0].id,
      key: "c1",
      type: "cloze",
      prompt: "In ____, Alpha and Beta signed a treaty.",
      answer: "1990",
      trueStatement: "In 1990, Alpha and Beta signed a treaty.",
      position: 0,
    },
    select: { id: true },
  });
  return { documentId: doc.id, cardId: card.id };
}
