/**
 * Tracker connections: credentials encrypted at rest (AES-256-GCM) and never returned, who may
 * connect, keeping stored credentials on an edit, "test connection" with specific errors, the
 * chat webhook, and disconnecting while actions keep their key and last known state.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptJson, decryptSecret, encryptSecret, parseEncryptionKey } from "../../lib/backlog/crypto";
import { disconnectBacklog } from "../../lib/backlog/disconnect-backlog";
import { getBacklogConnection } from "../../lib/backlog/get-backlog-connection";
import { rotateInboundSecret } from "../../lib/backlog/rotate-inbound-secret";
import { setChatWebhook, setChatWebhookSchema } from "../../lib/backlog/set-chat-webhook";
import { testBacklogConnection } from "../../lib/backlog/test-backlog-connection";
import { db } from "../../lib/db/client";
import { startFakeGithub, type FakeGithub } from "../support/trackers/github";
import { buildAction, buildTrackerCast, connectTeam, useEncryptionKey } from "../support/trackers/fixtures";

let gh: FakeGithub;
const github = () => ({ kind: "github" as const, fake: gh });

beforeAll(async () => {
  useEncryptionKey();
  gh = await startFakeGithub();
});
afterAll(() => gh.stop());

describe("credentials at rest", () => {
  const key = randomBytes(32);
  it("round-trip for their record only, and any tampering is refused", () => {
    const stored = encryptSecret("ghp_secret", "team-1", key);
    expect(stored).toMatch(/^v1\.[\w-]{8}\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(stored).not.toContain("ghp_secret");
    expect(decryptSecret(stored, "team-1", key)).toBe("ghp_secret");
    expect(encryptSecret("ghp_secret", "team-1", key)).not.toBe(stored); // a fresh IV each time
    expect(() => decryptSecret(stored, "team-2", key)).toThrow(/could not be decrypted/);
    const [v, kid, iv, tag, data] = stored.split(".");
    const flipped = Buffer.from(data!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => decryptSecret([v, kid, iv, tag, flipped.toString("base64url")].join("."), "team-1", key)).toThrow(/could not be decrypted/);
    expect(() => decryptSecret(stored, "team-1", randomBytes(32))).toThrow(/different DEBRIEF_ENCRYPTION_KEY/);
  });
  it("need a 32-byte key and say so", () => {
    expect(() => parseEncryptionKey(undefined)).toThrow(/DEBRIEF_ENCRYPTION_KEY is not set/);
    expect(() => parseEncryptionKey(randomBytes(16).toString("base64"))).toThrow(/decodes to 16 bytes/);
    expect(parseEncryptionKey(randomBytes(32).toString("base64url"))).toHaveLength(32);
  });
});

describe("connecting a team's tracker", () => {
  it("stores the token encrypted, returns the webhook secret once, and never shows the token", async () => {
    const { team, pm } = await buildTrackerCast();
    const result = await connectTeam(pm, team.id, github(), { autoPush: true });
    expect(result.created).toBe(true);
    expect(result.inboundSecret).toMatch(/^[\w-]{32}$/);
    const row = (await db().backlogConnection.findUnique({ where: { teamId: team.id } }))!;
    expect(row.credentials).not.toContain(gh.token);
    expect(decryptJson<{ token: string }>(row.credentials, team.id).token).toBe(gh.token);
    expect(row.inboundSecret).not.toContain(result.inboundSecret!);
    expect(row).toMatchObject({ provider: "GITHUB", baseUrl: gh.url, settings: { owner: "acme", repo: "payments" }, autoPush: true });
    const shown = JSON.stringify([result.connection, await getBacklogConnection(pm, team.id)]);
    expect(shown).not.toContain(gh.token);
    expect(shown).not.toContain(result.inboundSecret);
    expect(result.connection.inboundWebhook).toEqual({ url: `http://debrief.test/api/webhooks/github/${row.id}`, secretConfigured: true });
    const audit = await db().auditEvent.findMany({ where: { subjectId: row.id } });
    expect(audit.map((a) => [a.type, a.actorId, a.data])).toEqual([["backlog.connected", pm.id, { teamId: team.id, provider: "github" }]]);
  });

  it("is for admins and the team's product managers; others read the state without secrets", async () => {
    const { team, actors } = await buildTrackerCast();
    await expect(connectTeam(actors.teamMember, team.id, github())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(connectTeam(actors.facilitator, team.id, github())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await connectTeam(actors.admin, team.id, github());
    const seen = await getBacklogConnection(actors.outsider, team.slug);
    expect(seen.abilities.manage).toBe(false);
    expect(seen.connection).toMatchObject({ provider: "github", credentialsStored: true, settings: { owner: "acme", repo: "payments" } });
    expect(seen.chatWebhook).toEqual({ configured: false, host: null });
    await expect(testBacklogConnection(actors.teamMember, team.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(disconnectBacklog(actors.outsider, team.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps the stored token on an edit without one, and asks for credentials when the tracker changes", async () => {
    const { team, pm } = await buildTrackerCast();
    await connectTeam(pm, team.id, github());
    const edited = await connectTeam(pm, team.id, github(), { token: undefined, repo: "payments", autoPush: true });
    expect(edited.inboundSecret).toBeNull(); // kept, not shown again
    await expect(testBacklogConnection(pm, team.id)).resolves.toMatchObject({ ok: true, message: "Connected to acme/payments (private)." });
    await expect(connectTeam(pm, team.id, { kind: "jira", fake: { url: "https://acme.atlassian.net", projectKey: "PAY", email: "", apiToken: "" } as never }, { email: undefined, apiToken: undefined })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { email: [expect.stringMatching(/e-mail/)], apiToken: [expect.stringMatching(/API token/)] },
    });
    const audit = await db().auditEvent.findMany({ where: { type: "backlog.connection_updated", data: { path: ["teamId"], equals: team.id } } });
    expect(audit.map((a) => a.data)).toEqual([{ teamId: team.id, provider: "github", fields: ["autoPush"] }]);
  });

  it("tests the connection, keeps the result, and says exactly what is wrong", async () => {
    const { team, pm } = await buildTrackerCast();
    await connectTeam(pm, team.id, github(), { token: "ghp_revoked_token_0000" });
    const failed = await testBacklogConnection(pm, team.id);
    expect(failed).toMatchObject({ ok: false, message: expect.stringMatching(/^The token was refused \(401\)\./) });
    await connectTeam(pm, team.id, github(), { repo: "missing-repo" });
    expect((await testBacklogConnection(pm, team.id)).message).toMatch(/^The repository acme\/missing-repo was not found \(404\)/);
    await connectTeam(pm, team.id, github());
    expect((await getBacklogConnection(pm, team.id)).connection!.lastTest).toBeNull(); // new settings: last test forgotten
    await expect(testBacklogConnection(pm, team.id)).resolves.toMatchObject({ ok: true });
    expect((await getBacklogConnection(pm, team.id)).connection!.lastTest).toMatchObject({ ok: true, message: "Connected to acme/payments (private)." });
  });

  it("replaces the inbound secret on request and shows the new one once", async () => {
    const { team, pm } = await buildTrackerCast();
    const first = await connectTeam(pm, team.id, github());
    const rotated = await rotateInboundSecret(pm, team.id);
    expect(rotated.secret).not.toBe(first.inboundSecret);
    expect(rotated.url).toBe(first.connection.inboundWebhook.url);
  });

  it("sets the team's chat webhook, showing back only its host", async () => {
    const { team, pm, actors } = await buildTrackerCast();
    const url = "https://hooks.slack.com/services/T000/B000/XXXXSECRET";
    await setChatWebhook(pm, team.id, setChatWebhookSchema.parse({ chatWebhookUrl: url }));
    expect((await getBacklogConnection(pm, team.id)).chatWebhook).toEqual({ configured: true, host: "hooks.slack.com" });
    expect(JSON.stringify(await getBacklogConnection(actors.teamMember, team.id))).not.toContain("XXXXSECRET");
    expect(setChatWebhookSchema.safeParse({ chatWebhookUrl: "ftp://x" }).success).toBe(false);
    await setChatWebhook(pm, team.id, setChatWebhookSchema.parse({ chatWebhookUrl: "" }));
    expect((await db().team.findUnique({ where: { id: team.id } }))!.chatWebhookUrl).toBeNull();
    await expect(setChatWebhook(actors.teamMember, team.id, { chatWebhookUrl: url })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("disconnecting", () => {
  it("keeps every action's key, link and last known state; waiting work is not sent", async () => {
    const { team, pm, review } = await buildTrackerCast();
    const result = await connectTeam(pm, team.id, github());
    const synced = await buildAction({ reviewId: review.id, teamId: team.id, status: "IN_PROGRESS" });
    await db().actionItem.update({ where: { id: synced.id }, data: { syncState: "SYNCED", externalProvider: "GITHUB", externalId: "1", externalKey: "acme/payments#1", externalUrl: "https://x/1" } });
    const waiting = await buildAction({ reviewId: review.id, teamId: team.id });
    await db().actionItem.update({ where: { id: waiting.id }, data: { syncState: "PENDING" } });
    const waitingUpdate = await buildAction({ reviewId: review.id, teamId: team.id });
    await db().actionItem.update({ where: { id: waitingUpdate.id }, data: { syncState: "PENDING", externalProvider: "GITHUB", externalId: "2", externalKey: "acme/payments#2" } });

    await disconnectBacklog(pm, team.id);
    expect(await db().backlogConnection.findUnique({ where: { teamId: team.id } })).toBeNull();
    const after = await db().actionItem.findMany({ where: { teamId: team.id }, orderBy: { createdAt: "asc" } });
    expect(after.map((a) => [a.syncState, a.externalKey, a.status])).toEqual([
      ["SYNCED", "acme/payments#1", "IN_PROGRESS"],
      ["LOCAL", null, "OPEN"],
      ["FAILED", "acme/payments#2", "OPEN"],
    ]);
    expect(after[2]!.syncError).toBe("The team's tracker was disconnected before this change was sent.");
    expect(await db().auditEvent.count({ where: { type: "backlog.disconnected", subjectId: result.connection.id } })).toBe(1);
    expect((await getBacklogConnection(pm, team.id)).connection).toBeNull();
  });
});
