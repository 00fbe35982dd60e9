// Creates an account from the command line: npm run user:create -- <email> <password> [time-zone]
// (The end-to-end fixtures create theirs in-process: tests/e2e/e2e-database.ts.)
import { SignUpSchema } from "../lib/validation/auth";

async function main() {
  const [email, password, timeZone] = process.argv.slice(2);
  const parsed = SignUpSchema.safeParse({ email, password, timeZone });
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => i.message).join("\n"));
    process.exit(2);
  }
  const { createUser } = await import("../lib/dal/users");
  const r = await createUser(parsed.data.email, parsed.data.password, parsed.data.timeZone);
  if (!r.ok) {
    console.error("An account with this email already exists.");
    process.exit(1);
  }
  console.log(r.userId);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
