import { z } from "zod";
import { recordAuditEvent } from "../audit/events";
import { db } from "../db/client";
import { AppError } from "../errors";
import { authorize } from "../policies";
import type { Actor } from "../policies/types";

export const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
export const SEVERITY_LABEL: Record<(typeof SEVERITIES)[number], string> = {
  SEV1: "SEV1 · critical",
  SEV2: "SEV2 · major",
  SEV3: "SEV3 · minor",
  SEV4: "SEV4 · low",
};

const services = z
  .array(z.string().trim().min(1).max(80, "A service name is at most 80 characters."))
  .max(30, "At most 30 services.")
  .transform((list) => [...new Set(list)]);

export const createIncidentSchema = z
  .object({
    title: z.string().trim().min(3, "Give the incident a title of at least 3 characters.").max(200, "At most 200 characters."),
    summary: z.string().trim().max(5000, "At most 5,000 characters.").optional(),
    severity: z.enum(SEVERITIES, { error: "Choose a severity: SEV1, SEV2, SEV3 or SEV4." }),
    startedAt: z.coerce.date({ error: "Give the time the incident started." }),
    detectedAt: z.coerce.date({ error: "Give the time the incident was detected." }),
    resolvedAt: z.coerce.date({ error: "Give a valid resolution time, or leave it empty." }).optional(),
    services: services.default([]),
    teamId: z.string().min(1, "Choose the owning team."),
    externalUrl: z.url({ protocol: /^https?$/, error: "Give an http(s) link, or leave it empty." }).max(2000).optional(),
  })
  // Checked even when other fields are wrong, so the form shows every problem at once.
  .refine((v) => !(v.detectedAt < v.startedAt), {
    path: ["detectedAt"],
    message: "Detection cannot be before the incident started.",
    when: (p) => timesValid(p.value),
  })
  .refine((v) => !(v.resolvedAt && v.resolvedAt < v.startedAt), {
    path: ["resolvedAt"],
    message: "Resolution cannot be before the incident started.",
    when: (p) => timesValid(p.value),
  });

function timesValid(value: unknown): boolean {
  const v = value as Record<string, unknown> | null;
  const ok = (d: unknown) => d instanceof Date && !Number.isNaN(d.getTime());
  return Boolean(v && ok(v.startedAt) && ok(v.detectedAt) && (v.resolvedAt === undefined || ok(v.resolvedAt)));
}

export type CreateIncidentInput = z.output<typeof createIncidentSchema>;

/** Records an incident owned by a team the actor belongs to (any team, for admins). */
export async function createIncident(actor: Actor, input: CreateIncidentInput) {
  const team = await db().team.findUnique({ where: { id: input.teamId }, select: { id: true } });
  if (!team) throw new AppError("VALIDATION_FAILED", "The owning team does not exist.", { fields: { teamId: ["Choose an existing team."] } });
  authorize(actor, "incident:create", team, { message: "You can record incidents only for teams you belong to." });
  return db().$transaction(async (tx) => {
    const incident = await tx.incident.create({
      data: {
        title: input.title,
        summary: input.summary || null,
        severity: input.severity,
        startedAt: input.startedAt,
        detectedAt: input.detectedAt,
        resolvedAt: input.resolvedAt ?? null,
        services: input.services,
        teamId: input.teamId,
        externalUrl: input.externalUrl ?? null,
        createdById: actor.id,
      },
    });
    await recordAuditEvent(tx, { type: "incident.created", actorId: actor.id, subjectId: incident.id, data: { title: incident.title, teamId: incident.teamId } });
    return incident;
  });
}
