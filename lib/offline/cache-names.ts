// Cache Storage names shared by the service worker (lib/offline/sw.ts) and
// the page (which empties the page cache on sign-out).

/** The offline pages' HTML, as last fetched online: it holds the learner's cards, so sign-out deletes it. */
export const PAGES_CACHE = "recall-pages";
/** Next's hashed static files (scripts, styles) and the app's icons: the same for everyone. */
export const STATIC_CACHE = "recall-static";
/** Pages kept for use without a network: Review, and Today (the installed app's start page, which links to it). */
export const OFFLINE_PAGES = ["/", "/review"];
