"use client";

import { useState } from "react";
import { THEME_COOKIE, THEMES, type Theme } from "@/app/components/theme";

const LABEL: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };
const ONE_YEAR_S = 365 * 24 * 3600;

/**
 * Light / Dark / System. The choice applies at once (data-theme on <html>,
 * which app/theme.css reads) and is kept in a cookie for this device, so the
 * server renders the next page in it.
 */
export function ThemeSwitch({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState(initial);
  const choose = (t: Theme) => {
    setTheme(t);
    document.documentElement.dataset.theme = t;
    document.cookie = `${THEME_COOKIE}=${t}; path=/; max-age=${ONE_YEAR_S}; samesite=lax`;
  };
  return (
    <fieldset>
      <legend className="field-label">Theme</legend>
      <div className="mt-2 flex flex-wrap gap-2">
        {THEMES.map((t) => (
          <label key={t} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-4 has-[:checked]:border-blue-700 has-[:checked]:bg-blue-50">
            <input type="radio" name="theme" value={t} checked={theme === t} onChange={() => choose(t)} />
            {LABEL[t]}
          </label>
        ))}
      </div>
      <p className="mt-2 text-sm text-slate-600">System follows your device’s light or dark setting. Saved on this device.</p>
    </fieldset>
  );
}
