"use client";

import { ChevronRight, ListOrdered } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { cn } from "@/components/ui/cn";

type MyTeam = { id: string; name: string; slug: string; role: "MEMBER" | "PRODUCT_MANAGER" };

// One look-up per page load, shared by the sidebar and the phone menu (the shell stays mounted across navigations).
let mine: Promise<MyTeam[]> | null = null;
function myTeams(): Promise<MyTeam[]> {
  mine ??= fetch("/api/v1/me", { headers: { accept: "application/json" } })
    .then((r) => (r.ok ? r.json() : { teams: [] }))
    .then((me: { teams?: MyTeam[] }) => me.teams ?? [])
    .catch(() => {
      mine = null;
      return [];
    });
  return mine;
}

const BACKLOG_PATH = /^\/teams\/([^/]+)\/backlog\/?$/;

/** "Backlogs" in the sidebar: my teams' backlogs, one link each (product managers see which they rank). */
export function BacklogNav({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  const current = BACKLOG_PATH.exec(pathname)?.[1] ?? null;
  const [open, setOpen] = useState(current !== null);
  const [teams, setTeams] = useState<MyTeam[] | null>(null);
  const [prevCurrent, setPrevCurrent] = useState(current);
  if (prevCurrent !== current) {
    setPrevCurrent(current);
    if (current) setOpen(true);
  }

  useEffect(() => {
    let live = true;
    void myTeams().then((t) => live && setTeams(t));
    return () => {
      live = false;
    };
  }, []);

  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="backlog-nav-list"
        onClick={() => setOpen((o) => !o)}
        className={cn("flex w-full items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm text-muted hover:bg-surface-muted hover:text-foreground", current && "font-medium text-foreground")}
      >
        <ListOrdered aria-hidden className="size-4" />
        Backlogs
        <ChevronRight aria-hidden className={cn("ml-auto size-3.5 transition-transform motion-reduce:transition-none", open && "rotate-90")} />
      </button>
      {open ? (
        <ul id="backlog-nav-list" aria-label="My teams' backlogs" className="mt-0.5 ml-4 space-y-0.5 border-l border-border pl-2">
          {teams === null ? (
            <li aria-hidden className="mx-2.5 my-2 h-3 w-24 animate-pulse rounded bg-surface-muted" />
          ) : teams.length === 0 ? (
            <li className="px-2.5 py-1 text-xs text-muted">
              You are in no team yet.{" "}
              <Link href="/teams" onClick={onNavigate} className="text-accent hover:underline">
                See the teams
              </Link>
            </li>
          ) : (
            teams.map((t) => (
              <li key={t.id}>
                <Link
                  href={`/teams/${t.slug}/backlog`}
                  onClick={onNavigate}
                  aria-current={current === t.slug ? "page" : undefined}
                  className={cn("flex items-center gap-2 rounded-md px-2.5 py-1 text-sm text-muted hover:bg-surface-muted hover:text-foreground", current === t.slug && "bg-surface-muted font-medium text-foreground")}
                >
                  <span className="truncate">{t.name}</span>
                  {t.role === "PRODUCT_MANAGER" ? <span className="ml-auto text-[0.7rem] text-muted">PM</span> : null}
                </Link>
              </li>
            ))
          )}
        </ul>
      ) : null}
    </div>
  );
}
