// The team's shared folder (real Anki packages, the dev corpus) lives beside the
// project, in ../shared; a clone made elsewhere (CI's fresh clone in /tmp) finds
// it at this machine's own /work/shared. Tests read the fixtures from there and
// never copy them into the project.
import fs from "node:fs";
import path from "node:path";

const CANDIDATES = [path.resolve(__dirname, "../../../shared"), "/work/shared"];

/** The shared folder, or an error naming where it was looked for. */
export function sharedDir(): string {
  const found = CANDIDATES.find((d) => fs.existsSync(path.join(d, "fixtures")));
  if (!found) throw new Error(`The shared fixtures folder was not found (looked in ${CANDIDATES.join(" and ")}).`);
  return found;
}
