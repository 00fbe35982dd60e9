// The JavaScript a page costs a browser: every script response Chromium
// received while the page loaded and hydrated, counted as transferred (the
// compressed body, headers excluded). Shared by the page-weight check
// (page-weight.spec.ts) and `npm run bench:page-weight`.
import type { Page } from "@playwright/test";

/**
 * Budget of the review page's JavaScript, in bytes transferred (gzip, as
 * `npm start` serves it), on a first visit: 148.7 kB today. Issue 17 asked for
 * 100 kB; Next.js and React alone cost 139 kB on a page without any client
 * code of Recall's (docs/decisions/024), so the budget holds today's figure
 * with a small margin: a chart, zod or a date library pulled into the review
 * page fails the check. Change it together with decision 024.
 */
export const REVIEW_PAGE_SCRIPT_BUDGET_BYTES = 152_000;

export interface ScriptResponse {
  /** Path of the script (`/_next/static/chunks/…`). */
  path: string;
  /** Bytes of the response body as transferred (compressed). */
  bytes: number;
  /** `content-encoding` of the response (`gzip`, or `identity` when sent uncompressed). */
  encoding: string;
}

export interface ScriptWeight {
  scripts: ScriptResponse[];
  /** Sum of `bytes`. */
  total: number;
  /** `<script nomodule>` files the HTML lists: browsers with ES modules (every one Next 16 supports) never fetch them. */
  noModule: string[];
}

/**
 * Opens `path` in `page`, waits until it has hydrated (`ready`: by default
 * `[data-ready=true]`, which the review page sets; null for a page without
 * such a mark) and the network is idle, and returns every script response
 * received meanwhile. Throws when the page answers another status than
 * `status` (200). Use a fresh browser context with service workers blocked:
 * then every script comes from the server, as on a learner's first visit,
 * instead of from a cache.
 */
export async function measureScripts(page: Page, path: string, { ready = "[data-ready=true]", status = 200 }: { ready?: string | null; status?: number } = {}): Promise<ScriptWeight> {
  const pending: Promise<ScriptResponse | null>[] = [];
  page.on("requestfinished", (request) => {
    if (request.resourceType() !== "script") return;
    pending.push(
      (async () => {
        const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
        if (!response) return null;
        return { path: new URL(request.url()).pathname, bytes: sizes.responseBodySize, encoding: (await response.headerValue("content-encoding")) ?? "identity" };
      })(),
    );
  });
  const response = await page.goto(path);
  if (response?.status() !== status) throw new Error(`${path} answered ${response?.status()}, expected ${status}`);
  if (ready) await page.locator(ready).waitFor();
  await page.waitForLoadState("networkidle");
  const scripts = (await Promise.all(pending)).filter((s): s is ScriptResponse => s !== null).sort((a, b) => b.bytes - a.bytes);
  const html = await response.text();
  const noModule = [...html.matchAll(/<script\b[^>]*\bnoModule\b[^>]*>/gi)].map((m) => /src="([^"]+)"/.exec(m[0])?.[1] ?? "(inline)");
  return { scripts, total: scripts.reduce((s, x) => s + x.bytes, 0), noModule };
}
