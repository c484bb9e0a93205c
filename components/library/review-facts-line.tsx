import { viewerTimeZone } from "@/lib/http/viewer";
import { shownTime } from "@/lib/ui/time";
import { FactsLine } from "./facts-line";

/** FactsLine for server components: the incident date in the viewer's timezone. */
export async function ReviewFactsLine({ severity, team, incidentAt, services, highlight = [] }: { severity: string; team: { name: string }; incidentAt: Date; services: string[]; highlight?: string[] }) {
  const tz = await viewerTimeZone();
  return <FactsLine severity={severity} team={team.name} incident={shownTime(incidentAt, tz, "date")} services={services} highlight={highlight} />;
}
