/**
 * A team's backlog against a real database: every action of the team across reviews in rank
 * order with its review, assignee and tracker state; the filters (status, overdue, review,
 * finding category, priority); overdue first; keyset pages that continue each other; who may read
 * it; what each item lets the reader do; and bad cursors.
 */
import { describe, expect, it } from "vitest";
import { listBacklog, listBacklogSchema, type Backlog } from "../../lib/action-items/list-backlog";
import { listBacklogReviews } from "../../lib/action-items/list-backlog-reviews";
import { db } from "../../lib/db/client";
import { actorFor, buildFinding, buildIncident, buildReview, buildUser } from "../support/factories";
import { buildAction, buildActionCast } from "./action-fixtures";

const NOW = new Date("2026-11-20T12:00:00Z");
const day = (d: string) => new Date(`${d}T00:00:00Z`);
const query = (q: Record<string, string> = {}) => listBacklogSchema.parse(q);
const titles = (b: Backlog) => b.items.map((i) => i.title);

async function backlog() {
  const fx = await buildActionCast("PUBLISHED");
  // A second review, of another team's incident, whose actions this team owns; visible to its participants only.
  const otherTeamMember = await buildUser();
  const otherIncident = await buildIncident({ teamId: (await db().team.create({ data: { name: `Other ${fx.teamId}`, slug: `other-${fx.teamId}`, memberships: { create: [{ userId: otherTeamMember.id }] } } })).id });
  const hidden = await buildReview({ incidentId: otherIncident.id, phase: "ACTION_PLANNING", visibility: "PARTICIPANTS", title: "Hidden review", participants: [{ userId: fx.users.facilitator.id, role: "FACILITATOR" }] });
  const gapInHidden = await buildFinding({ reviewId: hidden.id, category: "KNOWLEDGE_GAP" });
  const t = fx.teamId;
  const a = {
    high: await buildAction({ reviewId: fx.reviewId, teamId: t, title: "High and late", priority: "HIGH", dueDate: day("2026-11-10"), assigneeId: fx.assignee.id, findingIds: [fx.findings.technical.id], agreed: true, syncState: "SYNCED" }),
    dueToday: await buildAction({ reviewId: fx.reviewId, teamId: t, title: "Due today", dueDate: day("2026-11-20"), status: "IN_PROGRESS" }),
    done: await buildAction({ reviewId: fx.reviewId, teamId: t, title: "Done but was late", dueDate: day("2026-11-01"), status: "DONE" }),
    fromHidden: await buildAction({ reviewId: hidden.id, teamId: t, title: "From the hidden review", findingIds: [gapInHidden.id], priority: "LOW" }),
    lateLow: await buildAction({ reviewId: fx.reviewId, teamId: t, title: "Low and late", priority: "LOW", dueDate: day("2026-11-19") }),
    dropped: await buildAction({ reviewId: fx.reviewId, teamId: t, title: "Dropped", status: "WONT_DO" }),
  };
  await db().actionItem.update({ where: { id: a.high.id }, data: { externalKey: "PAY-7", externalUrl: "https://tracker.test/PAY-7", externalProvider: "JIRA", lastSyncedAt: NOW } });
  return { ...fx, hidden, a };
}

describe("a team's backlog", () => {
  it("lists the team's active actions from every review in rank order, with review, assignee and tracker state", async () => {
    const fx = await backlog();
    const page = await listBacklog(fx.actors.teamMember, fx.team.slug, query(), NOW);
    expect(page.team).toEqual({ id: fx.teamId, name: fx.team.name, slug: fx.team.slug });
    expect(titles(page)).toEqual(["High and late", "Due today", "From the hidden review", "Low and late"]);
    const [high, today, hidden] = page.items;
    expect(high).toMatchObject({
      priority: "HIGH",
      dueDate: "2026-11-10",
      overdue: true,
      agreed: true,
      review: { id: fx.reviewId, visible: true },
      assignee: { id: fx.assignee.id },
      categories: ["CONTRIBUTING_TECHNICAL"],
      sync: { state: "SYNCED", provider: "JIRA", externalKey: "PAY-7", externalUrl: "https://tracker.test/PAY-7" },
      abilities: { edit: false, updateProgress: true, prioritise: false, rank: false },
    });
    expect(today).toMatchObject({ overdue: false, status: "IN_PROGRESS" });
    // The team owns it, so the team sees it — but may not open the review it came from.
    expect(hidden).toMatchObject({ review: { id: fx.hidden.id, title: "Hidden review", phase: "ACTION_PLANNING", visible: false }, abilities: { updateProgress: false } });
    expect(page.abilities).toEqual({ rank: false });
    expect((await listBacklog(fx.actors.pm, fx.teamId, query(), NOW)).abilities).toEqual({ rank: true });
    expect((await listBacklog(fx.actors.pm, fx.teamId, query(), NOW)).items[0]!.abilities).toMatchObject({ prioritise: true, rank: true });
  });

  it("filters by status, overdue, review, finding category and priority; orders overdue first", async () => {
    const fx = await backlog();
    const list = async (q: Record<string, string>) => titles(await listBacklog(fx.actors.pm, fx.teamId, query(q), NOW));
    expect(await list({ status: "all" })).toEqual(["High and late", "Due today", "Done but was late", "From the hidden review", "Low and late", "Dropped"]);
    expect(await list({ status: "DONE,WONT_DO" })).toEqual(["Done but was late", "Dropped"]);
    expect(await list({ overdue: "true" })).toEqual(["High and late", "Low and late"]);
    expect(await list({ overdue: "true", status: "all" })).toEqual(["High and late", "Low and late"]); // done is never overdue
    expect(await list({ reviewId: fx.hidden.id })).toEqual(["From the hidden review"]);
    expect(await list({ category: "KNOWLEDGE_GAP" })).toEqual(["From the hidden review"]);
    expect(await list({ category: "WENT_WELL" })).toEqual([]);
    expect(await list({ priority: "LOW" })).toEqual(["From the hidden review", "Low and late"]);
    expect(await list({ order: "overdue-first" })).toEqual(["High and late", "Low and late", "Due today", "From the hidden review"]);
    expect((await listBacklogReviews(fx.actors.pm, fx.teamId)).map((r) => r.id).sort()).toEqual([fx.reviewId, fx.hidden.id].sort());
  });

  it("pages with a cursor that continues where the last page ended, in both orders, however ranks change between pages", async () => {
    const fx = await backlog();
    for (const order of ["rank", "overdue-first"]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await listBacklog(fx.actors.pm, fx.teamId, query({ order, status: "all", limit: "2", ...(cursor ? { cursor } : {}) }), NOW);
        seen.push(...titles(page));
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor);
      expect(pages, order).toBe(3);
      expect(seen, order).toEqual(titles(await listBacklog(fx.actors.pm, fx.teamId, query({ order, status: "all" }), NOW)));
    }
    await expect(listBacklog(fx.actors.pm, fx.teamId, query({ cursor: "not-a-cursor" }), NOW)).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { cursor: expect.any(Array) } });
    const rankCursor = (await listBacklog(fx.actors.pm, fx.teamId, query({ limit: "1" }), NOW)).nextCursor!;
    await expect(listBacklog(fx.actors.pm, fx.teamId, query({ cursor: rankCursor, order: "overdue-first" }), NOW)).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("is read by the team's members and admins: 403 for others, 404 for no such team", async () => {
    const fx = await backlog();
    expect(titles(await listBacklog(fx.actors.admin, fx.teamId, query(), NOW))).toHaveLength(4);
    await expect(listBacklog(fx.actors.outsider, fx.teamId, query(), NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listBacklog(fx.actors.facilitator, fx.team.slug, query(), NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listBacklog(fx.actors.assignee, fx.teamId, query(), NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listBacklogReviews(fx.actors.outsider, fx.teamId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listBacklog(fx.actors.admin, "no-such-team", query(), NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const newcomer = await buildUser();
    await db().teamMembership.create({ data: { teamId: fx.teamId, userId: newcomer.id } });
    expect((await listBacklog(await actorFor(newcomer.id), fx.teamId, query(), NOW)).items).toHaveLength(4);
  });

  it("validates its query at the boundary", () => {
    const paths = (r: { error?: { issues: { path: PropertyKey[] }[] } }) => (r.error?.issues ?? []).map((i) => i.path.join("."));
    expect(query()).toEqual({ status: "active", order: "rank", limit: 50 });
    expect(paths(listBacklogSchema.safeParse({ status: "OPEN;DROP TABLE", overdue: "yes", category: "ROOT_CAUSE", priority: "URGENT", order: "random", limit: "500" }))).toEqual([
      "status",
      "overdue",
      "category",
      "priority",
      "order",
      "limit",
    ]);
  });
});
