import { test, expect, expectSignedInAs } from "./fixtures";

const TEXT = `Harbour deal

In 2021, Norway and Iceland signed an agreement that allows Icelandic trawlers to use Norwegian ports.
The Nordic Fisheries Council (NFC) was founded in 1998 in Bergen.
Ingrid Solberg, the Norwegian fisheries minister, said exports rose by 12% in 2022.
`;

test("add a document: edit one card, discard one, save, then review one of its cards", async ({ page, user }) => {
  await expectSignedInAs(page, user);
  await page.goto("/documents/new");
  await page.getByLabel("Title").fill("Harbour deal");
  await page.getByLabel("Published (optional)").fill("2023-01-15");
  await page.getByLabel("Text").fill(TEXT);
  await page.getByRole("button", { name: "Generate cards" }).click();

  const cards = page.getByTestId("draft-card");
  await expect(cards.first()).toBeVisible();
  const total = await cards.count();
  expect(total).toBeGreaterThanOrEqual(3);

  await cards.nth(0).getByRole("button", { name: "Edit" }).click();
  await cards.nth(0).getByLabel("Prompt").fill("Edited prompt: when did Norway and Iceland sign the harbour agreement?");
  await cards.nth(0).getByRole("button", { name: "Done" }).click();
  await cards.nth(1).getByRole("button", { name: "Discard" }).click();
  await expect(page.getByText(`${total - 1} kept`)).toBeVisible();
  await page.getByRole("button", { name: /Save document and \d+ cards/ }).click();

  await expect(page.getByRole("heading", { name: "Harbour deal" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText(`Saved with ${total - 1} cards`);
  await expect(page.getByText("Edited prompt: when did Norway and Iceland sign the harbour agreement?")).toBeVisible();

  // The new cards are in this user's queue: review one.
  await page.goto("/review");
  await page.locator("[data-ready=true]").waitFor();
  await expect(page.getByTestId("prompt")).toBeVisible();
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  await expect(page.getByTestId("remaining")).toBeVisible();
});

test("bad documents are refused with a clear message and nothing is stored", async ({ page, user }) => {
  await expectSignedInAs(page, user);
  await page.goto("/documents/new");
  await page.getByLabel("Title").fill("Bad");
  await page.getByRole("button", { name: "Generate cards" }).click();
  await expect(page.getByText("The document is empty")).toBeVisible();

  await page.getByLabel("Text").fill('<script>window.__pwned = true</script> In 2020, A signed a deal.');
  await page.getByRole("button", { name: "Generate cards" }).click();
  await expect(page.getByText("The text contains HTML or script.")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();

  await page.getByLabel("Text").fill("");
  await page.getByLabel("…or upload a file (.txt, .md)").setInputFiles({ name: "image.png", mimeType: "image/png", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) });
  await page.getByRole("button", { name: "Generate cards" }).click();
  await expect(page.getByText("Upload a .txt or .md file.")).toBeVisible();

  await page.goto("/documents");
  await expect(page.getByRole("link", { name: "Bad" })).toHaveCount(0);
});

test("a large pasted document is generated on the server's worker thread and previewed", async ({ page, user }) => {
  await expectSignedInAs(page, user);
  const paragraph = "In 2021, Norway and Iceland signed an agreement that allows Icelandic trawlers to use Norwegian ports. ";
  const big = Array.from({ length: 400 }, (_, i) => paragraph.replace("2021", String(1900 + (i % 120)))).join("\n");
  expect(big.length).toBeGreaterThan(20_000);
  await page.goto("/documents/new");
  await page.getByLabel("Title").fill("Large document");
  await page.getByLabel("Text").fill(big);
  await page.getByRole("button", { name: "Generate cards" }).click();
  await expect(page.getByTestId("draft-card").first()).toBeVisible({ timeout: 30_000 });
  expect(await page.getByTestId("draft-card").count()).toBeGreaterThan(10);
});

test("a pathological 400-character text is answered at once and does not hold up another learner", async ({ page, user: _signedIn, browser, baseURL }) => {
  // "Alpha and " × 40 used to take about a minute of the server's only thread.
  await page.goto("/documents/new");
  await page.getByLabel("Title").fill("Pathological");
  await page.getByLabel("Text").fill("Alpha and ".repeat(40));
  const other = await browser.newContext({ baseURL });
  await page.getByRole("button", { name: "Generate cards" }).click();
  const [, sibling] = await Promise.all([
    expect(page.getByText(/No facts with dates, agreements/)).toBeVisible({ timeout: 15_000 }),
    other.request.get("/sign-in", { timeout: 15_000 }),
  ]);
  expect(sibling.status()).toBe(200);
  await other.close();
});
