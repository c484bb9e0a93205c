/**
 * What the actions and backlog browser tests share: a fresh review of a new incident of the given
 * team, facilitated by facilitator@ with responder2@ (Platform) and observer@, its findings named
 * during GROUP, moved to ACTION_PLANNING through the REST API; and the backlog as the API returns it.
 */
import type { APIRequestContext, PlaywrightWorkerArgs } from "@playwright/test";
import { bearerClientFor, createIncident, createReview, expectJson, teamBySlug, unique } from "./support/api-client";

type Playwright = PlaywrightWorkerArgs["playwright"];
type Category = "CONTRIBUTING_TECHNICAL" | "CONTRIBUTING_HUMAN" | "KNOWLEDGE_GAP" | "OPERATIONAL_SURPRISE" | "WENT_WELL";

export type PlanningReview = {
  id: string;
  title: string;
  teamId: string;
  findings: Record<string, string>;
  admin: APIRequestContext;
  facilitator: APIRequestContext;
  dispose: () => Promise<void>;
};

export async function reviewInActionPlanning(playwright: Playwright, baseURL: string, options: { team: "platform" | "payments"; findings: [Category, string][] }): Promise<PlanningReview> {
  const admin = await bearerClientFor(playwright, baseURL, "admin@example.com");
  const facilitator = await bearerClientFor(playwright, baseURL, "facilitator@example.com");
  const team = await teamBySlug(admin, options.team);
  const incident = await createIncident(admin, team.id, unique("Actions incident"));
  const review = await createReview(admin, incident.id, "facilitator@example.com", { title: unique("Actions review") });
  for (const [email, role] of [
    ["responder2@example.com", "responder"],
    ["observer@example.com", "observer"],
  ] as const) {
    await expectJson(await admin.post(`/api/v1/reviews/${review.id}/participants`, { data: { email, role } }), 201);
  }
  for (const to of ["INDEPENDENT", "GROUP"]) await expectJson(await admin.post(`/api/v1/reviews/${review.id}/phase`, { data: { to } }), 200);
  const findings: Record<string, string> = {};
  for (const [category, title] of options.findings) {
    findings[title] = (await expectJson<{ id: string }>(await facilitator.post(`/api/v1/reviews/${review.id}/findings`, { data: { category, title } }), 201)).id;
  }
  await expectJson(await admin.post(`/api/v1/reviews/${review.id}/phase`, { data: { to: "ACTION_PLANNING" } }), 200);
  return {
    id: review.id,
    title: review.title,
    teamId: team.id,
    findings,
    admin,
    facilitator,
    dispose: async () => {
      await Promise.all([admin.dispose(), facilitator.dispose()]);
    },
  };
}

export type ApiAction = { id: string; title: string; agreed: boolean; priority: string; status: string; findingIds: string[]; team: { id: string }; dueDate: string | null };
export type ReviewActions = { actions: ApiAction[]; findings: { id: string; title: string; noActionReason: string | null; unaddressed: boolean; actionIds: string[] }[] };

export const reviewActions = async (api: APIRequestContext, reviewId: string) => expectJson<ReviewActions>(await api.get(`/api/v1/reviews/${reviewId}/action-items`), 200);

/** The titles of a team's backlog, filtered to one review, in rank order. */
export async function backlogTitles(api: APIRequestContext, teamId: string, reviewId: string): Promise<string[]> {
  const page = await expectJson<{ items: { title: string }[] }>(await api.get(`/api/v1/teams/${teamId}/backlog?reviewId=${reviewId}&status=all`), 200);
  return page.items.map((i) => i.title);
}
