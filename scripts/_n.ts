import { generate } from "../lib/extract";
const t = `The Senate approved the treaty by a vote of 85–1 after a long debate.
The Government estimated the settlement at £35-39 billion in its central case.
For 2019-20 the share of the budget will be set by the current method.
About 17 or so leaders attended the breakfast in the hall.
The government needed seven votes in the Senate to pass the plan.
Philippe Thys won the twelfth competition of the Tour de France.
China is the world's second largest economy and trading nation.
Payments will be made in four equal monthly instalments each year.
The country is sending a 450-strong force at a cost of $300million to the south.
The firm signed a $20 billion contract for the gas development.`;
for (const c of generate(t).cards) console.log(c.prompt, "=>", c.answer, "|", c.distractors.join(", "));
