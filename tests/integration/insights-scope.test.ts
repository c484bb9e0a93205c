/**
 * Insights count actions as `action:view` allows: the SQL condition (lib/insights/scope-sql.ts)
 * agrees with the policy for every role × phase × visibility, for actions owned by the review's
 * team and by another team, assigned or not.
 */
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { Prisma } from "../../lib/db/generated/client";
import { actionsVisibleSql, meJoin } from "../../lib/insights/scope-sql";
import { can } from "../../lib/policies";
import type { Actor, ReviewPhase, ReviewVisibility } from "../../lib/policies/types";
import { toReviewFacts } from "../../lib/reviews/review-scope";
import { buildCast, buildTeam, uid } from "../support/factories";

const PHASES: ReviewPhase[] = ["PREPARING", "INDEPENDENT", "GROUP", "ACTION_PLANNING", "PUBLISHED"];
const VISIBILITIES: ReviewVisibility[] = ["PARTICIPANTS", "TEAM", "ORGANISATION"];

async function visibleBySql(actor: Actor, ids: string[]): Promise<Set<string>> {
  const rows = await db().$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT a.id FROM "ActionItem" a JOIN "Review" r ON r.id = a."reviewId" JOIN "Incident" i ON i.id = r."incidentId" ${meJoin(actor)}
    WHERE a.id = ANY(${ids}::text[]) AND ${actionsVisibleSql(actor)}`);
  return new Set(rows.map((r) => r.id));
}

describe("which actions Insights counts", () => {
  it("agrees with the action:view policy for every role, phase and visibility", async () => {
    let checked = 0;
    for (const phase of PHASES) {
      for (const visibility of VISIBILITIES) {
        const { review, team, actors, users } = await buildCast(phase, visibility);
        const elsewhere = await buildTeam([{ userId: users.outsider.id }]);
        const made = await Promise.all(
          [
            { teamId: team.id, assigneeId: null },
            { teamId: elsewhere.id, assigneeId: null },
            { teamId: elsewhere.id, assigneeId: users.observer.id },
          ].map((o, k) => db().actionItem.create({ data: { reviewId: review.id, title: `A ${uid()}`, description: {}, rank: `s${k}`, ...o } })),
        );
        const full = await db().review.findUniqueOrThrow({ where: { id: review.id }, include: { incident: true, participants: true } });
        for (const [who, actor] of Object.entries(actors)) {
          const sql = await visibleBySql(actor, made.map((a) => a.id));
          for (const a of made) {
            const facts = { ...toReviewFacts(full, actor), actionTeamId: a.teamId, isAssignee: a.assigneeId === actor.id };
            expect(sql.has(a.id), `${who} · ${phase} · ${visibility} · ${a.teamId === team.id ? "review team" : "other team"}${a.assigneeId ? " (assigned)" : ""}`).toBe(
              can(actor, "action:view", facts),
            );
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(5 * 3 * 7 * 3);
  });
});
