"use client";

import { useEffect } from "react";
import { registerServiceWorker } from "@/lib/offline/register-sw";
import { forgetOtherLearners } from "@/lib/offline/store";

/**
 * On every signed-in page: drops another learner's offline copy left on this
 * device, then installs the service worker (offline review, installable app).
 * Renders nothing.
 */
export function ServiceWorker({ userId }: { userId: string }) {
  useEffect(() => {
    void forgetOtherLearners(userId)
      .catch(() => undefined)
      .then(registerServiceWorker);
  }, [userId]);
  return null;
}
