"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useState } from "react";

export interface NavLink {
  href: string;
  label: string;
}

function isCurrent(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * The main navigation: a row of links from the `lg` breakpoint (1024 px) up,
 * a "Menu" button that opens them as a list below it on narrower screens.
 * The menu closes on navigation and on Escape. `account` (the email and the
 * sign-out form) sits at the end of the row, or at the bottom of the menu.
 */
export function MainNav({ links, account }: { links: NavLink[]; account: React.ReactNode }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const menuId = useId();

  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  const items = links.map((n) => (
    <li key={n.href}>
      <Link
        href={n.href}
        aria-current={isCurrent(pathname, n.href) ? "page" : undefined}
        className="block rounded-md px-3 py-2 text-slate-700 hover:bg-slate-100 hover:text-slate-950 aria-[current=page]:font-semibold aria-[current=page]:text-slate-950 lg:px-2 lg:py-1"
      >
        {n.label}
      </Link>
    </li>
  ));

  return (
    <nav aria-label="Main" className="mx-auto max-w-4xl px-4 py-2">
      <div className="flex min-h-11 items-center gap-4">
        <Link href="/" className="mr-2 text-lg font-bold">
          Recall
        </Link>
        <ul className="hidden items-center gap-1 lg:flex">{items}</ul>
        <div className="ml-auto hidden lg:block">{account}</div>
        <button
          type="button"
          className="btn-secondary ml-auto min-h-11 lg:hidden"
          aria-expanded={open}
          aria-controls={menuId}
          onClick={() => setOpen((o) => !o)}
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor">
            {open ? (
              <path d="M5.3 4 10 8.6 14.7 4 16 5.3 11.4 10l4.6 4.7-1.3 1.3-4.7-4.6L5.3 16 4 14.7 8.6 10 4 5.3z" />
            ) : (
              <path d="M3 5h14v2H3zm0 4h14v2H3zm0 4h14v2H3z" />
            )}
          </svg>
          Menu
        </button>
      </div>
      <div id={menuId} hidden={!open} className="border-t border-slate-200 py-2 lg:hidden">
        <ul className="flex flex-col">{items}</ul>
        <div className="border-t border-slate-200 px-3 pt-3">{account}</div>
      </div>
    </nav>
  );
}
