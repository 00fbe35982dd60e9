// The service worker (bundled into public/sw.js by scripts/build-sw.ts).
// Serwist routes: the review page is network-first (a fresh page online, the
// last one seen offline); Next's hashed static files and the icons are
// cache-first (their names change with their content). Nothing else is
// cached: the JSON API and server actions always go to the network, and the
// review page keeps its own cards and waiting grades in IndexedDB
// (lib/offline/store.ts). The page fills the caches on its first visit by
// posting CACHE_URLS (lib/offline/register-sw.ts), because the files it
// loaded before the worker was installed never went through it.
import { CacheFirst, ExpirationPlugin, NetworkFirst, Serwist } from "serwist";
import { OFFLINE_PAGES, PAGES_CACHE, STATIC_CACHE } from "./cache-names";

const serwist = new Serwist({
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    {
      // The page itself, not its RSC payloads (client-side navigations send RSC: 1).
      matcher: ({ request, url, sameOrigin }) => sameOrigin && request.method === "GET" && OFFLINE_PAGES.includes(url.pathname) && !url.search && request.headers.get("RSC") !== "1",
      handler: new NetworkFirst({ cacheName: PAGES_CACHE, networkTimeoutSeconds: 10 }),
    },
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && (url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/") || url.pathname === "/favicon.ico" || url.pathname === "/manifest.webmanifest"),
      handler: new CacheFirst({ cacheName: STATIC_CACHE, plugins: [new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 30 * 24 * 3600 })] }),
    },
  ],
});

serwist.addEventListeners();
