/** Following teams, services and tags: idempotent, normalised, yours only, audited. */
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { follow } from "../../lib/follow/follow";
import { followsTeam, listSubscriptions } from "../../lib/follow/list-subscriptions";
import { unfollow } from "../../lib/follow/unfollow";
import { actorFor, buildTeam, buildUser, uid } from "../support/factories";

describe("subscriptions", () => {
  it("follows a team by slug or id, a service and a tag; lists them newest first; unfollows", async () => {
    const user = await buildUser();
    const me = await actorFor(user.id);
    const team = await buildTeam();
    const byslug = await follow(me, { kind: "TEAM", value: team.slug });
    expect(byslug).toMatchObject({ kind: "TEAM", value: team.id, label: team.name, team: { slug: team.slug }, created: true });
    expect((await follow(me, { kind: "TEAM", value: team.id })).created).toBe(false);
    const service = `Checkout-API-${uid()}`;
    await follow(me, { kind: "SERVICE", value: `  ${service} ` });
    await follow(me, { kind: "TAG", value: "DNS" });
    const list = await listSubscriptions(me);
    expect(list.map((s) => [s.kind, s.value])).toEqual([
      ["TAG", "dns"],
      ["SERVICE", service.toLowerCase()],
      ["TEAM", team.id],
    ]);
    expect(await followsTeam(me, team.id)).toBe(true);

    await unfollow(me, { kind: "TEAM", value: team.slug });
    expect(await followsTeam(me, team.id)).toBe(false);
    await expect(unfollow(me, { kind: "TEAM", value: team.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(follow(me, { kind: "TEAM", value: `no-such-team-${uid()}` })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const audit = await db().auditEvent.findMany({ where: { actorId: user.id, type: { startsWith: "subscription." } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.type)).toEqual(["subscription.created", "subscription.created", "subscription.created", "subscription.deleted"]);
  });

  it("keeps each person's follows their own", async () => {
    const [a, b] = await Promise.all([buildUser(), buildUser()]);
    const team = await buildTeam();
    await follow(await actorFor(a.id), { kind: "TEAM", value: team.id });
    expect(await listSubscriptions(await actorFor(b.id))).toEqual([]);
    await expect(unfollow(await actorFor(b.id), { kind: "TEAM", value: team.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
