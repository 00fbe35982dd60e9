import type { Page } from "@playwright/test";
import { test, expect, signInWithoutForm, createAccount, uniqueEmail, expectSignedInAs } from "./fixtures";

// Issue 14, offline review: the service worker keeps the review page, the
// device keeps today's cards and the grades made offline, and back online the
// server applies exactly those grades, once.

/** Waits until this page could be reloaded without a network: worker in control, page and scripts cached, cards saved. */
async function readyForOffline(page: Page) {
  await expect(page.getByTestId("offline-ready")).toBeVisible();
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          if (!navigator.serviceWorker.controller) return false;
          const pages = await caches.open("recall-pages");
          const statics = await caches.open("recall-static");
          return Boolean(await pages.match("/review")) && (await statics.keys()).length > 3;
        }),
      { timeout: 20_000 },
    )
    .toBe(true);
}

async function gradeGood(page: Page): Promise<string> {
  await page.locator("[data-ready=true]").waitFor();
  const cardId = (await page.getByRole("link", { name: "Edit" }).getAttribute("href"))!.split("/").pop()!;
  await page.keyboard.press("Space");
  await expect(page.getByTestId("answer")).toBeVisible();
  await page.keyboard.press("3");
  return cardId;
}

/** What the device keeps offline: the pack and waiting grades in IndexedDB, and whether the review page is cached. */
function deviceKeeps(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open("recall-offline");
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const count = (store: string) =>
      new Promise<number>((resolve) => {
        const req = db.transaction(store).objectStore(store).count();
        req.onsuccess = () => resolve(req.result);
      });
    const kept = { pack: await count("pack"), grades: await count("grades"), page: Boolean(await (await caches.open("recall-pages")).match("/review")) };
    db.close();
    return kept;
  });
}

test("graded offline, reloaded offline, synced once back online", async ({ page, context, user }) => {
  await expectSignedInAs(page, user);
  await page.goto("/review");
  await readyForOffline(page);
  // The worker controls the page from its first visit on (clients.claim); a reload proves the cached copy is complete.
  await page.reload();
  await readyForOffline(page);

  await context.setOffline(true);
  await expect(page.getByTestId("offline-status")).toContainText("Offline — 0 grades waiting");
  const graded: string[] = [];
  for (let i = 1; i <= 5; i++) {
    graded.push(await gradeGood(page));
    await expect(page.getByTestId("offline-status")).toContainText(`Offline — ${i} grade${i === 1 ? "" : "s"} waiting`);
  }
  expect(new Set(graded).size).toBe(5);

  // Closing and reopening the page without a network loses nothing.
  await page.reload();
  await expect(page.getByTestId("offline-status")).toContainText("Offline — 5 grades waiting");
  const sixth = (await page.getByRole("link", { name: "Edit" }).getAttribute("href"))!.split("/").pop()!;
  expect(graded).not.toContain(sixth);

  await context.setOffline(false);
  await expect(page.getByTestId("sync-status")).toHaveText("5 grades synced.");
  await expect(page.getByTestId("offline-status")).toBeHidden();

  // The server holds exactly those five grades, once: reloading online sends nothing again.
  await page.reload();
  await readyForOffline(page);
  await expect(page.getByTestId("sync-status")).toBeHidden();
  const pack = await (await page.request.get("/api/review/offline")).json();
  for (const id of graded) expect(pack.cards.map((c: { cardId: string }) => c.cardId)).not.toContain(id);
  await page.goto("/progress");
  await expect(page.getByTestId("stat-reviewed")).toHaveText("5");
  await expect(page.locator('[data-count]:not([data-count="0"])')).toHaveAttribute("data-count", "5");
});

test("a grade made offline on a card graded meanwhile elsewhere is reported, not applied twice", async ({ page, context, user }) => {
  await expectSignedInAs(page, user);
  await page.goto("/review");
  await readyForOffline(page);
  const pack = await (await page.request.get("/api/review/offline")).json();
  await context.setOffline(true);
  await expect(page.getByTestId("offline-status")).toBeVisible();
  const cardId = await gradeGood(page);
  await expect(page.getByTestId("offline-status")).toContainText("1 grade waiting");

  // Meanwhile another device grades the same card, at the version this one saw (page.request is not the browser's network).
  const version = pack.cards.find((c: { cardId: string }) => c.cardId === cardId).version;
  const other = await page.request.post("/api/review/grade", { data: { cardId, version, grade: "easy" } });
  expect((await other.json()).status).toBe("applied");

  await context.setOffline(false);
  await expect(page.getByTestId("sync-status")).toHaveText("0 grades synced; 1 not applied (the card was reviewed elsewhere first).");
  await page.goto("/progress");
  await expect(page.getByTestId("stat-reviewed")).toHaveText("1");
});

test("signing out clears the device's cards and waiting grades, after asking", async ({ page, context, user }) => {
  await expectSignedInAs(page, user);
  await page.goto("/review");
  await readyForOffline(page);
  await context.setOffline(true);
  await gradeGood(page);
  await expect(page.getByTestId("offline-status")).toContainText("1 grade waiting");

  // Still offline: the learner is asked; declining keeps everything.
  page.once("dialog", (d) => {
    expect(d.message()).toContain("1 grade made offline could not be sent");
    void d.dismiss();
  });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/review$/);
  expect(await deviceKeeps(page)).toEqual({ pack: 1, grades: 1, page: true });

  // Back online on a page that does not sync by itself: signing out sends the grade first, then empties the device.
  await page.goto("about:blank");
  await context.setOffline(false);
  await page.goto("/settings");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await deviceKeeps(page)).toEqual({ pack: 0, grades: 0, page: false });
  await signInWithoutForm(page, user.email);
  await page.goto("/progress");
  await expect(page.getByTestId("stat-reviewed")).toHaveText("1");
});

test("the installed app opens offline on Today and goes on to Review", async ({ page, context, user }) => {
  await expectSignedInAs(page, user);
  // Any signed-in page installs the worker, which keeps Today and Review.
  await page.goto("/");
  await expect.poll(() => page.evaluate(async () => Boolean(await (await caches.open("recall-pages")).match("/"))), { timeout: 20_000 }).toBe(true);
  await page.goto("/review");
  await readyForOffline(page);

  await context.setOffline(true);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
  await page.getByRole("link", { name: "Start reviewing" }).click();
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByTestId("offline-status")).toContainText("Offline — 0 grades waiting");
  await gradeGood(page);
  await expect(page.getByTestId("offline-status")).toContainText("Offline — 1 grade waiting");
});

test.describe("a connection that is up but carries nothing", () => {
  // page.route sees the page's requests only when no service worker answers them.
  test.use({ serviceWorkers: "block" });

  test("a grade that gets no answer switches the page to the device's cards, and nothing is lost", async ({ page, user }) => {
    await expectSignedInAs(page, user);
    await page.goto("/review");
    await expect(page.getByTestId("offline-ready")).toBeVisible();
    // Server actions (POST /review) now fail at the network level; the browser still believes it is online.
    await page.route("**/review", (route) => (route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue()));
    const first = await gradeGood(page);
    await expect(page.getByTestId("offline-status")).toContainText("Offline — 0 grades waiting");
    // The card whose grade got no answer is shown again; graded now, it waits on the device.
    expect(await gradeGood(page)).toBe(first);
    await expect(page.getByTestId("offline-status")).toContainText("Offline — 1 grade waiting");

    await page.unroute("**/review");
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await expect(page.getByTestId("sync-status")).toHaveText("1 grade synced.");
    await page.goto("/progress");
    await expect(page.getByTestId("stat-reviewed")).toHaveText("1");
  });
});

/** The learner whose cards the device keeps (the pack's userId), or null. */
function packOwner(page: Page) {
  return page.evaluate(
    () =>
      new Promise<string | null>((resolve) => {
        const open = indexedDB.open("recall-offline");
        open.onsuccess = () => {
          const req = open.result.transaction("pack").objectStore("pack").get("current");
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result?.userId ?? null);
          };
        };
      }),
  );
}

test("a learner whose session ended without signing out leaves nothing for the next one on the device", async ({ page, context, user }) => {
  await expectSignedInAs(page, user);
  await page.goto("/review");
  await readyForOffline(page);
  const first = await packOwner(page);
  expect(first).not.toBeNull();

  // The session cookie expires; someone else signs in on the same browser.
  await context.clearCookies();
  const next = uniqueEmail("next-learner");
  await createAccount(next);
  await signInWithoutForm(page, next);
  await page.goto("/settings");
  await expect.poll(() => deviceKeeps(page)).toEqual({ pack: 0, grades: 0, page: false });
  await page.goto("/review");
  await expect(page.getByTestId("offline-ready")).toBeVisible();
  const second = await packOwner(page);
  expect(second).not.toBeNull();
  expect(second).not.toBe(first);
});
