import Link from "next/link";
import { getCurrentUser } from "@/lib/dal/session";
import { signOutAction } from "./sign-out-action";
import { TimeZoneSync } from "./time-zone-sync";

const NAV = [
  { href: "/", label: "Today" },
  { href: "/review", label: "Review" },
  { href: "/quiz", label: "Quiz" },
  { href: "/progress", label: "Progress" },
  { href: "/documents", label: "Documents" },
  { href: "/cards", label: "Cards" },
  { href: "/import", label: "Import" },
  { href: "/settings", label: "Settings" },
  { href: "/account", label: "Account" },
];

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <nav aria-label="Main" className="mx-auto flex max-w-4xl flex-wrap items-center gap-4 px-4 py-3">
          <Link href="/" className="mr-4 text-lg font-bold">
            Recall
          </Link>
          {user &&
            NAV.map((n) => (
              <Link key={n.href} href={n.href} className="text-slate-700 hover:text-slate-950 hover:underline">
                {n.label}
              </Link>
            ))}
          {user && (
            <form action={signOutAction} className="ml-auto flex items-center gap-3">
              <span className="text-sm text-slate-600">{user.email}</span>
              <button type="submit" className="btn-secondary px-3 py-1 text-sm">
                Sign out
              </button>
            </form>
          )}
        </nav>
      </header>
      {user && <TimeZoneSync stored={user.timeZone} auto={user.timeZoneAuto} />}
      <main id="main" className="mx-auto max-w-4xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
