"use client";

import { UserMinus } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { SelectForm } from "@/components/ui/select-form";
import type { TeamRole } from "@/lib/policies/types";
import { TEAM_ROLE_OPTIONS, TeamRoleBadge } from "./team-role-badge";
import type { AnyFormAction } from "@/components/ui/action-types";

type Act = AnyFormAction;
export type TeamMember = { userId: string; name: string | null; email: string; role: TeamRole; deactivated: boolean };

/** A team's members; people who manage the team change roles and remove members in place. */
export function MemberList({
  team,
  members,
  meId,
  canManage,
  setRoleAction,
  removeAction,
}: {
  team: { id: string; name: string };
  members: TeamMember[];
  meId: string;
  canManage: boolean;
  setRoleAction: Act;
  removeAction: Act;
}) {
  return (
    <ul className="divide-y divide-border">
      {members.map((m) => {
        const who = m.name ?? m.email;
        const isMe = m.userId === meId;
        return (
          <li key={m.userId} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-3">
            <div className="min-w-0 flex-[1_1_12rem]">
              <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
                <span className="truncate">{who}</span>
                {isMe ? <Badge>You</Badge> : null}
                {m.deactivated ? <Badge tone="warning">Deactivated</Badge> : null}
              </p>
              <p className="truncate text-xs text-muted">{m.email}</p>
            </div>
            {canManage ? (
              <div className="flex flex-wrap items-start gap-2">
                <SelectForm
                  action={setRoleAction}
                  fields={{ teamId: team.id, userId: m.userId, who }}
                  name="role"
                  label={`Team role of ${who}`}
                  value={m.role}
                  options={TEAM_ROLE_OPTIONS}
                  saveLabel="Save role"
                />
                <ConfirmAction
                  action={removeAction}
                  fields={{ teamId: team.id, userId: m.userId, who }}
                  label="Remove"
                  ariaLabel={`Remove ${who} from ${team.name}`}
                  icon={<UserMinus aria-hidden className="size-4" />}
                  variant="ghost"
                  title={isMe ? `Leave ${team.name}?` : `Remove ${who} from ${team.name}?`}
                  description={
                    <>
                      <p>
                        {isMe ? "You" : who} will no longer see {team.name}’s reviews before they are published, or rank its actions.
                        {" "}Reviews {isMe ? "you" : "they"} take part in are not affected.
                      </p>
                      {isMe ? <p className="font-medium text-foreground">You will not be able to manage this team’s members afterwards.</p> : null}
                    </>
                  }
                  confirmLabel={isMe ? "Leave the team" : "Remove from team"}
                  pendingLabel="Removing…"
                />
              </div>
            ) : (
              <TeamRoleBadge role={m.role} />
            )}
          </li>
        );
      })}
    </ul>
  );
}
