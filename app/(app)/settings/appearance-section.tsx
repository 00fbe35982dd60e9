import { cookies } from "next/headers";
import { parseTheme, THEME_COOKIE } from "@/app/components/theme";
import { ThemeSwitch } from "./theme-switch";

/** Settings → Appearance: the theme chosen on this device (read from its cookie so the switch renders checked). */
export async function AppearanceSection() {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <section aria-labelledby="appearance-h" className="card space-y-3">
      <h2 id="appearance-h" className="text-lg font-semibold">
        Appearance
      </h2>
      <ThemeSwitch initial={theme} />
    </section>
  );
}
