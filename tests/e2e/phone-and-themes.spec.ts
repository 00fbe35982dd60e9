import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page, TestInfo } from "@playwright/test";
import { test, expect, expectSignedInAs } from "./fixtures";

// Issue 14: every page at 390×844 (touch) and on a desktop, in the light and
// the dark theme, with screenshots attached to the report.

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const DESKTOP = { viewport: { width: 1280, height: 900 } };

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

/** A context like `device`, signed in as the fixture's user, in `theme` (the Settings cookie). */
async function contextFor(browser: Browser, from: Page, device: object, theme: "light" | "dark"): Promise<BrowserContext> {
  const ctx = await browser.newContext({ ...device, baseURL: test.info().project.use.baseURL, colorScheme: theme });
  await ctx.addCookies(await from.context().cookies());
  return ctx;
}

async function attach(page: Page, testInfo: TestInfo, name: string) {
  const file = testInfo.outputPath(`${name}.png`);
  // Chromium's full-page capture drops the touch emulation while it grows the page, so the
  // shot would show desktop-only details (key hints): grow the viewport instead, then restore it.
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) });
  await page.screenshot({ path: file });
  await page.setViewportSize(viewport);
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

/** Texts of three or more words laid out one word per line (a squeezed column). */
async function wordPerLine(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? "").trim();
      const words = text.split(/\s+/).filter(Boolean);
      if (words.length < 3 || !(n.parentElement?.offsetParent)) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (tops.size >= words.length) bad.push(text);
    }
    return bad;
  });
}

/** Grades a few cards through the JSON API so that Progress and the schedule have data. */
async function gradeSome(page: Page, n: number) {
  for (let i = 0; i < n; i++) {
    const { next } = await (await page.request.get("/api/review/next")).json();
    if (!next) return;
    const res = await page.request.post("/api/review/grade", { data: { cardId: next.cardId, version: next.version, grade: i % 4 === 0 ? "again" : "good" } });
    expect(res.ok()).toBe(true);
  }
}

test("every page works on a phone and a desktop, light and dark: no sideways scroll, no squeezed text, no serious axe violation, no 404", async ({ page, user, browser }, testInfo) => {
  test.setTimeout(300_000);
  await expectSignedInAs(page, user);
  await gradeSome(page, 6);
  await page.goto("/documents");
  const docHref = await page.locator('a[href^="/documents/c"], a[href^="/documents/"]:not([href="/documents/new"])').first().getAttribute("href");
  await page.goto("/quiz");
  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page.getByRole("heading", { name: /Question 1 of/ })).toBeVisible();
  const quizPath = new URL(page.url()).pathname;
  const pages = ["/", "/review", "/quiz", quizPath, "/progress", "/documents", docHref!, "/documents/new", "/cards", "/settings"];

  for (const [deviceName, device] of [["phone", PHONE], ["desktop", DESKTOP]] as const) {
    for (const theme of ["light", "dark"] as const) {
      const ctx = await contextFor(browser, page, device, theme);
      const p = await ctx.newPage();
      const missing: string[] = [];
      p.on("response", (r) => r.status() === 404 && missing.push(r.url()));
      for (const path of [...pages, "/sign-in", "/sign-up"]) {
        if (path === "/sign-in") await ctx.clearCookies();
        await p.goto(path);
        await p.waitForLoadState("networkidle");
        if (path === "/review") {
          // The answer and the grade buttons are what a learner looks at most.
          await p.locator("[data-ready=true]").waitFor();
          await p.getByRole("button", { name: "Show answer" }).click();
          await expect(p.getByRole("group", { name: "How well did you remember?" })).toBeVisible();
        }
        const where = `${path} (${deviceName}, ${theme})`;
        if (deviceName === "phone") expect(await p.locator("kbd:visible, .key-hints:visible").count(), `${where} shows key hints on a touch screen`).toBe(0);
        const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${where} scrolls sideways`).toBeLessThanOrEqual(0);
        expect(await wordPerLine(p), `${where} text one word per line`).toEqual([]);
        expect(await seriousViolations(p), `${where} axe`).toEqual([]);
        await attach(p, testInfo, `${deviceName}-${theme}-${path.replaceAll("/", "_") || "_"}`);
      }
      expect(missing, `${deviceName} ${theme}: no 404 (favicon, icons, manifest)`).toEqual([]);
      await ctx.close();
    }
  }
});

test("on a phone the navigation is a menu, key hints give way to buttons, grade buttons are big", async ({ page, user, browser }) => {
  await expectSignedInAs(page, user);
  const ctx = await contextFor(browser, page, PHONE, "light");
  const p = await ctx.newPage();
  await p.goto("/");
  const nav = p.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Progress" })).toBeHidden();
  await nav.getByRole("button", { name: "Menu" }).click();
  await expect(nav.getByRole("button", { name: "Menu" })).toHaveAttribute("aria-expanded", "true");
  await nav.getByRole("link", { name: "Progress" }).click();
  await expect(p).toHaveURL(/\/progress$/);
  await expect(nav.getByRole("link", { name: "Quiz" })).toBeHidden();

  await p.goto("/review");
  await p.locator("[data-ready=true]").waitFor();
  await expect(p.locator("kbd").first()).toBeHidden();
  await expect(p.getByText("Keys:")).toBeHidden();
  await p.getByRole("button", { name: "Show answer" }).tap();
  const good = p.getByRole("button", { name: /^Good/ });
  await expect(good).toBeVisible();
  const box = (await good.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(48);
  expect(box.width).toBeGreaterThanOrEqual(120);
  await ctx.close();

  // A desktop (fine pointer that hovers) keeps the hints and the row of links.
  await page.goto("/review");
  await page.locator("[data-ready=true]").waitFor();
  await expect(page.locator("kbd").first()).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Progress" })).toBeVisible();
});

test("the heatmap opens on today on a phone and a tapped day shows its count; the mastery table's headers stand apart", async ({ page, user, browser }) => {
  await expectSignedInAs(page, user);
  await gradeSome(page, 3);
  const ctx = await contextFor(browser, page, PHONE, "light");
  const p = await ctx.newPage();
  await p.goto("/progress");
  const busy = p.locator('[data-count]:not([data-count="0"])');
  await expect(busy).toHaveCount(1);
  // Today's cell is on screen without scrolling.
  const scroller = (await p.getByTestId("heatmap-scroller").boundingBox())!;
  const cell = (await busy.boundingBox())!;
  expect(cell.x).toBeGreaterThanOrEqual(scroller.x);
  expect(cell.x + cell.width).toBeLessThanOrEqual(scroller.x + scroller.width);
  await busy.tap();
  await expect(p.getByTestId("heatmap-day")).toHaveText(/: 3 reviews$/);
  await expect(p.locator("body")).not.toContainText(/hover/i);

  // By keyboard: one Tab stop for the calendar, arrows move by a day or a week.
  const today = (await busy.getAttribute("data-day"))!;
  const weekBefore = new Date(Date.parse(`${today}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
  await expect(p.locator('[data-day][tabindex="0"]')).toHaveCount(1);
  await busy.focus();
  await p.keyboard.press("ArrowLeft");
  await expect(p.getByTestId("heatmap-day")).toHaveText(`${weekBefore}: 0 reviews`);
  await p.keyboard.press("End");
  await expect(p.getByTestId("heatmap-day")).toHaveText(`${today}: 3 reviews`);

  const gaps = await p.locator("#mastery-h ~ div table thead th").evaluateAll((ths) =>
    ths.slice(1).map((th, i) => {
      const text = (el: Element) => {
        const r = document.createRange();
        r.selectNodeContents(el);
        return r.getBoundingClientRect();
      };
      return text(th).left - text(ths[i]).right;
    }),
  );
  expect(gaps.length).toBe(3);
  for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(8);
  await ctx.close();
});

/** The relative luminance (0 black – 1 white) of a CSS colour, whatever its notation (rgb, oklch…): painted on a canvas and read back. */
const luminanceOf = (p: Page, color: string) =>
  p.evaluate((c) => {
    const ctx = document.createElement("canvas").getContext("2d")!;
    ctx.fillStyle = c;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b] = [...ctx.getImageData(0, 0, 1, 1).data].map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }, color);
const pageIsDark = async (p: Page) => (await luminanceOf(p, await p.evaluate(() => getComputedStyle(document.body).backgroundColor))) < 0.2;

test("dark mode follows the system, and Settings switches Light / Dark / System on this device", async ({ page, user }) => {
  await expectSignedInAs(page, user);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/settings");
  expect(await pageIsDark(page)).toBe(true);
  await expect(page.getByRole("radio", { name: "System" })).toBeChecked();

  await page.getByRole("radio", { name: "Light" }).check();
  expect(await pageIsDark(page)).toBe(false);
  await page.reload();
  expect(await pageIsDark(page)).toBe(false);
  await expect(page.getByRole("radio", { name: "Light" })).toBeChecked();

  await page.emulateMedia({ colorScheme: "light" });
  await page.getByRole("radio", { name: "Dark" }).check();
  expect(await pageIsDark(page)).toBe(true);
  await page.goto("/progress");
  expect(await pageIsDark(page)).toBe(true);

  await page.goto("/settings");
  await page.getByRole("radio", { name: "System" }).check();
  expect(await pageIsDark(page)).toBe(false);
});

test("charts take the theme's colours", async ({ page, user }) => {
  await expectSignedInAs(page, user);
  await gradeSome(page, 4);
  const barFill = async () => {
    await page.goto("/progress");
    const bar = page.getByTestId("forecast").locator(".recharts-bar-rectangle path").first();
    await bar.waitFor();
    return bar.evaluate((el) => getComputedStyle(el).fill);
  };
  await page.emulateMedia({ colorScheme: "light" });
  const light = await barFill();
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = await barFill();
  expect(light).not.toBe(dark);
  expect(await luminanceOf(page, light)).toBeLessThan(0.2); // a dark blue on white
  expect(await luminanceOf(page, dark)).toBeGreaterThan(0.3); // a light blue on a dark card
});

test("installable: favicon, icons and a web app manifest", async ({ page, request }) => {
  await page.goto("/sign-in");
  expect((await request.get("/favicon.ico")).status()).toBe(200);
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  const res = await request.get(manifestHref!);
  expect(res.status()).toBe(200);
  const manifest = await res.json();
  expect(manifest).toMatchObject({ name: "Recall", start_url: "/", display: "standalone" });
  const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons) {
    const r = await request.get(icon.src);
    expect(r.status(), icon.src).toBe(200);
    expect(r.headers()["content-type"]).toBe(icon.type);
  }
  expect((await request.get((await page.locator('link[rel="apple-touch-icon"]').getAttribute("href"))!)).status()).toBe(200);
});

test("a first-run tour of review, quiz and progress, once; ? lists the keys", async ({ page, user }) => {
  await expectSignedInAs(page, user);
  await page.goto("/");
  const tour = page.getByTestId("tour");
  await expect(tour.getByRole("heading", { name: "Review what is due" })).toBeVisible();
  await tour.getByRole("button", { name: "Next tip" }).click();
  await expect(tour.getByRole("heading", { name: "Quiz yourself" })).toBeVisible();
  await tour.getByRole("button", { name: "Next tip" }).click();
  await expect(tour.getByRole("heading", { name: "Watch your progress" })).toBeVisible();
  await tour.getByRole("button", { name: "Got it" }).click();
  await expect(tour).toBeHidden();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Today" })).toBeVisible();
  await expect(tour).toBeHidden();

  await page.keyboard.press("Shift+Slash");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Undo the last grade");
  await expect(dialog).toContainText("Submit, then go to the next question");
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  // Typing "?" in a text field types it.
  await page.goto("/documents/new");
  const field = page.locator("textarea, input[type=text]").first();
  await field.fill("");
  await field.press("Shift+Slash");
  await expect(dialog).toBeHidden();
});
