import { Badge } from "@/components/ui/badge";

const LABEL: Record<string, string> = { FACILITATOR: "Facilitator", RESPONDER: "Responder", OBSERVER: "Observer" };

export function RoleBadge({ role }: { role: string }) {
  return <Badge tone={role === "FACILITATOR" ? "accent" : "neutral"}>{LABEL[role] ?? role}</Badge>;
}
