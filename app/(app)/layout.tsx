import Link from "next/link";
import { getCurrentUser } from "@/lib/dal/session";
import { signOutAction } from "./sign-out-action";
import { TimeZoneSync } from "./time-zone-sync";
import { MainNav } from "@/app/components/main-nav";
import { KeyboardHelp } from "@/app/components/keyboard-help";
import { SignOutForm } from "@/app/components/sign-out-form";
import { ServiceWorker } from "@/app/components/service-worker";

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
        {user ? (
          <MainNav
            links={NAV}
            account={
              <SignOutForm userId={user.id} action={signOutAction}>
                <span className="min-w-0 break-all text-sm text-slate-600 lg:max-w-56 lg:truncate" title={user.email}>
                  {user.email}
                </span>
              </SignOutForm>
            }
          />
        ) : (
          <nav aria-label="Main" className="mx-auto max-w-4xl px-4 py-3">
            <Link href="/" className="text-lg font-bold">
              Recall
            </Link>
          </nav>
        )}
      </header>
      {user && <TimeZoneSync stored={user.timeZone} auto={user.timeZoneAuto} />}
      {user && <KeyboardHelp />}
      {user && <ServiceWorker userId={user.id} />}
      <main id="main" className="mx-auto max-w-4xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
