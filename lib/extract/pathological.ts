// Texts built to make a text algorithm slow: long runs of "and", commas,
// capitalised words, digits, nested brackets, one huge sentence. Used by the
// adversarial test (lib/extract/adversarial.test.ts) and the benchmark
// (`npm run bench:extract -- --adversarial`). Each builder returns a text of
// about `chars` characters.
export const PATHOLOGICAL: Record<string, (chars: number) => string> = {
  "and-run": (n) => "Alpha and ".repeat(Math.ceil(n / 10)),
  "And-run": (n) => "Alpha And ".repeat(Math.ceil(n / 10)),
  "ampersands": (n) => "Smith & ".repeat(Math.ceil(n / 8)) + "Sons.",
  "commas": (n) => "Alpha, ".repeat(Math.ceil(n / 7)) + "and Beta signed the accord.",
  "capitalised": (n) => "Alpha Beta Gamma Delta ".repeat(Math.ceil(n / 23)) + "signed.",
  "of-the": (n) => "Union of the ".repeat(Math.ceil(n / 13)) + "Union.",
  "digits": (n) => "1 2 3 4 5 6 7 8 9 ".repeat(Math.ceil(n / 18)),
  "digit-run": (n) => "In " + "1".repeat(n) + " people voted.",
  "numbers-words": (n) => "three hundred and ".repeat(Math.ceil(n / 18)) + "two soldiers.",
  "nested-round": (n) => "(".repeat(n / 2) + ")".repeat(n / 2),
  "nested-square": (n) => "[a ".repeat(n / 4) + "]".repeat(n / 4),
  "quotes": (n) => '"A" '.repeat(Math.ceil(n / 4)),
  "years": (n) => "In 2019 and 2020 and ".repeat(Math.ceil(n / 21)),
  "speaker-labels": (n) => "PM: Q: ".repeat(Math.ceil(n / 7)),
  "said": (n) => "Maria Lopez said ".repeat(Math.ceil(n / 17)),
  "one-sentence": (n) => "The agreement between Russia and Venezuela of 2019 allows ships, planes and 3,000 soldiers ".repeat(Math.ceil(n / 90)) + ".",
  "no-spaces": (n) => "x".repeat(n),
};
