"use client";

/**
 * The command palette (⌘K / Ctrl+K, or the sidebar's search button): jump to any page, team or
 * review by typing. Pages and teams are matched here; reviews are searched on the server through
 * the REST API (`GET /api/v1/reviews?filter=all&q=…`), so the list holds only reviews the person
 * may see. With nothing typed it offers their own most recent reviews.
 */
import { Command } from "cmdk";
import { ArrowRight, ClipboardList, ListOrdered, Search, Users } from "lucide-react";
import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { cn } from "@/components/ui/cn";

type Page = { href: string; label: string; keywords?: string };
type Team = { id: string; name: string; slug: string; myRole: string | null };
type ReviewHit = { id: string; title: string; phase: string; incident: { title: string; team: { name: string } } };

const PAGES: Page[] = [
  { href: "/", label: "My work", keywords: "home todo" },
  { href: "/reviews", label: "Reviews" },
  { href: "/library", label: "Library", keywords: "search published" },
  { href: "/incidents", label: "Incidents" },
  { href: "/incidents/new", label: "Record an incident", keywords: "new create" },
  { href: "/teams", label: "Teams" },
  { href: "/insights", label: "Insights", keywords: "metrics dashboard charts" },
  { href: "/notifications", label: "Notifications" },
  { href: "/settings", label: "Settings", keywords: "profile timezone theme" },
  { href: "/settings/tokens", label: "API tokens", keywords: "settings rest" },
  { href: "/settings/following", label: "Following", keywords: "settings digest feed subscribe" },
];
const ADMIN_PAGES: Page[] = [
  { href: "/admin", label: "Admin" },
  { href: "/admin/people", label: "People", keywords: "admin users invite" },
  { href: "/admin/teams", label: "Manage teams", keywords: "admin" },
  { href: "/admin/audit", label: "Audit log", keywords: "admin history" },
];

const PHASE_WORDS: Record<string, string> = {
  PREPARING: "Preparing",
  INDEPENDENT: "Independent accounts",
  GROUP: "Group session",
  ACTION_PLANNING: "Action planning",
  PUBLISHED: "Published",
};

/** Every typed word appears in the text (case-insensitive). */
function matches(text: string, query: string): boolean {
  const hay = text.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal, headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`${res.status}`);
  return (await res.json()) as T;
}

const itemClass =
  "flex cursor-pointer items-center gap-2.5 rounded-md px-3 py-2 text-sm text-foreground data-[selected=true]:bg-surface-muted data-[selected=true]:text-foreground";

const noSubscription = () => () => {};
/** "⌘K" on Apple devices, "Ctrl K" elsewhere (and in the server's HTML). */
const macShortcut = () => (/Mac|iPhone|iPad/.test(navigator.userAgent) ? "⌘K" : "Ctrl K");

const PaletteContext = createContext<{ openPalette: () => void; shortcut: string } | null>(null);

/** A button that opens the palette: the sidebar's "Jump to…", or a search icon in the phone's top bar. */
export function CommandPaletteButton({ compact, className }: { compact?: boolean; className?: string }) {
  const palette = useContext(PaletteContext);
  if (!palette) return null;
  const spoken = palette.shortcut === "⌘K" ? "Command K" : "Control K";
  if (compact) {
    return (
      <button type="button" onClick={palette.openPalette} className={cn("rounded-md p-2 hover:bg-surface-muted", className)}>
        <Search aria-hidden className="size-5" />
        <span className="sr-only">Jump to a page, team or review ({spoken})</span>
      </button>
    );
  }
  return (
    <button
      type="button"
      onClick={palette.openPalette}
      className={cn(
        "flex w-full items-center gap-2 rounded-md border border-border bg-surface px-2.5 py-1.5 text-sm text-muted hover:bg-surface-muted hover:text-foreground",
        className,
      )}
    >
      <Search aria-hidden className="size-4" />
      <span className="flex-1 text-left">Jump to…</span>
      <kbd className="rounded border border-border px-1 font-sans text-[11px]" aria-hidden>
        {palette.shortcut}
      </kbd>
      <span className="sr-only">({spoken})</span>
    </button>
  );
}

/** The palette itself (one per page, with the shortcut) around the frame that holds its buttons. */
export function CommandPalette({ isAdmin, children }: { isAdmin: boolean; children: React.ReactNode }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [teams, setTeams] = useState<Team[] | null>(null);
  const [reviews, setReviews] = useState<{ for: string; items: ReviewHit[] } | null>(null);
  const [failed, setFailed] = useState(false);
  const [picked, setPicked] = useState<{ q: string; value: string } | null>(null);
  const shortcut = useSyncExternalStore(noSubscription, macShortcut, () => "Ctrl K");
  const latest = useRef(0);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setOpen((o) => !o);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  // Teams once, when the palette first opens.
  useEffect(() => {
    if (!open || teams) return;
    getJson<Team[]>("/api/v1/teams").then(setTeams, () => setFailed(true));
  }, [open, teams]);

  // Reviews for what is typed (their own recent ones for nothing), after a short pause in typing.
  useEffect(() => {
    if (!open) return;
    const q = query.trim();
    const ticket = ++latest.current;
    const controller = new AbortController();
    const timer = setTimeout(
      () => {
        const url = q ? `/api/v1/reviews?filter=all&limit=8&q=${encodeURIComponent(q)}` : "/api/v1/reviews?filter=mine&limit=5";
        getJson<{ items: ReviewHit[] }>(url, controller.signal).then(
          (page) => {
            if (ticket !== latest.current) return;
            setFailed(false);
            setReviews({ for: q, items: page.items });
          },
          (e: unknown) => {
            if (ticket === latest.current && !(e instanceof DOMException && e.name === "AbortError")) setFailed(true);
          },
        );
      },
      q ? 150 : 0,
    );
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [open, query]);

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) setQuery("");
  };
  const go = (href: string) => {
    onOpenChange(false);
    router.push(href);
  };

  const q = query.trim();
  const pages = [...PAGES, ...(isAdmin ? ADMIN_PAGES : [])].filter((p) => !q || matches(`${p.label} ${p.keywords ?? ""}`, q));
  const teamHits = (teams ?? []).filter((t) => !q || matches(t.name, q)).slice(0, q ? 6 : 0);
  const searching = reviews === null || reviews.for !== q;
  const reviewHits = reviews?.items ?? [];
  // The highlighted item: the first one until the person moves, and again whenever they type
  // (results arrive after typing, so the palette cannot rely on the list's own first pick).
  const values = [
    ...reviewHits.map((r) => `review-${r.id}`),
    ...teamHits.flatMap((t) => [`team-${t.id}`, ...(t.myRole ? [`backlog-${t.id}`] : [])]),
    ...pages.map((p) => `page-${p.href}`),
  ];
  const current = picked && picked.q === q && values.includes(picked.value) ? picked.value : (values[0] ?? "");

  return (
    <PaletteContext.Provider value={{ openPalette: () => setOpen(true), shortcut }}>
      {children}
      <Command.Dialog
        open={open}
        onOpenChange={onOpenChange}
        label="Jump to a page, team or review"
        shouldFilter={false}
        value={current}
        onValueChange={(value) => setPicked({ q: query.trim(), value })}
        loop
        overlayClassName="fixed inset-0 z-50 bg-black/40"
        contentClassName="fixed top-[12vh] left-1/2 z-50 w-[min(40rem,calc(100vw-2rem))] -translate-x-1/2 overflow-hidden rounded-lg border border-border bg-surface shadow-xl"
      >
        <div className="flex items-center gap-2 border-b border-border px-3">
          <Search aria-hidden className="size-4 text-muted" />
          <Command.Input
            value={query}
            onValueChange={setQuery}
            placeholder="Search reviews, teams and pages…"
            className="h-11 w-full bg-transparent text-sm placeholder:text-muted"
            // The dialog is the focus: the app's focus ring (unlayered CSS) would box the input inside it.
            style={{ outline: "none" }}
          />
          <kbd className="rounded border border-border px-1 text-[11px] text-muted" aria-hidden>
            Esc
          </kbd>
        </div>
        <Command.List className="max-h-[60vh] overflow-y-auto p-2">
          {!searching && !failed && !pages.length && !teamHits.length && !reviewHits.length ? (
            <Command.Empty className="px-3 py-6 text-center text-sm text-muted">Nothing matches “{q}”. Try part of a review or incident title.</Command.Empty>
          ) : null}
          {reviewHits.length ? (
            <Command.Group heading={q ? "Reviews" : "Your recent reviews"} className="text-xs text-muted [&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:py-1.5">
              {reviewHits.map((r) => (
                <Command.Item key={r.id} value={`review-${r.id}`} onSelect={() => go(`/reviews/${r.id}`)} className={itemClass}>
                  <ClipboardList aria-hidden className="size-4 shrink-0 text-muted" />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate">{r.title}</span>
                    <span className="block truncate text-xs text-muted">
                      {r.incident.team.name} · {PHASE_WORDS[r.phase] ?? r.phase}
                      {r.incident.title !== r.title ? ` · ${r.incident.title}` : ""}
                    </span>
                  </span>
                </Command.Item>
              ))}
            </Command.Group>
          ) : null}
          {searching && q ? (
            <Command.Loading>
              <p className="px-3 py-2 text-xs text-muted">Searching reviews…</p>
            </Command.Loading>
          ) : null}
          {failed ? <p className="px-3 py-2 text-xs text-danger">Reviews and teams cannot be searched just now; pages still work.</p> : null}
          {teamHits.length ? (
            <Command.Group heading="Teams" className="text-xs text-muted [&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:py-1.5">
              {teamHits.flatMap((t) => [
                <Command.Item key={t.id} value={`team-${t.id}`} onSelect={() => go(`/teams/${t.slug}`)} className={itemClass}>
                  <Users aria-hidden className="size-4 shrink-0 text-muted" />
                  <span className="flex-1 truncate">{t.name}</span>
                </Command.Item>,
                // Their own teams' backlogs too: the backlog is what members open most.
                ...(t.myRole
                  ? [
                      <Command.Item key={`${t.id}-backlog`} value={`backlog-${t.id}`} onSelect={() => go(`/teams/${t.slug}/backlog`)} className={itemClass}>
                        <ListOrdered aria-hidden className="size-4 shrink-0 text-muted" />
                        <span className="flex-1 truncate">{t.name} backlog</span>
                      </Command.Item>,
                    ]
                  : []),
              ])}
            </Command.Group>
          ) : null}
          {pages.length ? (
            <Command.Group heading="Pages" className="text-xs text-muted [&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:py-1.5">
              {pages.map((p) => (
                <Command.Item key={p.href} value={`page-${p.href}`} onSelect={() => go(p.href)} className={itemClass}>
                  <ArrowRight aria-hidden className="size-4 shrink-0 text-muted" />
                  <span className="flex-1 truncate">{p.label}</span>
                </Command.Item>
              ))}
            </Command.Group>
          ) : null}
        </Command.List>
      </Command.Dialog>
    </PaletteContext.Provider>
  );
}
