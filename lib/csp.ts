// The Content-Security-Policy of every page (docs/decisions/009-security.md).
// Scripts run only with this response's nonce: Next puts it on its own
// scripts when it renders the page (proxy.ts makes one per request), and
// 'strict-dynamic' lets those load the app's chunks. No inline script or
// event-handler attribute runs, so injected markup stays inert even if it
// ever reached the page as HTML. Styles keep 'unsafe-inline': React's style
// attributes (charts, progress bars) cannot carry a nonce.

/** A fresh nonce: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function pagePolicy(nonce: string, opts: { dev: boolean }): string {
  return [
    "default-src 'self'",
    // React's development build needs eval for its error overlays; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The service worker (public/sw.js): without this, workers fall back to
    // script-src, where 'strict-dynamic' makes browsers ignore 'self'.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}
