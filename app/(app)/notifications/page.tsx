import Link from "next/link";
import { Bell } from "lucide-react";
import { MarkReadButton } from "@/components/layout/mark-read-button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { requireActor } from "@/lib/auth/current-actor";
import { listMyNotifications } from "@/lib/notify/notifications";
import { markAllReadAction } from "./actions";

export const metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const actor = await requireActor("/notifications");
  const { items, unread } = await listMyNotifications(actor, { limit: 50 });
  return (
    <>
      <PageHeader
        title="Notifications"
        description="Reviews that need you and what changed in them."
        actions={unread ? <MarkReadButton action={markAllReadAction} /> : null}
      />
      {items.length ? (
        <ul className="divide-y divide-border overflow-hidden rounded-lg border border-border bg-surface">
          {items.map((n) => (
            <li key={n.id} className={cn("relative px-5 py-3 hover:bg-surface-muted/60", !n.readAt && "bg-accent-soft/30")}>
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0">
                  <Link href={n.url} className="font-medium after:absolute after:inset-0 hover:underline">
                    {!n.readAt ? <span className="sr-only">Unread: </span> : null}
                    {n.title}
                  </Link>
                  <p className="mt-0.5 text-sm text-muted">{n.body}</p>
                </div>
                <span className="shrink-0 text-xs text-muted">
                  <Time date={n.createdAt} relative />
                </span>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState icon={Bell} title="No notifications">
          When you are asked to write an account, reminded, or accounts are revealed, it appears here (and by e-mail when your admin has set it up).
        </EmptyState>
      )}
    </>
  );
}
