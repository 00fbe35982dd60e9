import { NextResponse, type NextRequest } from "next/server";
import { newNonce, pagePolicy } from "@/lib/csp";

// Every page gets a Content-Security-Policy with a nonce of its own
// (lib/csp.ts). Next reads the policy from the request headers while it
// renders the page and puts the nonce on its scripts.
export function proxy(request: NextRequest): NextResponse {
  const policy = pagePolicy(newNonce(), { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not the JSON API (next.config.js gives it a static policy),
      // static files (icons, manifest, service worker), or link prefetches.
      source: "/((?!api|_next/static|_next/image|favicon.ico|icons/|manifest.webmanifest|sw.js).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
