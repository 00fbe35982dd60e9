// npm run import:anki -- --user EMAIL FILE
// Imports an Anki package (.apkg or .colpkg) into the learner's account, with
// its review history, exactly as the /import page does (lib/dal/anki-import).
// Prints progress on stderr and the summary on stdout; exits 1 when refused.
import fs from "node:fs";

function usage(message?: string): never {
  if (message) console.error(message);
  console.error("usage: npm run import:anki -- --user EMAIL FILE.apkg|FILE.colpkg");
  process.exit(2);
}

async function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf("--user");
  if (at < 0 || !args[at + 1]) usage("Name the learner with --user EMAIL.");
  const email = args[at + 1]!;
  const file = args.filter((_, i) => i !== at && i !== at + 1)[0];
  if (!file) usage("Name the package file.");
  if (!fs.existsSync(file)) usage(`No such file: ${file}`);
  const { importAnkiPackage, userIdByEmail } = await import("../lib/dal/anki-import");
  const { AnkiImportError } = await import("../lib/anki");
  const userId = await userIdByEmail(email);
  if (!userId) usage(`No account with the email ${email}: create it first (npm run user:create).`);
  const t0 = Date.now();
  let last = "";
  try {
    const summary = await importAnkiPackage(userId, new Uint8Array(fs.readFileSync(file)), {
      onProgress: (phase, fraction) => {
        const line = `${phase} ${Math.round(fraction * 100)}%`;
        if (line !== last && (fraction === 0 || fraction === 1 || Math.round(fraction * 100) % 10 === 0)) console.error(`[import] ${(last = line)}`);
      },
    });
    console.log(
      `imported ${summary.notes} notes → ${summary.cards} cards in ${summary.decks} decks, ${summary.reviewLogs} review logs ` +
        `(skipped: ${summary.skippedNotes} notes already imported, ${summary.skippedEmptyCards} empty cards, ${summary.skippedReviewLogs} review logs; ` +
        `${summary.images} images and ${summary.sounds} sounds not imported) in ${Date.now() - t0} ms`,
    );
  } catch (e) {
    if (e instanceof AnkiImportError) {
      console.error(`Not imported: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
