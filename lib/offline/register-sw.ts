// Installs the service worker (public/sw.js, from lib/offline/sw.ts) and asks
// it to keep what this page needs without a network: the page itself and the
// static files it has already loaded (those came before the worker existed).

import { OFFLINE_PAGES } from "./cache-names";

/** Registers the worker (production builds only: `next dev` serves unhashed files) and warms its caches. Never throws. */
export async function registerServiceWorker(): Promise<void> {
  if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
  try {
    await navigator.serviceWorker.register("/sw.js", { scope: "/" });
    const registration = await navigator.serviceWorker.ready;
    const urls = performance
      .getEntriesByType("resource")
      .map((e) => new URL(e.name))
      .filter((u) => u.origin === location.origin && u.pathname.startsWith("/_next/static/"))
      .map((u) => u.pathname + u.search);
    const pages = OFFLINE_PAGES.filter((p) => p === location.pathname);
    registration.active?.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: [...pages, ...new Set(urls), "/manifest.webmanifest", "/icons/icon.svg"] } });
  } catch {
    // No worker (private mode, blocked): the page still works online.
  }
}
