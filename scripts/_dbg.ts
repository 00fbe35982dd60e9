import fs from "node:fs";
import { analyzeDocument } from "../lib/extract";
import { isFactual } from "../lib/extract/sentences";
const { doc, candidates } = analyzeDocument(fs.readFileSync(process.argv[2], "utf8"), {});
for (const s of doc.sentences) {
  const c = candidates.filter((x) => x.sentence === s).map((x) => `${x.kind}:${x.answer}`);
  const f = ["question","opinion","fragment","quoted","questionTurn","pronounSubject","firstPerson","secondPerson"].filter((k) => (s as any)[k]);
  console.log(`${isFactual(s) ? "F" : "-"} [${f.join(",")}] sp=${s.speaker ?? ""} ${s.text.slice(0, 110)}${c.length ? "\n     => " + c.join(" | ") : ""}`);
}
if (process.argv[3] === "ents") for (const s of doc.sentences) { const ms = doc.entities.bySentence[s.index]; if (ms?.length) console.log(s.index, ms.map((m) => `${m.type}:${m.text}${m.role ? "(" + m.role + ")" : ""}`).join(" | ")); }
