import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONE: Record<string, BadgeTone> = { SEV1: "danger", SEV2: "warning", SEV3: "accent", SEV4: "neutral" };

export function SeverityBadge({ severity }: { severity: string }) {
  return <Badge tone={TONE[severity] ?? "neutral"}>{severity}</Badge>;
}
