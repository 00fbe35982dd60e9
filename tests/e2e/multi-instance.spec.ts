import { test, expect } from "./fixtures";
import { toolEnv } from "../../lib/env";

const second = toolEnv().E2E_SECOND_PORT;

// Two instances exist only in the PostgreSQL run (npm run test:postgres starts them);
// the SQLite run serves one instance, so there is nothing to test there.
test.skip(!second, "needs a second app instance: run by npm run test:postgres");

test("two instances serve the same user, and a grade sent to both is applied once", async ({ page, context, user }) => {
  const other = await context.newPage();
  await page.goto("/review");
  await other.goto(`http://127.0.0.1:${second}/review`);
  // One session cookie, honoured by both instances (stateless sessions, one AUTH_SECRET).
  await expect(page.getByText(user.email).filter({ visible: true }).first()).toBeVisible();
  await expect(other.getByText(user.email).filter({ visible: true }).first()).toBeVisible();
  await page.locator("[data-ready=true]").waitFor();
  await other.locator("[data-ready=true]").waitFor();
  const prompt = await page.getByTestId("prompt").textContent();
  await expect(other.getByTestId("prompt")).toHaveText(prompt ?? "");

  // The same card, graded on instance A, then on instance B from its stale screen.
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  await expect(page.getByTestId("answer")).toBeHidden();
  await other.keyboard.press("Space");
  await other.keyboard.press("3");
  await expect(other.getByTestId("answer")).toBeHidden();

  for (const p of [page, other]) {
    await p.goto(p === page ? "/progress" : `http://127.0.0.1:${second}/progress`);
    await expect(p.getByTestId("stat-reviewed")).toHaveText("1");
  }
});
