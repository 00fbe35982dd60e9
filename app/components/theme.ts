// The colour theme a learner chose on this device (Settings → Appearance).
// Kept in a cookie, not the account: a phone at night and a desktop by day
// may want different themes, and the server needs it while rendering <html>
// so that the page never flashes the wrong theme (no script involved).

export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_COOKIE = "theme";

/** The theme named by a cookie value; anything else (missing, tampered) means "system". */
export function parseTheme(value: string | undefined): Theme {
  return (THEMES as readonly string[]).includes(value ?? "") ? (value as Theme) : "system";
}
