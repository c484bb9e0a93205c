import { ConfirmAction } from "@/components/ui/confirm-action";
import { Time } from "@/components/ui/time";
import type { GlobalRole } from "@/lib/policies/types";
import type { AnyFormAction } from "@/components/ui/action-types";

type Act = AnyFormAction;

export type OpenInvitation = { id: string; email: string; role: GlobalRole; expiresAt: Date; createdAt: Date; team: { name: string } | null };

/** Invitations nobody has used yet, each revocable. */
export function InvitationList({ invitations, revokeAction }: { invitations: OpenInvitation[]; revokeAction: Act }) {
  if (!invitations.length) return <p className="text-sm text-muted">No open invitations. Links you create appear here until they are used or expire.</p>;
  return (
    <ul className="divide-y divide-border">
      {invitations.map((i) => (
        <li key={i.id} aria-label={`Invitation for ${i.email}`} className="flex items-start justify-between gap-3 py-3">
          <div className="min-w-0">
            <p className="truncate text-sm font-medium" title={i.email}>
              {i.email}
            </p>
            <p className="text-xs text-muted">
              {i.role === "ADMIN" ? "Admin" : "Member"}
              {i.team ? ` · ${i.team.name}` : ""} · expires <Time date={i.expiresAt} relative />
            </p>
          </div>
          <ConfirmAction
            action={revokeAction}
            fields={{ invitationId: i.id, email: i.email }}
            label="Revoke"
            ariaLabel={`Revoke the invitation for ${i.email}`}
            variant="ghost"
            title={`Revoke the invitation for ${i.email}?`}
            description={<p>The link stops working at once. You can invite them again later.</p>}
            confirmLabel="Revoke invitation"
            pendingLabel="Revoking…"
          />
        </li>
      ))}
    </ul>
  );
}
