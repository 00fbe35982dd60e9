// npm run bench:password — the worst time one password-strength check takes
// on pathological inputs (long repeats, l33t-heavy strings), since sign-up runs
// it on the request thread before any limit applies. Last line: the figure.
import { passwordStrength } from "../lib/password-strength";

const inputs = [
  "Xq9!".repeat(32), "ab1".repeat(42), "a1b2c3d4".repeat(16), "4@3$1!0|".repeat(16), "e3a4i1o0s5".repeat(12),
  "1".repeat(128), "aB3$".repeat(32), "p@ssw0rd".repeat(16), "a".repeat(128), "abcdefghijklmnopqrstuvwxyz".repeat(5), "qwertyuiop".repeat(13),
];
passwordStrength("warm up the dictionaries");
let worst = 0;
let worstInput = "";
for (const p of inputs) {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    passwordStrength(p.slice(0, 128));
    best = Math.min(best, performance.now() - t);
  }
  if (best > worst) [worst, worstInput] = [best, p.slice(0, 24)];
}
console.log(`worst input: ${JSON.stringify(worstInput)}…`);
console.log(`password_check_worst_ms=${worst.toFixed(1)}`);
