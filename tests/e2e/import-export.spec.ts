import fs from "node:fs";
import path from "node:path";
import { test, expect, expectSignedInAs } from "./fixtures";
import { sharedDir } from "../support/shared-dir";

const FIXTURES = path.join(sharedDir(), "fixtures", "anki");

test("import an Anki collection package with its history, see the summary, then study and export it", async ({ page, user }) => {
  await expectSignedInAs(page, user);
  await page.goto("/import");
  await expect(page.getByRole("heading", { name: "Import and export" })).toBeVisible();
  await page.getByLabel("Anki package (.apkg or .colpkg)").setInputFiles(path.join(FIXTURES, "statistics-history.colpkg"));
  await page.getByRole("button", { name: "Import" }).click();
  const result = page.getByRole("status", { name: /Imported statistics-history\.colpkg/ });
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(result).toContainText("1,188 notes → 1,215 cards in 1 deck, with 6,770 reviews of history");
  await expect(result).toContainText("65 images not imported");

  // The imported cards are due (their FSRS due dates from 2022 history have passed): review one.
  await page.getByRole("link", { name: "Start reviewing" }).click();
  await page.locator("[data-ready=true]").waitFor();
  await expect(page.getByTestId("prompt")).not.toBeEmpty();
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  await expect(page.getByTestId("remaining")).toBeVisible();

  // The deck is a document of the learner's, with nested name kept.
  await page.goto("/documents");
  await expect(page.getByRole("link", { name: /Megadeck/ })).toBeVisible();

  // Progress sees the imported cards' states at once (the history itself is from 2021–2022, outside the last year's charts).
  await page.goto("/progress");
  const inReview = page.locator("dt", { hasText: /^Review$/ }).locator("xpath=following-sibling::dd");
  await expect(inReview).not.toHaveText("0");

  // The export is a zip (an .apkg) with the learner's cards.
  await page.goto("/import");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Anki package with history (.apkg)" }).click()]);
  const file = await download.path();
  const bytes = fs.readFileSync(file!);
  expect(bytes.subarray(0, 2).toString()).toBe("PK");
  expect(download.suggestedFilename()).toMatch(/^recall-\d{4}-\d{2}-\d{2}\.apkg$/);
});

test("a file that is not an Anki package is refused with a clear message and nothing is imported", async ({ page, user }) => {
  await expectSignedInAs(page, user);
  await page.goto("/import");
  await page.getByLabel("Anki package (.apkg or .colpkg)").setInputFiles({ name: "notes.apkg", mimeType: "application/octet-stream", buffer: Buffer.from("front,back\nhello,world\n") });
  await page.getByRole("button", { name: "Import" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "notes.apkg" });
  await expect(alert).toContainText("not an Anki package");
  await expect(alert).toContainText("Nothing was imported");
});

test("CSV: preview with the problem rows, then save the good ones into a deck", async ({ page, user }) => {
  await expectSignedInAs(page, user);
  await page.goto("/import");
  await page.getByLabel("CSV file (front, back, optional tags)").setInputFiles({ name: "words.csv", mimeType: "text/csv", buffer: Buffer.from("front,back,tags\nhola,hello,spanish\n,nothing\nadiós,goodbye,spanish\n") });
  await expect(page.getByText("2 cards ready, 1 row with problems (not imported).")).toBeVisible();
  await expect(page.getByRole("list", { name: "Rows with problems" })).toContainText("Row 3: the front is empty.");
  await expect(page.getByRole("cell", { name: "adiós" })).toBeVisible();
  await page.getByLabel("Deck").fill("Spanish::Basics");
  await page.getByRole("button", { name: "Save 2 cards" }).click();
  await expect(page.getByText(/Saved 2 cards \(1 rows with problems skipped\)/)).toBeVisible();
  await page.getByRole("link", { name: "Open the deck" }).click();
  await expect(page.getByRole("heading", { name: "Spanish::Basics" })).toBeVisible();
  await expect(page.getByText("hola")).toBeVisible();
});

test("full backup: download it, then restore it into a new account", async ({ page, browser, user }) => {
  await expectSignedInAs(page, user);
  await page.goto("/import");
  await page.getByLabel("CSV file (front, back, optional tags)").setInputFiles({ name: "words.csv", mimeType: "text/csv", buffer: Buffer.from("uno,one\ndos,two\n") });
  await page.getByRole("button", { name: "Save 2 cards" }).click();
  await expect(page.getByText(/Saved 2 cards/)).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download a full backup" }).click()]);
  const backupPath = await download.path();
  expect(download.suggestedFilename()).toMatch(/^recall-backup-\d{4}-\d{2}-\d{2}\.json\.gz$/);

  const { createAccount, signInWithoutForm, uniqueEmail } = await import("./fixtures");
  const context = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const other = await context.newPage();
  const email = uniqueEmail("restored");
  await createAccount(email);
  await signInWithoutForm(other, email);
  await other.goto("/import");
  await other.getByLabel("Restore a backup (.json.gz) into this account").setInputFiles(backupPath!);
  await other.getByRole("button", { name: "Restore", exact: true }).click();
  await expect(other.getByRole("status").filter({ hasText: "Restored" })).toContainText("Restored 1 document or deck with 2 cards, 0 reviews and 0 quizzes");
  // A second restore into the same (no longer empty) account is refused.
  await other.getByLabel("Restore a backup (.json.gz) into this account").setInputFiles(backupPath!);
  await other.getByRole("button", { name: "Restore", exact: true }).click();
  await expect(other.getByRole("alert").filter({ hasText: "new account" })).toBeVisible();
  await context.close();
});

test("own cards: add one by hand to a deck, find it in the card browser, suspend it from a selection, then delete the deck", async ({ page, user }) => {
  await expectSignedInAs(page, user);
  await page.goto("/import");
  await page.getByLabel("CSV file (front, back, optional tags)").setInputFiles({ name: "words.csv", mimeType: "text/csv", buffer: Buffer.from("uno,one\n") });
  await page.getByLabel("Deck").fill("Numbers");
  await page.getByRole("button", { name: "Save 1 card" }).click();
  await page.getByRole("link", { name: "Open the deck" }).click();
  await page.getByLabel("Kind of card").selectOption("cloze");
  await page.getByLabel("Sentence", { exact: true }).fill("Rome was founded in 753 BC.");
  await page.getByLabel("Part of the sentence to hide").fill("753 BC");
  await page.getByRole("button", { name: "Add card" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Card added" })).toBeVisible();
  await expect(page.getByText("Rome was founded in ____.")).toBeVisible();

  await page.goto("/cards");
  await page.getByLabel("Search prompts and answers").fill("rome was");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("card-count")).toHaveText("1 card");
  await page.getByRole("checkbox", { name: /Select: Rome was founded/ }).check();
  await page.getByRole("button", { name: "Suspend", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Suspended 1 card." })).toBeVisible();
  await page.goto("/cards?filter=suspended");
  await expect(page.getByRole("link", { name: "Rome was founded in ____." })).toBeVisible();

  await page.goto("/documents");
  await page.getByRole("link", { name: /Numbers/ }).click();
  await page.getByRole("button", { name: "Delete “Numbers” and its 2 cards" }).click();
  await expect(page).toHaveURL(/\/documents$/);
  await expect(page.getByRole("link", { name: /Numbers/ })).toHaveCount(0);
});
