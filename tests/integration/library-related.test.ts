import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { relatedReviews } from "../../lib/library/related-reviews";
import { similarToYourServices } from "../../lib/library/similar-to-your-services";
import { actorFor, buildIncident, uid } from "../support/factories";
import { buildPublishedReview } from "./library-fixtures";

describe("related reviews", () => {
  it("ranks shared services over shared tags over similar words, says why, and leaves out what the reader may not see", async () => {
    const service = `svc-${uid()}`;
    const tag = `tag-${uid()}`;
    const w = `zq${uid()}`;
    const source = await buildPublishedReview({ title: `Review: ${w} outage`, services: [service], tags: [tag], summary: `The ${w} cluster ran out of memory.` });
    const sameService = await buildPublishedReview({ services: [service, "api"] });
    const sameTag = await buildPublishedReview({ tags: [tag] });
    const similarWords = await buildPublishedReview({ summary: `Another ${w} cluster problem.` });
    const hidden = await buildPublishedReview({ services: [service], visibility: "PARTICIPANTS" });
    const unrelated = await buildPublishedReview({ services: [`other-${uid()}`] });

    const reader = source.actors.outsider;
    const related = await relatedReviews(reader, source.review.id, { limit: 20 });
    const ids = related.map((r) => r.id);
    expect(ids.slice(0, 3)).toEqual([sameService.review.id, sameTag.review.id, similarWords.review.id]);
    expect(ids).not.toContain(source.review.id);
    expect(ids).not.toContain(hidden.review.id);
    expect(ids).not.toContain(unrelated.review.id);
    expect(related[0]!.reasons).toMatchObject({ services: [service], tags: [] });
    expect(related[1]!.reasons).toMatchObject({ services: [], tags: [tag] });
    expect(related[2]!.reasons.similarText).toBe(true);

    // Its participants see the hidden one as related.
    const insider = await actorFor((await db().reviewParticipant.findFirstOrThrow({ where: { reviewId: hidden.review.id, role: "RESPONDER" } })).userId);
    const forInsider = await relatedReviews(insider, source.review.id, { limit: 20 });
    expect(forInsider.map((r) => r.id)).toContain(hidden.review.id);
  });

  it("answers 404 for a review the reader may not see", async () => {
    const hidden = await buildPublishedReview({ visibility: "TEAM" });
    await expect(relatedReviews(hidden.actors.outsider, hidden.review.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("similar to your services", () => {
  it("lists other teams' reviews touching services of the reader's teams' incidents", async () => {
    const service = `svc-${uid()}`;
    const other = await buildPublishedReview({ services: [service, "api"] });
    const own = await buildPublishedReview({ services: [service] });
    // The reader: a member of `own`'s team, whose team had an incident with the service.
    await buildIncident({ teamId: own.team.id });
    await db().incident.updateMany({ where: { teamId: own.team.id }, data: { services: [service] } });
    const result = await similarToYourServices(own.actors.teamMember, { limit: 24 });
    expect(result.services).toContain(service);
    const found = result.items.find((i) => i.id === other.review.id);
    expect(found?.sharedServices).toEqual([service]);
    expect(result.items.map((i) => i.id)).not.toContain(own.review.id);
    expect((await similarToYourServices(own.actors.admin)).items).toEqual([]);
  });
});
