import { test, expect } from "./fixtures";
import { measureScripts, REVIEW_PAGE_SCRIPT_BUDGET_BYTES } from "./script-weight";

// A first visit: nothing cached, no service worker answering for the server.
test.use({ serviceWorkers: "block" });

test("the review page's JavaScript stays within its byte budget, and the nomodule polyfill is never fetched", async ({ page, user }) => {
  const weight = await measureScripts(page, "/review");
  await expect(page.getByText(user.email).filter({ visible: true }).first(), "the page is the signed-in learner's").toBeVisible();
  await expect(page.getByTestId("prompt"), "a card is on screen").toBeVisible();
  const table = weight.scripts.map((s) => `${s.bytes} ${s.encoding} ${s.path}`).join("\n");
  // The budget counts compressed bytes: a large script sent uncompressed is a regression of its own.
  expect(weight.scripts.filter((s) => s.encoding === "identity" && s.bytes > 1000), `scripts sent uncompressed:\n${table}`).toEqual([]);
  expect(weight.total, `transferred script bytes on /review:\n${table}`).toBeLessThanOrEqual(REVIEW_PAGE_SCRIPT_BUDGET_BYTES);
  // Next lists its legacy polyfills with `nomodule`; they cost the page nothing only while no supported browser fetches them.
  expect(weight.noModule.length, "the HTML lists the nomodule polyfill").toBeGreaterThan(0);
  const fetched = new Set(weight.scripts.map((s) => s.path));
  for (const src of weight.noModule) expect(fetched.has(new URL(src, "http://127.0.0.1").pathname), `${src} was fetched`).toBe(false);
});
