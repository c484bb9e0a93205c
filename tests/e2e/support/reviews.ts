import type { APIRequestContext, PlaywrightWorkerArgs } from "@playwright/test";
import { bearerClientFor, createIncident, createReview, expectJson, teamBySlug, unique } from "./api-client";

type Playwright = PlaywrightWorkerArgs["playwright"];

/**
 * A fresh review of a new Platform incident, facilitated by facilitator@example.com, with the
 * given responders (and observer@example.com), moved to `phase` through the API.
 */
export async function reviewInPhase(
  playwright: Playwright,
  baseURL: string,
  options: { responders: string[]; phase: "PREPARING" | "INDEPENDENT" | "GROUP"; title?: string },
): Promise<{ id: string; title: string; api: APIRequestContext }> {
  const api = await bearerClientFor(playwright, baseURL, "facilitator@example.com");
  const team = await teamBySlug(api, "platform");
  const incident = await createIncident(api, team.id, unique("Account incident"));
  const review = await createReview(api, incident.id, "facilitator@example.com", { title: options.title ?? unique("Accounts review") });
  for (const email of options.responders) await expectJson(await api.post(`/api/v1/reviews/${review.id}/participants`, { data: { email, role: "responder" } }), 201);
  await expectJson(await api.post(`/api/v1/reviews/${review.id}/participants`, { data: { email: "observer@example.com", role: "observer" } }), 201);
  const steps = options.phase === "PREPARING" ? [] : options.phase === "INDEPENDENT" ? ["INDEPENDENT"] : ["INDEPENDENT", "GROUP"];
  for (const to of steps) await expectJson(await api.post(`/api/v1/reviews/${review.id}/phase`, { data: { to } }), 200);
  return { id: review.id, title: review.title, api };
}
