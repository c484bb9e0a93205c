"use client";

import { usePathname } from "next/navigation";
import { TabsNav } from "./tabs-nav";

/** Tabs between the pages of a section (Admin, Settings); the current page is marked. */
export function SectionTabs({ label, items }: { label: string; items: { href: string; label: string; exact?: boolean }[] }) {
  const pathname = usePathname();
  return (
    <TabsNav
      label={label}
      items={items.map((i) => ({
        href: i.href,
        label: i.label,
        active: i.exact ? pathname === i.href : pathname === i.href || pathname.startsWith(`${i.href}/`),
      }))}
    />
  );
}
