import { generate } from "../lib/extract";
const t = process.argv[2] ?? `The final reason for the decision is training.
NATO's core purpose as a treaty organisation is of course the collective defence of its members.
The relationship with the United States is fundamental to the security of the country.
China is the biggest customer of the Australian coal industry.
The main problem with the forum is that it has no security policy mandate.
The Pact served as the legal basis for the concept of a crime against peace.
The declaration is a statement of intent by both parties.
Australia and Japan are two of the great Pacific democracies.`;
for (const c of generate(t).cards) console.log(c.kind, "|", c.prompt, "=>", c.answer, "|", c.distractors.join(", "));
