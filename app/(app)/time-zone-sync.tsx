"use client";

import { useEffect } from "react";
import { updateTimeZoneAction } from "./time-zone-action";

/**
 * Keeps the user's stored time zone equal to the browser's, so days and
 * streaks follow where they are, unless they chose a zone on /settings.
 */
export function TimeZoneSync({ stored, auto }: { stored: string; auto: boolean }) {
  useEffect(() => {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (auto && tz && tz !== stored) void updateTimeZoneAction(tz);
  }, [stored, auto]);
  return null;
}
