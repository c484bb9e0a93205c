import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { createIncident, createIncidentSchema } from "../../lib/incidents/create-incident";
import { getIncident } from "../../lib/incidents/get-incident";
import { incidentFromForm, incidentFormSchema } from "../../lib/incidents/incident-form";
import { listIncidents } from "../../lib/incidents/list-incidents";
import { actorFor, buildCast, buildIncident, buildTeam, buildUser } from "../support/factories";

const valid = (teamId: string) => ({
  title: "Checkout errors",
  severity: "SEV2" as const,
  startedAt: new Date("2026-11-20T10:00:00Z"),
  detectedAt: new Date("2026-11-20T10:05:00Z"),
  resolvedAt: new Date("2026-11-20T11:00:00Z"),
  services: ["checkout-api", "checkout-api", "gateway"],
  teamId,
});

describe("recording an incident", () => {
  it("stores it for a team the actor belongs to, with de-duplicated services and an audit event", async () => {
    const member = await buildUser();
    const team = await buildTeam([{ userId: member.id }]);
    const incident = await createIncident(await actorFor(member.id), createIncidentSchema.parse(valid(team.id)));
    expect(incident.services).toEqual(["checkout-api", "gateway"]);
    expect(await db().auditEvent.findFirst({ where: { subjectId: incident.id } })).toMatchObject({ type: "incident.created", actorId: member.id });
  });

  it("refuses teams the actor is not in", async () => {
    const member = await buildUser();
    const other = await buildTeam();
    await expect(createIncident(await actorFor(member.id), valid(other.id))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db().incident.count({ where: { teamId: other.id } })).toBe(0);
  });

  it("turns the browser form into valid input, reading times in the viewer's timezone", () => {
    const input = incidentFromForm(
      incidentFormSchema.parse({
        title: "  DNS outage ",
        severity: "SEV1",
        startedAt: "2026-07-01T12:00",
        detectedAt: "2026-07-01T12:10",
        resolvedAt: "",
        timezone: "Europe/Berlin",
        services: "dns, edge-proxy,\n dns",
        teamId: "t1",
        externalUrl: "",
        summary: "",
      }),
    );
    expect(input).toMatchObject({ title: "DNS outage", severity: "SEV1", services: ["dns", "edge-proxy"], teamId: "t1" });
    expect(input.startedAt.toISOString()).toBe("2026-07-01T10:00:00.000Z");
    expect(input.resolvedAt).toBeUndefined();
    expect(input.externalUrl).toBeUndefined();
  });

  it("explains every bad field at once", () => {
    try {
      incidentFromForm(
        incidentFormSchema.parse({ title: "x", severity: "SEV9", startedAt: "2026-07-01T12:00", detectedAt: "2026-07-01T11:00", externalUrl: "ftp://x", teamId: "" }),
      );
      expect.unreachable();
    } catch (e) {
      const fields = (e as { fields: Record<string, string[]> }).fields;
      expect(Object.keys(fields).sort()).toEqual(["detectedAt", "externalUrl", "severity", "teamId", "title"]);
      expect(fields.detectedAt![0]).toMatch(/before the incident started/);
    }
  });
});

describe("reading incidents", () => {
  it("shows an incident to its team and review participants, and 404s for others", async () => {
    const { incident, actors } = await buildCast("PREPARING");
    await expect(getIncident(actors.teamMember, incident.id)).resolves.toMatchObject({ id: incident.id });
    await expect(getIncident(actors.responder, incident.id)).resolves.toMatchObject({ id: incident.id });
    await expect(getIncident(actors.outsider, incident.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getIncident(actors.outsider, "no-such-id")).rejects.toMatchObject({ code: "NOT_FOUND", message: "Incident not found." });
  });

  it("lists only visible incidents, newest first, with keyset pages", async () => {
    const member = await buildUser();
    const team = await buildTeam([{ userId: member.id }]);
    for (let i = 0; i < 5; i++) await buildIncident({ teamId: team.id, title: `Paged ${i}` });
    const hidden = await buildIncident({ teamId: (await buildTeam()).id, title: "Someone else's" });
    const actor = await actorFor(member.id);
    const first = await listIncidents(actor, { limit: 3, teamId: team.id });
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toBeTruthy();
    const second = await listIncidents(actor, { limit: 3, teamId: team.id, cursor: first.nextCursor! });
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((i) => i.id);
    expect(new Set(ids).size).toBe(5);
    const all = await listIncidents(actor, { limit: 100 });
    // Other teams' incidents stay hidden (unless a review of them is published to everyone).
    expect(all.items.map((i) => i.id)).not.toContain(hidden.id);
    expect(all.items.filter((i) => i.teamId === team.id)).toHaveLength(5);
    await expect(listIncidents(actor, { limit: 3, cursor: "garbage" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });
});
