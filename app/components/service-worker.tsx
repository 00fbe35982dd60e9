"use client";

import { useEffect } from "react";
import { registerServiceWorker } from "@/lib/offline/register-sw";

/** Installs the service worker from any signed-in page (offline review, installable app). Renders nothing. */
export function ServiceWorker() {
  useEffect(() => void registerServiceWorker(), []);
  return null;
}
