"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Fragment, useState } from "react";
import { BarChart3, Bell, BookOpen, ClipboardList, Flame, Home, Menu, Settings, Shield, Users, X } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { BacklogNav } from "@/components/backlog/backlog-nav";
import { CommandPalette, CommandPaletteButton } from "./command-palette";
import { UserMenu } from "./user-menu";

const NAV = [
  { href: "/", label: "My work", icon: Home, exact: true },
  { href: "/reviews", label: "Reviews", icon: ClipboardList },
  { href: "/library", label: "Library", icon: BookOpen },
  { href: "/incidents", label: "Incidents", icon: Flame },
  { href: "/teams", label: "Teams", icon: Users },
  { href: "/insights", label: "Insights", icon: BarChart3 },
];

const ADMIN_NAV = [{ href: "/admin", label: "Admin", icon: Shield }];

type User = { name: string | null; email: string; isAdmin: boolean };

function NavLinks({ isAdmin, unread, onNavigate }: { isAdmin: boolean; unread: number; onNavigate?: () => void }) {
  const pathname = usePathname();
  const items = [
    ...NAV,
    { href: "/notifications", label: "Notifications", icon: Bell, count: unread },
    ...(isAdmin ? ADMIN_NAV : []),
    { href: "/settings", label: "Settings", icon: Settings },
  ];
  return (
    <ul className="space-y-0.5">
      {items.map(({ href, label, icon: Icon, ...rest }) => {
        // A team's backlog belongs to "Backlogs", not "Teams".
        const active = "exact" in rest && rest.exact ? pathname === href : pathname === href || (pathname.startsWith(`${href}/`) && !pathname.endsWith("/backlog"));
        return (
          <Fragment key={href}>
            {href === "/teams" ? (
              <li>
                <BacklogNav onNavigate={onNavigate} />
              </li>
            ) : null}
            <li>
              <Link
                href={href}
                onClick={onNavigate}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm text-muted hover:bg-surface-muted hover:text-foreground",
                  active && "bg-surface-muted font-medium text-foreground",
                )}
              >
                <Icon aria-hidden className="size-4" />
                {label}
                {"count" in rest && rest.count ? (
                  <span className="ml-auto rounded-full bg-accent px-1.5 text-xs font-semibold text-accent-foreground">
                    {rest.count}
                    <span className="sr-only"> unread</span>
                  </span>
                ) : null}
              </Link>
            </li>
          </Fragment>
        );
      })}
    </ul>
  );
}

/** The signed-in frame: a sidebar on wide screens, a top bar with a menu on phones. */
export function AppShell({ user, unread, children }: { user: User; unread: number; children: React.ReactNode }) {
  // The mobile menu belongs to the page it was opened on: navigating closes it.
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (next: boolean | ((o: boolean) => boolean)) =>
    setOpenOn((typeof next === "function" ? next(open) : next) ? pathname : null);
  return (
    <CommandPalette isAdmin={user.isAdmin}>
      <div className="min-h-dvh lg:grid lg:grid-cols-[15rem_1fr] print:block">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2">
          Skip to content
        </a>
        <aside className="sticky top-0 hidden h-dvh flex-col border-r border-border bg-surface px-3 py-4 lg:flex print:hidden">
          <Link href="/" className="mb-4 flex items-center gap-2 px-2 font-semibold tracking-tight">
            <img src="/icon.svg" alt="" className="size-6" /> Debrief
          </Link>
          <CommandPaletteButton className="mb-4" />
          <nav aria-label="Main" className="flex-1">
            <NavLinks isAdmin={user.isAdmin} unread={unread} />
          </nav>
          <UserMenu user={user} />
        </aside>
        <header className="sticky top-0 z-30 flex items-center justify-between border-b border-border bg-surface px-4 py-2.5 lg:hidden print:hidden">
          <Link href="/" className="flex items-center gap-2 font-semibold">
            <img src="/icon.svg" alt="" className="size-6" /> Debrief
          </Link>
          <div className="flex items-center gap-1">
            <CommandPaletteButton compact />
            <button
              type="button"
              onClick={() => setOpen((o) => !o)}
              aria-expanded={open}
              aria-controls="mobile-nav"
              className="rounded-md p-2 hover:bg-surface-muted"
            >
              {open ? <X className="size-5" aria-hidden /> : <Menu className="size-5" aria-hidden />}
              <span className="sr-only">{open ? "Close menu" : "Open menu"}</span>
            </button>
          </div>
        </header>
        {open ? (
          <nav id="mobile-nav" aria-label="Main" className="sticky top-[53px] z-20 border-b border-border bg-surface px-3 py-3 shadow-sm lg:hidden">
            <NavLinks isAdmin={user.isAdmin} unread={unread} onNavigate={() => setOpen(false)} />
            <div className="mt-3 border-t border-border pt-3">
              <UserMenu user={user} />
            </div>
          </nav>
        ) : null}
        <main id="main" className="min-w-0 px-4 py-6 sm:px-8 sm:py-8 print:p-0">
          <div className="mx-auto max-w-6xl">{children}</div>
        </main>
      </div>
    </CommandPalette>
  );
}
