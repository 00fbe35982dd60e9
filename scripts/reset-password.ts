// For the operator of a self-hosted instance, when a learner forgot their
// password (no mail server is assumed):
//   npm run user:reset-password -- <email>
// sets a new random password, signs the account out everywhere, clears the
// sign-in failures recorded against it, and prints the password to hand to
// the learner, who can change it on /account.
// `--password-stdin` reads the new password from standard input instead
// (it must follow the sign-up rules).
import { randomInt } from "node:crypto";
import { EmailSchema, newPasswordSchema, PasswordSchema } from "../lib/validation/auth";
import { z } from "zod";

/** A random password of 4 groups of 5 letters and digits (about 100 bits; no look-alike characters). */
function randomPassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const group = () => Array.from({ length: 5 }, () => alphabet[randomInt(alphabet.length)]).join("");
  return [group(), group(), group(), group()].join("-");
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const fromStdin = args.includes("--password-stdin");
  const rawEmail = args.find((a) => !a.startsWith("--"));
  const email = EmailSchema.safeParse(rawEmail);
  if (!email.success) {
    console.error(`usage: npm run user:reset-password -- <email> [--password-stdin]\n${rawEmail ? email.error.issues[0].message : "Give the account's email address."}`);
    return 2;
  }
  const schema = newPasswordSchema(z.object({ email: z.string(), password: PasswordSchema }));
  let password = fromStdin ? await readStdin() : randomPassword();
  // A random one is refused only if it happens to spell a pattern zxcvbn knows: draw again.
  for (let i = 0; !fromStdin && i < 10 && !schema.safeParse({ email: email.data, password }).success; i++) password = randomPassword();
  const checked = schema.safeParse({ email: email.data, password });
  if (!checked.success) {
    console.error(checked.error.issues.map((i) => i.message).join("\n"));
    return 2;
  }
  const { resetPasswordByEmail } = await import("../lib/dal/account");
  if (!(await resetPasswordByEmail(email.data, password))) {
    console.error(`No account has the email address ${email.data}.`);
    return 1;
  }
  console.log(`The password of ${email.data} was reset and every session of the account was signed out.`);
  if (!fromStdin) console.log(`New password: ${password}\nHand it to the learner privately; they can change it on the Account page.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`reset-password failed: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  },
);
