import { Badge } from "@/components/ui/badge";
import type { TeamRole } from "@/lib/policies/types";

export const TEAM_ROLE_LABEL: Record<TeamRole, string> = { MEMBER: "Member", PRODUCT_MANAGER: "Product manager" };

export const TEAM_ROLE_OPTIONS = (Object.keys(TEAM_ROLE_LABEL) as TeamRole[]).map((value) => ({ value, label: TEAM_ROLE_LABEL[value] }));

/** A person's role in a team; product managers stand out because they rank the team's backlog. */
export function TeamRoleBadge({ role, prefix }: { role: TeamRole; prefix?: string }) {
  const label = TEAM_ROLE_LABEL[role];
  return <Badge tone={role === "PRODUCT_MANAGER" ? "accent" : "neutral"}>{prefix ? `${prefix}${label.toLowerCase()}` : label}</Badge>;
}
