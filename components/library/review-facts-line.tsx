import { viewerTimeZone } from "@/lib/http/viewer";
import { formatDate, formatDateTime } from "@/lib/ui/time";
import { FactsLine } from "./facts-line";

/** FactsLine for server components: the incident date in the viewer's timezone. */
export async function ReviewFactsLine({ severity, team, incidentAt, services, highlight = [] }: { severity: string; team: { name: string }; incidentAt: Date; services: string[]; highlight?: string[] }) {
  const tz = await viewerTimeZone();
  const incident = { iso: incidentAt.toISOString(), label: formatDate(incidentAt, tz), exact: formatDateTime(incidentAt, tz) };
  return <FactsLine severity={severity} team={team.name} incident={incident} services={services} highlight={highlight} />;
}
