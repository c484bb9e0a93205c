/**
 * The organisation export and import against real databases: export the test database (with a
 * review carrying every kind of content), import it into a fresh migrated database, export that
 * again — the same content, plus the import's own audit event. Import is refused on a non-empty
 * install, and a bad file is refused with a clear message and nothing imported.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
// eslint-disable-next-line no-restricted-imports -- clients of the other, fresh databases (db() is this process's own)
import { PrismaClient } from "../../lib/db/generated/client";
import { exportOrganisation } from "../../lib/export/export-organisation";
import { EXPORTED_TABLES } from "../../lib/export/tables";
import { importOrganisation } from "../../lib/export/import-organisation";
import { isAppError } from "../../lib/errors";
import type { Actor } from "../../lib/policies/types";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { buildAccount, buildCast, buildFinding, buildSharedEntry, uid } from "../support/factories";

type Export = { format: string; version: number; exportedAt: string; migration: string | null; tables: Record<string, Record<string, unknown>[]> };

const admin = (email = `import-${uid()}@test.example`): Actor => ({ id: "no-such-user", email, name: "Importer", role: "ADMIN", teams: {} });

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Export> {
  return JSON.parse(await new Response(stream).text()) as Export;
}

let fresh: TestDatabase;
let freshClient: PrismaClient;

beforeAll(async () => {
  fresh = await createTestDatabase("import");
  freshClient = new PrismaClient({ adapter: new PrismaPg({ connectionString: fresh.url, max: 2 }) });
});
afterAll(async () => {
  await freshClient.$disconnect();
  await fresh.drop();
});

/** A published review with accounts, timeline, findings and evidence, a comment thread, a narrative, actions, reads, follows. */
async function richReview() {
  const cast = await buildCast("PUBLISHED", "ORGANISATION");
  const { review, users, team } = cast;
  await db().review.update({ where: { id: review.id }, data: { publishedAt: new Date(), revealedAt: new Date(Date.now() - 3_600_000), tags: ["export", "db"], summary: `Summary ${uid()}` } });
  await buildAccount({ reviewId: review.id, authorId: users.responder.id, text: "What I saw", status: "SUBMITTED", timeline: ["paged"] });
  const entry = await buildSharedEntry({ reviewId: review.id, keyMoment: "DETECTION" });
  const finding = await buildFinding({ reviewId: review.id, category: "KNOWLEDGE_GAP", evidenceEntryIds: [entry.id] });
  const parent = await db().comment.create({ data: { reviewId: review.id, targetType: "FINDING", targetId: finding.id, authorId: users.facilitator.id, body: "Why?" } });
  await db().comment.create({ data: { reviewId: review.id, targetType: "FINDING", targetId: finding.id, authorId: users.responder.id, body: "Because", parentId: parent.id } });
  await db().collabDocument.create({ data: { name: `review:${review.id}:narrative`, reviewId: review.id, state: Buffer.from([0, 1, 2, 250, 255]), json: { type: "doc", content: [] }, text: "Narrative" } });
  const action = await db().actionItem.create({
    data: { reviewId: review.id, teamId: team.id, title: "Add an alert", description: { type: "doc", content: [] }, rank: "a0", agreedAt: new Date(), status: "DONE", closedAt: new Date() },
  });
  await db().actionFinding.create({ data: { actionId: action.id, findingId: finding.id } });
  await db().reviewRead.create({ data: { reviewId: review.id, userId: users.outsider.id } });
  await db().subscription.create({ data: { userId: users.outsider.id, kind: "TEAM", value: team.id } });
  await db().user.update({ where: { id: users.teamMember.id }, data: { passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA" } });
  await db().apiToken.create({ data: { userId: users.teamMember.id, name: "script", prefix: "dbf_xx", tokenHash: `hash-${uid()}` } });
  return cast;
}

describe("organisation export and import", () => {
  it("round-trips: export → empty database → import → export again gives the same content", async () => {
    const { review, users, actors } = await richReview();
    const first = await readAll(exportOrganisation(actors.admin));
    expect(first).toMatchObject({ format: "debrief-organisation-export", version: 1 });
    expect(Object.keys(first.tables).sort()).toEqual([...EXPORTED_TABLES].sort());
    expect(first.tables.Review!.some((r) => r.id === review.id)).toBe(true);
    expect(first.tables.ApiToken).toBeUndefined();
    expect(JSON.stringify(first)).not.toContain("dbf_xx");
    const member = first.tables.User!.find((u) => u.id === users.teamMember.id)!;
    expect(member.passwordHash).toMatch(/^\$argon2id\$/);
    const narrative = first.tables.CollabDocument!.find((d) => d.reviewId === review.id)!;
    expect(Buffer.from(narrative.state as string, "base64")).toEqual(Buffer.from([0, 1, 2, 250, 255]));

    const result = await importOrganisation(admin(users.admin.email), first, { client: freshClient });
    expect(result.rows.Review).toBe(first.tables.Review!.length);
    // The same admin (same id) exists in the imported install.
    const second = await readAll(exportOrganisation(actors.admin, { client: freshClient }));

    // The second install adds exactly two audit events: the import, and the second export itself.
    const added = second.tables.AuditEvent!.filter((e) => !first.tables.AuditEvent!.some((f) => f.id === e.id));
    expect(added.map((e) => e.type).sort()).toEqual(["organisation.exported", "organisation.imported"]);
    expect(added.find((e) => e.type === "organisation.imported")).toMatchObject({ actorId: users.admin.id, data: { formatVersion: 1, exportedAt: first.exportedAt } });
    expect(first.tables.AuditEvent!.some((e) => e.type === "organisation.exported" && e.actorId === users.admin.id)).toBe(true);
    second.tables.AuditEvent = second.tables.AuditEvent!.filter((e) => !added.includes(e));
    expect(second.tables).toEqual(first.tables);
    expect(second.migration).toBe(first.migration);

    // The library's search documents were rebuilt for published reviews.
    expect(await freshClient.reviewSearchDocument.count({ where: { reviewId: review.id } })).toBe(1);
  });

  it("refuses to import into an install that is not empty, with a 409 naming what it holds", async () => {
    const { actors } = await buildCast();
    const file = await readAll(exportOrganisation(actors.admin));
    const error = await importOrganisation(admin(), file).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("CONFLICT");
    expect((error as Error).message).toMatch(/not empty \(it holds \d+ teams?/);
  });

  it("refuses bad files clearly and imports nothing", async () => {
    const target = await createTestDatabase("import-bad");
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url, max: 2 }) });
    try {
      const base = { format: "debrief-organisation-export", version: 1, exportedAt: new Date().toISOString(), migration: null };
      const refuse = async (file: unknown, message: RegExp) => {
        const e = await importOrganisation(admin(), file, { client }).catch((err: unknown) => err);
        expect(isAppError(e) && e.code, String(e)).toBe("VALIDATION_FAILED");
        expect((e as Error).message).toMatch(message);
        return e as { fields?: Record<string, string[]> };
      };
      await refuse({ hello: "world" }, /not a Debrief organisation export|format/);
      await refuse({ ...base, version: 2, tables: {} }, /format version/);
      const badEnum = await refuse(
        { ...base, tables: { Team: [{ id: "t1", name: "A", slug: "a", createdAt: base.exportedAt, updatedAt: base.exportedAt, description: null, chatWebhookUrl: null }], User: [{ id: "u1", email: 7 }] } },
        /not valid/,
      );
      expect(Object.keys(badEnum.fields ?? {})).toContain("tables.User[0].email");
      await refuse({ ...base, tables: { Nope: [] } }, /Unknown table "Nope"/);
      // Valid rows whose references are missing: refused by the database, rolled back.
      const at = base.exportedAt;
      await refuse(
        {
          ...base,
          tables: {
            Team: [{ id: "t1", name: "A", slug: "a", createdAt: at, updatedAt: at, description: null, chatWebhookUrl: null }],
            TeamMembership: [{ id: "m1", teamId: "t1", userId: "missing-user", role: "MEMBER", createdAt: at }],
          },
        },
        /inconsistent: its TeamMembership rows/,
      );
      expect(await client.team.count()).toBe(0);
      const newer = await importOrganisation(admin(), { ...base, migration: "29991231000000_future", tables: {} }, { client }).catch((e: unknown) => e);
      expect(isAppError(newer) && newer.code).toBe("CONFLICT");
      expect((newer as Error).message).toMatch(/newer Debrief/);
    } finally {
      await client.$disconnect();
      await target.drop();
    }
  });

  it("counts an install with only its first admin as empty, and replaces that admin with the export's people", async () => {
    const target = await createTestDatabase("import-setup");
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url, max: 2 }) });
    try {
      const setup = await client.user.create({ data: { email: "first-admin@test.example", role: "ADMIN", name: "First admin" } });
      await client.auditEvent.create({ data: { type: "user.joined", actorId: setup.id, subjectType: "User", subjectId: setup.id, data: { via: "setup" } } });
      const at = new Date().toISOString();
      const file = {
        format: "debrief-organisation-export",
        version: 1,
        exportedAt: at,
        migration: null,
        tables: {
          User: [{ id: "u1", name: "Ada", email: "first-admin@test.example", emailVerified: null, image: null, passwordHash: "$argon2id$x", role: "ADMIN", timezone: null, deactivatedAt: null, createdAt: at, updatedAt: at }],
          Team: [{ id: "t1", name: "Payments", slug: "payments", description: null, createdAt: at, updatedAt: at, chatWebhookUrl: null }],
        },
      };
      const result = await importOrganisation(admin("first-admin@test.example"), file, { client });
      expect(result.rows).toMatchObject({ User: 1, Team: 1 });
      expect(await client.user.findMany({ select: { id: true } })).toEqual([{ id: "u1" }]);
      const audit = await client.auditEvent.findMany();
      expect(audit.map((a) => [a.type, a.actorId])).toEqual([["organisation.imported", "u1"]]);
    } finally {
      await client.$disconnect();
      await target.drop();
    }
  });

  it("is for admins only", async () => {
    const { actors } = await buildCast();
    expect(() => exportOrganisation(actors.teamMember)).toThrow(/permission/);
    await expect(importOrganisation(actors.teamMember, {})).rejects.toThrow(/permission/);
  });
});
