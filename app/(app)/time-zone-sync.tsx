"use client";

import { useEffect } from "react";
import { updateTimeZoneAction } from "./time-zone-action";

/** Keeps the user's stored time zone equal to the browser's, so days and streaks follow where they are. */
export function TimeZoneSync({ stored }: { stored: string }) {
  useEffect(() => {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (tz && tz !== stored) void updateTimeZoneAction(tz);
  }, [stored]);
  return null;
}
