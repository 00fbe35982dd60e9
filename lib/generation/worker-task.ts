// The card generator as a Piscina task (lib/generation/generate-off-thread.ts).
import { generate } from "../extract";
import type { Generated } from "../extract/types";

export interface GenerationTask {
  text: string;
  /** ISO date or null. */
  publishedAt: string | null;
}

export default function run(task: GenerationTask): Generated {
  return generate(task.text, { publishedAt: task.publishedAt });
}
