import { Badge } from "@/components/ui/badge";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { SelectForm } from "@/components/ui/select-form";
import { Time } from "@/components/ui/time";
import type { GlobalRole, TeamRole } from "@/lib/policies/types";
import type { AnyFormAction } from "@/components/ui/action-types";

type Act = AnyFormAction;

export type Person = {
  id: string;
  name: string | null;
  email: string;
  role: GlobalRole;
  deactivatedAt: Date | null;
  createdAt: Date;
  teamMemberships: { role: TeamRole; team: { id: string; name: string } }[];
};

const ROLE_OPTIONS = [
  { value: "MEMBER", label: "Member" },
  { value: "ADMIN", label: "Admin" },
];

/** Everyone in Debrief, with the admin's controls: global role, deactivate / reactivate. */
export function PeopleList({ people, meId, setRoleAction, setActiveAction }: { people: Person[]; meId: string; setRoleAction: Act; setActiveAction: Act }) {
  return (
    <ul className="divide-y divide-border">
      {people.map((p) => {
        const who = p.name ?? p.email;
        const isMe = p.id === meId;
        return (
          <li key={p.id} aria-label={who} className="grid gap-x-6 gap-y-2 py-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center">
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
                <span className="truncate">{who}</span>
                {isMe ? <Badge>You</Badge> : null}
                {p.role === "ADMIN" ? <Badge tone="accent">Admin</Badge> : null}
                {p.deactivatedAt ? <Badge tone="warning">Deactivated</Badge> : null}
              </p>
              <p className="truncate text-xs text-muted">{p.email}</p>
              <p className="mt-1 text-xs text-muted">
                {p.teamMemberships.length
                  ? p.teamMemberships.map((m) => `${m.team.name}${m.role === "PRODUCT_MANAGER" ? " (product manager)" : ""}`).join(", ")
                  : "No team"}
                {" · "}
                {p.deactivatedAt ? (
                  <>
                    deactivated <Time date={p.deactivatedAt} relative />
                  </>
                ) : (
                  <>
                    joined <Time date={p.createdAt} relative />
                  </>
                )}
              </p>
            </div>
            {isMe ? (
              <p className="text-xs text-muted sm:max-w-48 sm:text-right">Another admin can change your own role.</p>
            ) : (
              <div className="flex flex-wrap items-start gap-2 sm:justify-end">
                {p.deactivatedAt ? null : (
                  <SelectForm
                    action={setRoleAction}
                    fields={{ userId: p.id, who }}
                    name="role"
                    label={`Role of ${who} in Debrief`}
                    value={p.role}
                    options={ROLE_OPTIONS}
                    saveLabel="Save role"
                  />
                )}
                {p.deactivatedAt ? (
                  <ConfirmAction
                    action={setActiveAction}
                    fields={{ userId: p.id, who, active: "true" }}
                    label="Reactivate"
                    ariaLabel={`Reactivate ${who}`}
                    title={`Reactivate ${who}?`}
                    description={<p>{who} can sign in again, with the same role, teams and reviews as before.</p>}
                    confirmLabel="Reactivate"
                    confirmVariant="primary"
                    pendingLabel="Reactivating…"
                  />
                ) : (
                  <ConfirmAction
                    action={setActiveAction}
                    fields={{ userId: p.id, who, active: "false" }}
                    label="Deactivate"
                    ariaLabel={`Deactivate ${who}`}
                    title={`Deactivate ${who}?`}
                    description={
                      <>
                        <p>
                          {who} is signed out at once and can no longer sign in or use API tokens. Their accounts, reviews and actions stay as they
                          are, under their name.
                        </p>
                        <p>You can reactivate them later.</p>
                      </>
                    }
                    confirmLabel="Deactivate"
                    pendingLabel="Deactivating…"
                  />
                )}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
