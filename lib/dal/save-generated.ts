import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Generated } from "@/lib/extract/types";

type Tx = Prisma.TransactionClient;

/**
 * Writes a document's facts and cards inside the caller's transaction. With
 * `replace`, rows whose key survives are updated in place (so CardState and
 * ReviewLog rows pointing at them are kept) and the rest are deleted.
 */
export async function saveGenerated(tx: Tx, documentId: string, generated: Generated, opts: { replace: boolean }): Promise<void> {
  const factIds = new Map<string, string>();
  for (const [position, f] of generated.facts.entries()) {
    const data = {
      kind: f.kind,
      answer: f.answer,
      sentence: f.sentence,
      start: f.start,
      end: f.end,
      fields: JSON.stringify(f.fields),
      position,
    };
    const row = opts.replace
      ? await tx.fact.upsert({
          where: { documentId_key: { documentId, key: f.key } },
          create: { ...data, documentId, key: f.key },
          update: data,
          select: { id: true },
        })
      : await tx.fact.create({ data: { ...data, documentId, key: f.key }, select: { id: true } });
    factIds.set(f.key, row.id);
  }
  const cardKeys: string[] = [];
  for (const [position, c] of generated.cards.entries()) {
    const factId = factIds.get(c.factKey);
    if (!factId) throw new Error(`card ${c.key} names an unknown fact ${c.factKey}`);
    const data = {
      factId,
      type: c.type,
      prompt: c.prompt,
      answer: c.answer,
      accepted: JSON.stringify(c.accepted),
      distractors: JSON.stringify(c.distractors),
      trueStatement: c.trueStatement,
      falseStatement: c.falseStatement,
      position,
    };
    cardKeys.push(c.key);
    if (opts.replace)
      await tx.card.upsert({
        where: { documentId_key: { documentId, key: c.key } },
        create: { ...data, documentId, key: c.key },
        update: data,
        select: { id: true },
      });
    else await tx.card.create({ data: { ...data, documentId, key: c.key }, select: { id: true } });
  }
  if (opts.replace) {
    await tx.card.deleteMany({ where: { documentId, key: { notIn: cardKeys } } });
    await tx.fact.deleteMany({ where: { documentId, key: { notIn: [...factIds.keys()] } } });
  }
}
