"use client";

import * as Dropdown from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { useTheme } from "next-themes";
import { KeyRound, LogOut, Monitor, Moon, Sun, UserRound } from "lucide-react";
import { signOutAction } from "@/app/(app)/actions";

const item = "flex cursor-default items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-surface-muted";

export function initials(name: string | null, email: string): string {
  const source = name?.trim() || email;
  const parts = source.split(/[\s@.]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts[1]?.[0] ?? "")).toUpperCase();
}

export function UserMenu({ user }: { user: { name: string | null; email: string } }) {
  const { theme, setTheme } = useTheme();
  return (
    <Dropdown.Root>
      <Dropdown.Trigger className="flex w-full items-center gap-2.5 rounded-md px-2 py-1.5 text-left hover:bg-surface-muted">
        <span aria-hidden className="grid size-7 shrink-0 place-items-center rounded-full bg-accent-soft text-xs font-semibold text-accent">
          {initials(user.name, user.email)}
        </span>
        <span className="min-w-0">
          <span className="block truncate text-sm font-medium">{user.name ?? user.email}</span>
          <span className="block truncate text-xs text-muted">{user.email}</span>
        </span>
      </Dropdown.Trigger>
      <Dropdown.Portal>
        <Dropdown.Content align="start" sideOffset={6} className="z-50 min-w-56 rounded-md border border-border bg-surface p-1 shadow-lg">
          <Dropdown.Item asChild className={item}>
            <Link href="/settings">
              <UserRound aria-hidden className="size-4" /> Profile
            </Link>
          </Dropdown.Item>
          <Dropdown.Item asChild className={item}>
            <Link href="/settings/tokens">
              <KeyRound aria-hidden className="size-4" /> API tokens
            </Link>
          </Dropdown.Item>
          <Dropdown.Separator className="my-1 h-px bg-border" />
          <Dropdown.Label className="px-2 py-1 text-xs text-muted">Theme</Dropdown.Label>
          <Dropdown.RadioGroup value={theme} onValueChange={setTheme}>
            {[
              { value: "system", label: "System", Icon: Monitor },
              { value: "light", label: "Light", Icon: Sun },
              { value: "dark", label: "Dark", Icon: Moon },
            ].map(({ value, label, Icon }) => (
              <Dropdown.RadioItem key={value} value={value} className={item}>
                <Icon aria-hidden className="size-4" /> {label}
                <Dropdown.ItemIndicator className="ml-auto text-accent">✓</Dropdown.ItemIndicator>
              </Dropdown.RadioItem>
            ))}
          </Dropdown.RadioGroup>
          <Dropdown.Separator className="my-1 h-px bg-border" />
          <Dropdown.Item className={item} onSelect={() => void signOutAction()}>
            <LogOut aria-hidden className="size-4" /> Sign out
          </Dropdown.Item>
        </Dropdown.Content>
      </Dropdown.Portal>
    </Dropdown.Root>
  );
}
