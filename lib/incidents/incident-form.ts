/**
 * The incident form as browsers post it — wall-clock times typed in the viewer's timezone,
 * services as one comma-separated line, empty strings for blanks — turned into the input of
 * createIncident. Field names stay the same, so errors land beside the right fields.
 */
import { z } from "zod";
import { zonedLocalToDate, isValidTimeZone } from "../ui/time";
import { parseInput } from "../http/validation";
import { createIncidentSchema, type CreateIncidentInput } from "./create-incident";

export const incidentFormSchema = z.object({
  title: z.string().default(""),
  summary: z.string().default(""),
  severity: z.string().default(""),
  startedAt: z.string().default(""),
  detectedAt: z.string().default(""),
  resolvedAt: z.string().default(""),
  timezone: z.string().default("UTC"),
  services: z.string().default(""),
  teamId: z.string().default(""),
  externalUrl: z.string().default(""),
});

export function incidentFromForm(form: z.output<typeof incidentFormSchema>): CreateIncidentInput {
  const tz = isValidTimeZone(form.timezone) ? form.timezone : "UTC";
  const time = (v: string) => (v.trim() ? (zonedLocalToDate(v.trim(), tz) ?? "invalid") : undefined);
  return parseInput(
    createIncidentSchema,
    {
      title: form.title,
      summary: form.summary.trim() || undefined,
      severity: form.severity || undefined,
      startedAt: time(form.startedAt),
      detectedAt: time(form.detectedAt),
      resolvedAt: time(form.resolvedAt),
      services: form.services
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
      teamId: form.teamId,
      externalUrl: form.externalUrl.trim() || undefined,
    },
    "The form",
  );
}
