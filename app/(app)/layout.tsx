import { headers } from "next/headers";
import { AppShell } from "@/components/layout/app-shell";
import { requireActor } from "@/lib/auth/current-actor";
import { unreadNotificationCount } from "@/lib/notify/notifications";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const path = (await headers()).get("x-debrief-path") ?? undefined;
  const actor = await requireActor(path);
  const unread = await unreadNotificationCount(actor);
  return (
    <AppShell user={{ name: actor.name, email: actor.email, isAdmin: actor.role === "ADMIN" }} unread={unread}>
      {children}
    </AppShell>
  );
}
