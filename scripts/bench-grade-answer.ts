// npm run bench:grade-answer — how long grading a typed quiz answer takes on
// the inputs a browser can send: a normal answer, a pasted essay, a
// megabyte of one letter (the length check in lib/quiz/edit-distance.ts
// refuses those before the distance table is built). Targets: a pasted
// essay under 1000 ms, a megabyte against a short answer under 200 ms (the
// limits the unit tests used to time; they now count the table instead).
// Each figure is the best of 5 runs, in ms.
import { editDistance } from "../lib/quiz/edit-distance";
import { gradeTypedAnswer } from "../lib/quiz/grade-answer";

function bestMs(run: () => unknown, times = 5): number {
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    run();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

const essay = "lorem ipsum ".repeat(20_000);
const megabyte = "a".repeat(1_000_000);
gradeTypedAnswer("warm up", "Venezuela", []);

const typical = bestMs(() => {
  for (let i = 0; i < 1000; i++) gradeTypedAnswer("Venezeula", "Venezuela", ["Bolivarian Republic of Venezuela"], { rejected: ["Colombia", "Ecuador"] });
}) / 1000;
const pasted = bestMs(() => gradeTypedAnswer(essay, "Venezuela", []));
const long = bestMs(() => editDistance(megabyte, "venezuela", 3));

console.log(`typical answer: ${typical.toFixed(3)} ms each (1000 graded)`);
console.log(`pasted essay (${essay.length.toLocaleString("en")} characters): ${pasted.toFixed(1)} ms (target < 1000)`);
console.log(`editDistance, 1,000,000 characters vs "venezuela", max 3: ${long.toFixed(1)} ms (target < 200)`);
console.log(`grade_answer_typical_ms=${typical.toFixed(3)} grade_answer_essay_ms=${pasted.toFixed(1)} edit_distance_megabyte_ms=${long.toFixed(1)}`);
process.exitCode = pasted < 1000 && long < 200 ? 0 : 1;
